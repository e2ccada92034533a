import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { confirmSchema } from "~/modules/contests/brief";
import { FieldError, FormError } from "./field";
import "./confirm-page.css";

/**
 * A confirmation step of its own, for what moves money or ends a contest: a page (so it works
 * without JavaScript), a checkbox to tick, a clearly labelled button, and a way back.
 */
export function ConfirmPage({
  title,
  lead,
  warning,
  confirmLabel,
  submitLabel,
  cancelLabel,
  cancelTo,
  lastResult,
  tone = "danger",
  hidden = {},
}: {
  title: string;
  lead: ReactNode;
  warning?: string;
  confirmLabel: string;
  submitLabel: string;
  cancelLabel: string;
  cancelTo: string;
  lastResult?: SubmissionResult<string[]>;
  tone?: "danger" | "primary";
  /** Values the confirmation carries back (what is being confirmed, an idempotency key). */
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const schema = useMemo(() => confirmSchema(t), [t]);
  const [form, fields] = useForm<{ confirm?: string }, unknown>({
    id: "confirm",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="container page page--medium">
      <div className="confirm card">
        <h1 className="confirm__title">{title}</h1>
        <div className="lead">{lead}</div>
        {warning ? <p className="confirm__warning">{warning}</p> : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError errors={form.errors} id={form.errorId} />
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field">
            <label className="check check--confirm" htmlFor={fields.confirm.id}>
              <input {...getInputProps(fields.confirm, { type: "checkbox" })} key={fields.confirm.key} />
              <span>{confirmLabel}</span>
            </label>
            <FieldError meta={fields.confirm} />
          </div>
          <div className="row">
            <button
              type="submit"
              className={tone === "danger" ? "btn btn--danger-solid" : "btn btn--primary"}
            >
              {submitLabel}
            </button>
            <Link to={cancelTo} className="btn btn--secondary">
              {cancelLabel}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
