import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import type { T } from "~/i18n";
import { useT } from "~/i18n/react";
import { useHydrated } from "./time";
import "./judging.css";

export function starsText(n: number, t: T) {
  return t("judging.stars", { n });
}

export function ratingsText(n: number, t: T) {
  return t("judging.ratings", { n });
}

/** Read-only stars ("★★★★☆"), read out as "4 stars". */
export function StarsDisplay({ value, className = "" }: { value: number | null; className?: string }) {
  const t = useT();
  if (value === null) return <span className={`stars-display stars-display--none ${className}`}>—</span>;
  return (
    <span className={`stars-display ${className}`} role="img" aria-label={starsText(value, t)}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= value ? "is-on" : undefined}>
          ★
        </span>
      ))}
    </span>
  );
}

/**
 * Five buttons in a form: each posts its stars. Without JavaScript it is a plain form (the page
 * reloads with the rating); with it, a fetcher keyed by entry submits in the background.
 */
export function StarRating({
  entryId,
  value,
  filter,
  disabled,
  hydrated,
  tone = "dark",
  label,
  onRate,
}: {
  entryId: string;
  value: number | null;
  filter?: string;
  disabled?: boolean;
  hydrated: boolean;
  tone?: "dark" | "light";
  label?: string;
  /** Told of a rating given with a click, Enter or Space (to announce it like the number keys do). */
  onRate?: (stars: number) => void;
}) {
  const t = useT();
  return (
    <Form
      method="post"
      navigate={false}
      fetcherKey={`rate:${entryId}`}
      className={`star-rating star-rating--${tone}`}
      aria-label={label ?? t("judging.stars.label")}
      preventScrollReset
    >
      <input type="hidden" name="intent" value="rate" />
      <input type="hidden" name="entryId" value={entryId} />
      {filter ? <input type="hidden" name="filter" value={filter} /> : null}
      {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="submit"
          name="stars"
          value={n}
          className={`star${value !== null && n <= value ? " is-on" : ""}`}
          aria-label={t("judging.stars.give", { n })}
          aria-pressed={value === n}
          disabled={disabled}
          data-stars={n}
          onClick={() => onRate?.(n)}
        >
          <span aria-hidden="true">★</span>
        </button>
      ))}
    </Form>
  );
}

/** An entry's preview; if the image cannot load, a quiet placeholder with the entry's number. */
export function Preview({
  src,
  alt,
  width,
  height,
  number,
  className = "",
  loading,
}: {
  src: string | null;
  alt: string;
  width?: number | null;
  height?: number | null;
  number: number;
  className?: string;
  loading?: "lazy" | "eager";
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  if (!src || failed) {
    return (
      <span className={`preview-missing ${className}`} role="img" aria-label={alt}>
        <span className="preview-missing__number num">#{number}</span>
        <span className="preview-missing__text">{t("viewer.noPreview")}</span>
      </span>
    );
  }
  return (
    <img
      key={src}
      src={src}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      className={className}
      loading={loading}
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/** A copy-to-clipboard button beside a read-only link field (the link is selectable without JS). */
export function ShareLink({ link, label }: { link: string; label: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const id = `share-${link.slice(-8)}`;
  return (
    <div className="share-link">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="share-link__row">
        <input
          id={id}
          className="input num"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-link"
        />
        {hydrated ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(() => setCopied(true));
            }}
          >
            {copied ? t("judges.invite.copied") : t("judges.invite.copy")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}
