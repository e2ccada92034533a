import { Form } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { MESSAGE_BODY_MAX } from "~/modules/people/messages/rules";
import "./messages.css";

export interface ComposerAbout {
  value: string;
  kind: "contest" | "entry";
  title: string;
  number: number | null;
}

/**
 * The message form: a plain multipart POST (works without JavaScript), with one optional image and,
 * when the page was opened from a contest or an entry, the link the message will carry.
 */
export function Composer({
  action,
  label,
  about,
  error,
  body,
  sent,
}: {
  action?: string;
  label: string;
  about: ComposerAbout | null;
  error?: string | null;
  body?: string;
  /** Changes once a message is sent, so the form starts empty again. */
  sent?: number;
}) {
  const t = useT();
  return (
    <Form method="post" action={action} encType="multipart/form-data" className="composer stack" key={sent}>
      {error ? (
        <p className="notice notice--error" role="alert" id="composer-error">
          {error}
        </p>
      ) : null}
      {about ? (
        <p className="composer__about small" data-testid="composer-about">
          <input type="hidden" name="about" value={about.value} />
          {about.kind === "entry"
            ? t("messages.about.entry", { number: about.number ?? 0, contest: about.title })
            : t("messages.about.contest", { contest: about.title })}
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="message-body">
          {label}
        </label>
        <textarea
          className="textarea"
          id="message-body"
          name="body"
          rows={4}
          maxLength={MESSAGE_BODY_MAX}
          defaultValue={body}
          aria-describedby={error ? "composer-error" : undefined}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="message-file">
          {t("messages.compose.image")}
        </label>
        <span className="field__hint" id="message-file-hint">
          {t("messages.compose.imageHint")}
        </span>
        <input
          className="input composer__file"
          id="message-file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="message-file-hint"
        />
      </div>
      <div>
        <button type="submit" className="btn btn--primary">
          {t("messages.compose.send")}
        </button>
      </div>
    </Form>
  );
}
