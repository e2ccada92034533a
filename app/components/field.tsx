import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type InputType = "text" | "email" | "password" | "number" | "url" | "search" | "date";

/** A labelled input with its hint and inline error, wired for screen readers (aria-describedby). */
export function Field({
  meta,
  label,
  type = "text",
  hint,
  autoComplete,
  autoFocus,
  children,
}: {
  meta: FieldMetadata<string | number | undefined>;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const inputProps = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label className="field__label" htmlFor={meta.id}>
        {label}
      </label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        className="input"
        {...inputProps}
        key={inputProps.key}
        autoComplete={autoComplete}
        autoFocus={autoFocus || (meta.errors?.length ? true : undefined)}
      />
      <FieldError meta={meta} />
      {children}
    </div>
  );
}

export function FieldError({ meta }: { meta: Pick<FieldMetadata<unknown>, "errorId" | "errors"> }) {
  if (!meta.errors?.length) return null;
  return (
    <p className="field__error" id={meta.errorId} role="alert">
      {meta.errors.join(" ")}
    </p>
  );
}

export function FormError({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="notice notice--error" role="alert" id={id} tabIndex={-1}>
      {errors.join(" ")}
    </div>
  );
}

export function Notice({
  tone = "info",
  children,
}: {
  tone?: "info" | "success" | "error";
  children: ReactNode;
}) {
  return (
    <div
      className={`notice${tone === "info" ? "" : ` notice--${tone}`}`}
      role={tone === "error" ? "alert" : "status"}
    >
      {children}
    </div>
  );
}
