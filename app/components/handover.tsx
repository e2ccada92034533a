import { formatBytes } from "~/i18n/sizes";
import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";
import { MAX_MESSAGE_LENGTH, messageSchema, signSchema } from "~/modules/handover/forms";
import { handoverPaths } from "~/modules/handover/paths";
import { FieldError, FormError } from "./field";
import { LocalTime } from "./time";
import { UploadForm } from "./upload-form";
import "./handover.css";

/** The digest's name, the same in every language (it names an algorithm, not a thing we say). */
const CHECKSUM_ALGORITHM = "SHA-256";

export type StepState = "done" | "current" | "waiting";

export function HandoverSteps({ steps }: { steps: { label: string; state: StepState; note: string }[] }) {
  const t = useT();
  return (
    <ol className="handover-steps" aria-label={t("handover.steps")}>
      {steps.map((s, i) => (
        <li
          key={s.label}
          className={`handover-steps__step is-${s.state}`}
          aria-current={s.state === "current" ? "step" : undefined}
        >
          <span className="handover-steps__dot" aria-hidden="true">
            {s.state === "done" ? "✓" : i + 1}
          </span>
          <span className="handover-steps__text">
            <span className="handover-steps__label">{s.label}</span>
            <span className="handover-steps__note">{s.note}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export interface FileVersion {
  id: string;
  version: number;
  fileName: string;
  format: string;
  bytes: number;
  sha256: string;
  createdAt: number;
}

export function FinalFiles({
  contestId,
  files,
  canUpload,
  accept,
  maxBytes,
  limit,
  uploadError,
  replaceError,
  empty,
}: {
  contestId: string;
  files: { id: string; current: FileVersion; earlier: FileVersion[] }[];
  canUpload: boolean;
  accept: string;
  maxBytes: number;
  limit: string;
  uploadError?: string | null;
  replaceError?: { fileId: string; message: string } | null;
  empty: string;
}) {
  const t = useT();
  const locale = useLocale();
  const uploadLabels = {
    accept,
    maxBytes,
    tooLargeLabel: t("handover.refusal.tooLarge", { limit }),
    dropLabel: t("handover.files.choose"),
    chosenLabel: (name: string) => t("handover.files.chosen", { name }),
    uploadingLabel: (percent: number) => t("handover.files.uploading", { percent }),
    failedLabel: t("handover.files.failed"),
  };
  return (
    <>
      {files.length === 0 ? (
        <p className="empty handover-files__empty">{empty}</p>
      ) : (
        <ul className="handover-files" data-testid="final-files">
          {files.map((f) => (
            <li key={f.id} className="handover-file">
              <div className="handover-file__main">
                <span className={`format-chip format-chip--${f.current.format}`} aria-hidden="true">
                  {f.current.format === "figma" ? "FIG" : f.current.format.toUpperCase()}
                </span>
                <div className="handover-file__text">
                  <p className="handover-file__name">{f.current.fileName}</p>
                  <p className="handover-file__meta muted small">
                    <span className="num">{t("handover.files.version", { n: f.current.version })}</span> ·{" "}
                    <span className="num">{formatBytes(f.current.bytes, locale)}</span> ·{" "}
                    <LocalTime at={f.current.createdAt} />
                  </p>
                  <p className="handover-file__sum muted small">
                    <abbr title={t("handover.files.checksum")}>{CHECKSUM_ALGORITHM}</abbr>{" "}
                    <code className="num" title={f.current.sha256}>
                      {f.current.sha256.slice(0, 16)}…
                    </code>
                  </p>
                </div>
                <div className="handover-file__actions">
                  <a
                    className="btn btn--secondary btn--small"
                    href={handoverPaths.final(contestId, f.current.id)}
                    aria-label={t("handover.files.downloadLabel", { name: f.current.fileName })}
                    download
                  >
                    {t("handover.files.download")}
                  </a>
                </div>
              </div>
              {f.earlier.length ? (
                <details className="handover-file__versions">
                  <summary>{t("handover.files.versions", { n: f.earlier.length })}</summary>
                  <ul>
                    {f.earlier.map((v) => (
                      <li key={v.id}>
                        <span className="num">{t("handover.files.version", { n: v.version })}</span> ·{" "}
                        {v.fileName} · <span className="num">{formatBytes(v.bytes, locale)}</span> ·{" "}
                        <LocalTime at={v.createdAt} /> ·{" "}
                        <a
                          href={handoverPaths.final(contestId, v.id)}
                          aria-label={t("handover.files.downloadLabel", {
                            name: `${v.fileName} v${v.version}`,
                          })}
                          download
                        >
                          {t("handover.files.download")}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {canUpload ? (
                <details className="handover-file__replace" open={replaceError?.fileId === f.id || undefined}>
                  <summary className="linklike">{t("handover.files.replace")}</summary>
                  <UploadForm
                    id={`replace-${f.id}`}
                    action={`${handoverPaths.page(contestId)}?replace=${f.id}`}
                    apiAction={`${handoverPaths.upload(contestId)}?replace=${f.id}`}
                    buttonLabel={t("handover.files.replaceButton")}
                    fileLabel={t("handover.files.replaceLabel", { name: f.current.fileName })}
                    error={replaceError?.fileId === f.id ? replaceError.message : null}
                    compact
                    {...uploadLabels}
                  />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <div className="handover-upload">
          <UploadForm
            id="final-upload"
            action={handoverPaths.page(contestId)}
            apiAction={handoverPaths.upload(contestId)}
            buttonLabel={t("handover.files.uploadButton")}
            fileLabel={t("handover.files.upload")}
            error={uploadError}
            {...uploadLabels}
          />
        </div>
      ) : null}
    </>
  );
}

type AgreementLocale = "fr-CA" | "en";

export interface AgreementProps {
  contestId: string;
  /** Before anyone signed, French then English; once signed, the signed text then its translation. */
  versions: { locale: AgreementLocale; text: string }[];
  /** The language the agreement is signed in (null until the first signature). */
  locale: AgreementLocale | null;
  sha256: string | null;
  signatures: Partial<Record<"client" | "designer", { legalName: string; signedAt: number }>>;
  complete: boolean;
  myParty: "client" | "designer";
  partyNames: { client: string; designer: string };
  lastResult?: SubmissionResult<string[]>;
}

/** A language as the catalogue's select value and option keys name it. */
const short = (locale: AgreementLocale) => (locale === "fr-CA" ? "fr" : "en");

/** One language's text, as a scrolling document marked with its language. */
function AgreementDocument({
  locale,
  text,
  label,
}: {
  locale: AgreementLocale;
  text: string;
  label: string;
}) {
  return (
    <div
      className="agreement__doc"
      tabIndex={0}
      role="document"
      aria-label={label}
      lang={locale}
      data-testid={`agreement-text-${locale}`}
    >
      {text.split(/\n{2,}/).map((p, i) =>
        i === 0 ? (
          <p key={i} className="agreement__title">
            {p}
          </p>
        ) : (
          <p key={i}>{p}</p>
        ),
      )}
    </div>
  );
}

export function AgreementPanel(props: AgreementProps) {
  const t = useT();
  const mine = props.signatures[props.myParty];
  const [first, second] = props.versions;
  return (
    <div className="agreement">
      {props.locale ? (
        <>
          <p className="small">{t("agreement.language.fixed", { language: short(props.locale) })}</p>
          {first ? (
            <div className="agreement__version">
              <h3 className="agreement__sub">
                {t("agreement.version.signed", { language: short(first.locale) })}
              </h3>
              <AgreementDocument
                locale={first.locale}
                text={first.text}
                label={t("agreement.version.signed", { language: short(first.locale) })}
              />
            </div>
          ) : null}
          {second ? (
            <details className="agreement__translation" data-testid="agreement-translation">
              <summary>{t("agreement.version.translation", { language: short(second.locale) })}</summary>
              <p className="muted small">{t("agreement.translation.note")}</p>
              <AgreementDocument
                locale={second.locale}
                text={second.text}
                label={t("agreement.version.translation", { language: short(second.locale) })}
              />
            </details>
          ) : null}
        </>
      ) : (
        <>
          <p className="notice" data-testid="agreement-bilingual">
            {t("agreement.bilingual")}
          </p>
          {props.versions.map((v) => (
            <div className="agreement__version" key={v.locale}>
              <h3 className="agreement__sub">{t(`agreement.version.${short(v.locale)}`)}</h3>
              <AgreementDocument
                locale={v.locale}
                text={v.text}
                label={t(`agreement.version.${short(v.locale)}`)}
              />
            </div>
          ))}
          <p className="muted small">{t("agreement.preview")}</p>
        </>
      )}
      <h3 className="agreement__sub">{t("agreement.signatures")}</h3>
      <ul className="signatures" data-testid="signatures">
        {(["client", "designer"] as const).map((party) => {
          const s = props.signatures[party];
          return (
            <li key={party} className={`signature${s ? " is-signed" : ""}`}>
              <span className="signature__party">
                {t(`agreement.party.${party}`)} · {props.partyNames[party]}
              </span>
              {s ? (
                <span className="signature__name">
                  {t("agreement.signedBy", { name: s.legalName })}{" "}
                  <span className="muted small">
                    {t("agreement.signedOn")} <LocalTime at={s.signedAt} />
                  </span>
                </span>
              ) : (
                <span className="muted">{t("agreement.notSigned")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {props.complete ? <p className="notice notice--success">{t("agreement.complete")}</p> : null}
      {props.sha256 ? (
        <div className="agreement__record">
          <p className="small">
            <span className="muted">{t("agreement.digest")}</span>{" "}
            <code className="agreement__digest" data-testid="agreement-digest">
              {props.sha256}
            </code>
          </p>
          <div className="row">
            <a className="btn btn--secondary" href={handoverPaths.agreementPdf(props.contestId)} download>
              {t("agreement.downloadPdf")}
            </a>
            <a
              href={handoverPaths.agreementText(props.contestId)}
              title={t("agreement.downloadText.hint")}
              download
            >
              {t("agreement.downloadText")}
            </a>
          </div>
        </div>
      ) : null}
      {!mine ? <SignForm lastResult={props.lastResult} fixed={props.locale} /> : null}
    </div>
  );
}

/** The languages offered, French first; French is preselected. */
const SIGN_LOCALES: AgreementLocale[] = ["fr-CA", "en"];

function SignForm({
  lastResult,
  fixed,
}: {
  lastResult?: SubmissionResult<string[]>;
  /** The stored language once the other party signed: no choice left, the same text is signed. */
  fixed: AgreementLocale | null;
}) {
  const t = useT();
  const [form, fields] = useForm<
    { legalName?: string; agree?: string; intent?: string; language?: string },
    unknown
  >({
    id: "sign",
    lastResult,
    defaultValue: { language: fixed ?? "fr-CA" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signSchema(t) }),
    shouldValidate: "onSubmit",
  });
  const chosen = fields.language.value ?? fixed ?? "fr-CA";
  return (
    <Form method="post" className="form sign-form" {...getFormProps(form)}>
      <FormError errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="sign" />
      {fixed ? (
        <>
          <input type="hidden" name={fields.language.name} value={fixed} />
          <p className="small" data-testid="sign-language">
            {t("agreement.language.signFixed", { language: short(fixed) })}
          </p>
        </>
      ) : (
        <fieldset
          className="field sign-form__language"
          aria-describedby={
            fields.language.errors?.length
              ? `${fields.language.id}-hint ${fields.language.errorId}`
              : `${fields.language.id}-hint`
          }
          aria-invalid={fields.language.errors?.length ? true : undefined}
        >
          <legend className="field__label">{t("agreement.language.legend")}</legend>
          <span className="field__hint" id={`${fields.language.id}-hint`}>
            {t("agreement.language.hint")}
          </span>
          <div className="sign-form__choices">
            {SIGN_LOCALES.map((locale) => (
              <label className="check" key={locale}>
                <input
                  type="radio"
                  name={fields.language.name}
                  value={locale}
                  defaultChecked={chosen === locale}
                  key={`${fields.language.key}-${locale}`}
                />
                <span lang={locale}>{t(`agreement.language.option.${short(locale)}`)}</span>
              </label>
            ))}
          </div>
          <FieldError meta={fields.language} />
        </fieldset>
      )}
      <div className="field">
        <label className="field__label" htmlFor={fields.legalName.id}>
          {t("agreement.legalName")}
        </label>
        <span className="field__hint" id={`${fields.legalName.id}-hint`}>
          {t("agreement.legalName.hint")}
        </span>
        <input
          className="input sign-form__name"
          {...getInputProps(fields.legalName, {
            type: "text",
            ariaDescribedBy: `${fields.legalName.id}-hint`,
          })}
          key={fields.legalName.key}
          autoComplete="name"
          autoFocus={fields.legalName.errors?.length ? true : undefined}
        />
        <FieldError meta={fields.legalName} />
      </div>
      <div className="field">
        <label className="check check--confirm" htmlFor={fields.agree.id}>
          <input {...getInputProps(fields.agree, { type: "checkbox" })} key={fields.agree.key} />
          <span>{t("agreement.agree")}</span>
        </label>
        <FieldError meta={fields.agree} />
      </div>
      <div>
        <button type="submit" className="btn btn--primary">
          {t("agreement.sign")}
        </button>
      </div>
    </Form>
  );
}

export function Thread({
  messages,
  viewerId,
  lastResult,
  canPost,
}: {
  messages: { id: string; authorId: string; authorName: string; body: string; createdAt: number }[];
  viewerId: string;
  lastResult?: SubmissionResult<string[]>;
  canPost: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<{ body?: string; intent?: string }, unknown>({
    id: "message",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema(t) }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="thread">
      {messages.length === 0 ? (
        <p className="muted">{t("handover.thread.empty")}</p>
      ) : (
        <ol className="thread__list" data-testid="thread">
          {messages.map((m) => {
            const mine = m.authorId === viewerId;
            return (
              <li key={m.id} className={`thread__msg${mine ? " is-mine" : ""}`}>
                <p className="thread__meta small">
                  <strong>{mine ? t("handover.thread.you") : m.authorName}</strong> ·{" "}
                  <LocalTime at={m.createdAt} />
                </p>
                <p className="thread__body">{m.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {canPost ? (
        // Keyed by the thread's length: once a message is sent, the form starts empty again.
        <Form
          method="post"
          className="form form--compact thread__form"
          {...getFormProps(form)}
          key={messages.length}
        >
          <input type="hidden" name="intent" value="message" />
          <div className="field">
            <label className="field__label" htmlFor={fields.body.id}>
              {t("handover.thread.label")}
            </label>
            <textarea
              className="textarea"
              rows={3}
              maxLength={MAX_MESSAGE_LENGTH}
              {...getTextareaProps(fields.body)}
              key={fields.body.key}
            />
            <FieldError meta={fields.body} />
          </div>
          <div>
            <button type="submit" className="btn btn--secondary">
              {t("handover.thread.send")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

export function Checklist({ items }: { items: { label: string; done: boolean }[] }) {
  return (
    <ul className="checklist">
      {items.map((i) => (
        <li key={i.label} className={i.done ? "is-done" : undefined}>
          <span className="checklist__mark" aria-hidden="true">
            {i.done ? "✓" : "○"}
          </span>
          <span>
            {i.label}
            <span className="visually-hidden">{i.done ? " ✓" : " —"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MoneyTabs({ current }: { current: "earnings" | "receipts" }) {
  const t = useT();
  return (
    <nav className="money-tabs" aria-label={t("money.tabs")}>
      <Link to="/earnings" aria-current={current === "earnings" ? "page" : undefined}>
        {t("money.tab.earnings")}
      </Link>
      <Link to="/receipts" aria-current={current === "receipts" ? "page" : undefined}>
        {t("money.tab.receipts")}
      </Link>
    </nav>
  );
}

export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="handover__section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {children}
    </section>
  );
}
