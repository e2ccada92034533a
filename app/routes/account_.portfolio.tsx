import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { CATEGORY_KEYS } from "~/modules/contests/brief";
import { rejectionText } from "~/modules/entries/rejection.server";
import { uploadLimitText } from "~/modules/entries/upload-actions.server";
import { PIECE_DESCRIPTION_MAX, PIECE_TITLE_MAX, PIECES_MAX, piecePaths } from "~/modules/people/pieces";
import { deletePiece, listOwnPieces, pieceEligibility, receivePiece } from "~/modules/people/pieces.server";
import { getOwnProfile } from "~/modules/people/profiles.server";
import { requireUser } from "~/utils/auth.server";
import { badRequest, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import "~/components/entry-bits.css";
import "./account_.portfolio.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("portfolio.mine.title")} · ${t("app.name")}` }];
};

/** The designer's own pieces, every status (pending and failed ones are shown to them alone). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const { searchParams } = new URL(request.url);
  const [pieces, full, profile] = await Promise.all([
    listOwnPieces(user.id),
    pieceEligibility(user.id),
    getOwnProfile(user.id),
  ]);
  return {
    handle: profile.handle,
    pieces: pieces.map((p) => ({
      ...p,
      rejectReason: p.rejectReason ? rejectionText(p.rejectReason, context.locale) : null,
    })),
    full: full ? refusalMessage(full, context.locale) : null,
    limit: uploadLimitText(context.locale),
    added: searchParams.has("added"),
    deleted: searchParams.has("deleted"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const outcome = await receivePiece(request, user.id, translator(context.locale));
    if (outcome.ok) return redirect(`${piecePaths.mine}?added=1`);
    if (outcome.area === "form")
      return data({ error: null, fieldErrors: outcome.fieldErrors }, { status: 400 });
    return data(
      { error: refusalMessage(outcome, context.locale), fieldErrors: {} },
      { status: refusalStatus(outcome) },
    );
  }
  const form = await request.formData();
  const pieceId = form.get("pieceId");
  if (form.get("intent") !== "delete" || typeof pieceId !== "string") badRequest(context.locale);
  const deleted = await deletePiece({ pieceId, designerId: user.id });
  if (!deleted.ok) refuse(deleted, context.locale);
  return redirect(`${piecePaths.mine}?deleted=1`);
}

export default function MyPortfolio() {
  const t = useT();
  const { handle, pieces, full, limit, added, deleted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Partial<Record<"title" | "category" | "description", string[]>> =
    actionData?.fieldErrors ?? {};
  const fieldError = (name: keyof typeof errors) =>
    errors[name]?.length ? (
      <p className="field__error" id={`piece-${name}-error`} role="alert">
        {errors[name]!.join(" ")}
      </p>
    ) : null;
  const described = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name]?.length ? `piece-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to="/account">← {t("portfolio.mine.back")}</Link>
      </p>
      <h1>{t("portfolio.mine.title")}</h1>
      <p className="lead">{t("portfolio.mine.lead", { max: PIECES_MAX })}</p>
      <p>
        <Link to={`/designers/${handle}`} data-testid="preview-profile">
          {t("portfolio.preview")}
        </Link>
      </p>
      {added ? (
        <p className="notice notice--success" role="status">
          {t("portfolio.mine.added")}
        </p>
      ) : null}
      {deleted ? (
        <p className="notice notice--success" role="status">
          {t("portfolio.mine.deleted")}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="add-piece">
        <h2 id="add-piece">{t("portfolio.mine.add")}</h2>
        {full ? (
          <p className="notice notice--error" role="alert">
            {full}
          </p>
        ) : (
          <>
            <p className="muted">{t("portfolio.mine.addLead", { limit })}</p>
            <UploadForm
              id="piece"
              action={piecePaths.mine}
              apiAction={piecePaths.api}
              buttonLabel={t("portfolio.mine.upload")}
              error={actionData?.error}
            >
              <div className="field">
                <label className="field__label" htmlFor="piece-title">
                  {t("portfolio.field.title")}
                </label>
                <input
                  className="input"
                  id="piece-title"
                  name="title"
                  required
                  maxLength={PIECE_TITLE_MAX}
                  aria-invalid={errors.title?.length ? true : undefined}
                  aria-describedby={described("title")}
                />
                {fieldError("title")}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="piece-category">
                  {t("portfolio.field.category")}
                </label>
                <select
                  className="select"
                  id="piece-category"
                  name="category"
                  required
                  aria-invalid={errors.category?.length ? true : undefined}
                  aria-describedby={described("category")}
                >
                  {CATEGORY_KEYS.map((c) => (
                    <option key={c} value={c}>
                      {t(`category.${c}`)}
                    </option>
                  ))}
                </select>
                {fieldError("category")}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="piece-description">
                  {t("portfolio.field.description")}
                </label>
                <span className="field__hint" id="piece-description-hint">
                  {t("portfolio.field.description.hint", { max: PIECE_DESCRIPTION_MAX })}
                </span>
                <textarea
                  className="textarea"
                  id="piece-description"
                  name="description"
                  rows={3}
                  maxLength={PIECE_DESCRIPTION_MAX}
                  aria-invalid={errors.description?.length ? true : undefined}
                  aria-describedby={described("description", "piece-description-hint")}
                />
                {fieldError("description")}
              </div>
            </UploadForm>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="your-pieces">
        <h2 id="your-pieces">{t("portfolio.mine.list", { count: pieces.length })}</h2>
        {pieces.length === 0 ? (
          <p className="empty muted">{t("portfolio.mine.empty")}</p>
        ) : (
          <ul className="my-pieces" data-testid="my-pieces">
            {pieces.map((p) => (
              <li key={p.id} className="card my-piece" data-testid="my-piece">
                <span className="my-piece__thumb">
                  {p.thumbnailUrl ? (
                    <img src={p.thumbnailUrl} alt="" />
                  ) : p.status === "processing" ? (
                    <span className="shimmer" />
                  ) : null}
                </span>
                <div className="my-piece__what">
                  {p.status === "ready" ? (
                    <Link to={piecePaths.page(handle, p.id)} className="my-piece__title">
                      {p.title}
                    </Link>
                  ) : (
                    <span className="my-piece__title">{p.title}</span>
                  )}
                  <span className="muted">{t(`category.${p.category}`)}</span>
                  <span>
                    <span className={`status status--${p.status}`} data-testid="piece-status">
                      {t(`portfolio.status.${p.status}`)}
                    </span>
                  </span>
                  {p.rejectReason ? <span className="field__error">{p.rejectReason}</span> : null}
                </div>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="pieceId" value={p.id} />
                  <button
                    type="submit"
                    className="btn btn--secondary btn--small"
                    aria-label={t("portfolio.mine.deleteNamed", { title: p.title })}
                  >
                    {t("portfolio.mine.delete")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
