import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n/react";
import { contestPaths } from "~/modules/contests/next-steps";
import "./wizard.css";

/** The brief's reference images: thumbnails with Remove, and an upload form of their own. */
export function ReferencesManager({
  contestId,
  action,
  references,
  error,
  added,
  maxMb,
  maxCount,
}: {
  contestId: string;
  action: string;
  references: { id: string; filename: string; width: number; height: number }[];
  error?: string;
  added?: boolean;
  maxMb: number;
  maxCount: number;
}) {
  const t = useT();
  const navigation = useNavigation();
  const uploading =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "add-reference";
  const full = references.length >= maxCount;
  const [chosen, setChosen] = useState(0);
  return (
    <section className="references" aria-labelledby="references-title">
      <h3 id="references-title" className="field__label">
        {t("wizard.style.references")}
      </h3>
      <p className="field__hint" id="references-hint">
        {t("wizard.style.references.hint", { mb: maxMb, count: maxCount })}
      </p>
      {references.length ? (
        <ul className="ref-grid ref-grid--editable">
          {references.map((r) => (
            <li key={r.id}>
              <img
                src={contestPaths.reference(contestId, r.id, "thumb")}
                alt={r.filename}
                width={r.width}
                height={r.height}
              />
              <Form method="post" action={action} className="ref-grid__remove">
                <input type="hidden" name="intent" value="remove-reference" />
                <input type="hidden" name="referenceId" value={r.id} />
                <button
                  type="submit"
                  className="btn btn--small btn--secondary"
                  aria-label={t("wizard.style.references.removeLabel", { name: r.filename })}
                >
                  {t("wizard.style.references.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("wizard.style.references.none")}</p>
      )}
      {!full ? (
        <Form method="post" action={action} encType="multipart/form-data" className="upload">
          <input type="hidden" name="intent" value="add-reference" />
          {/* The label is the button, in our words (not the browser's "Choose file"); the native input
              stays in the form, focusable, its focus ring drawn on the label. */}
          <input
            id="reference-file"
            className="upload__input visually-hidden"
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby={error ? "references-hint reference-error" : "references-hint"}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setChosen(e.currentTarget.files?.length ?? 0)}
          />
          <label className="btn btn--secondary upload__pick" htmlFor="reference-file">
            {t("wizard.style.references.file")}
          </label>
          <span className="upload__chosen muted" aria-live="polite">
            {chosen ? t("wizard.style.references.chosen", { n: chosen }) : null}
          </span>
          <button type="submit" className="btn btn--secondary" disabled={uploading}>
            {t("wizard.style.references.upload")}
          </button>
          {error ? (
            <p className="field__error upload__error" id="reference-error" role="alert">
              {error}
            </p>
          ) : added ? (
            <p className="upload__ok" role="status">
              {t("wizard.style.references.added")}
            </p>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}
