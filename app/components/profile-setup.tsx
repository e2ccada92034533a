import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { PIECES_FOR_COMPLETE, type Completeness } from "~/modules/people/completeness";
import { Avatar } from "./avatar";
import "./profile-setup.css";

/**
 * The account page's avatar: the current one (or the initials), a file to replace it (a plain
 * multipart POST, so it works without JavaScript) and a button to remove it.
 */
export function AvatarEditor({
  avatarUrl,
  initials,
  limit,
  error,
  saved,
  removed,
}: {
  avatarUrl: string | null;
  initials: string;
  /** The byte cap in the reader's words. */
  limit: string;
  error: string | null;
  saved: boolean;
  removed: boolean;
}) {
  const t = useT();
  return (
    <div className="avatar-editor" id="avatar">
      <Avatar url={avatarUrl} initials={initials} size={96} />
      <div className="stack avatar-editor__forms">
        <Form
          method="post"
          action="/account?intent=avatar"
          encType="multipart/form-data"
          className="form"
          preventScrollReset
        >
          <div className="field">
            <label className="field__label" htmlFor="avatar-file">
              {avatarUrl ? t("avatar.replace") : t("avatar.add")}
            </label>
            <span className="field__hint" id="avatar-hint">
              {t("avatar.hint", { limit })}
            </span>
            <input
              id="avatar-file"
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby={error ? "avatar-hint avatar-error" : "avatar-hint"}
              aria-invalid={error ? true : undefined}
            />
            {error ? (
              <p className="field__error" id="avatar-error" role="alert">
                {error}
              </p>
            ) : null}
            {saved || removed ? (
              <p className="notice notice--success" role="status">
                {t(saved ? "avatar.saved" : "avatar.removed")}
              </p>
            ) : null}
          </div>
          <div className="row">
            <button type="submit" className="btn btn--secondary">
              {t("avatar.upload")}
            </button>
          </div>
        </Form>
        {avatarUrl ? (
          <Form method="post" preventScrollReset>
            <button
              type="submit"
              name="intent"
              value="avatar-remove"
              className="btn btn--ghost-danger btn--small"
            >
              {t("avatar.remove")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}

/** "Your profile is 67 % complete", and what to add, each a link to where it is added. */
export function CompletenessHint({ completeness }: { completeness: Completeness }) {
  const t = useT();
  return (
    <div className="completeness" data-testid="completeness">
      <p className="completeness__head">
        {completeness.missing.length === 0
          ? t("portfolio.complete.done")
          : t("portfolio.complete.percent", { percent: completeness.percent / 100 })}
      </p>
      <span
        className="completeness__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={completeness.percent}
        aria-label={t("portfolio.complete.label")}
      >
        <span style={{ width: `${completeness.percent}%` }} />
      </span>
      {completeness.missing.length > 0 ? (
        <ul className="completeness__hints">
          {completeness.missing.map((m) => (
            <li key={m.part}>
              <Link to={m.href} data-testid={`hint-${m.part}`}>
                {t(`portfolio.complete.add.${m.part}`, { count: PIECES_FOR_COMPLETE })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
