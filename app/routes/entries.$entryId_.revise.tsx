import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form";
import { AiDeclarationField } from "~/components/ai-declaration";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { getEntryForViewer } from "~/modules/entries/entries.server";
import { revisionEligibility } from "~/modules/entries/submission.server";
import { receiveRevisionUpload, uploadLimitText } from "~/modules/entries/upload-actions.server";
import { requireUser } from "~/utils/auth.server";
import { entryPaths } from "~/modules/entries/paths";
import { notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

// `$entryId_`: a page of its own beside the entry page, not nested in it (the entry page has no outlet).
export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("entries.revise.title")} · ${t("app.name")}` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const found = await getEntryForViewer({
    entryId: params.entryId!,
    viewerId: user.id,
    locale: context.locale,
  });
  if (!found?.isOwn) notFound(context.locale);
  const refusal = await revisionEligibility({ entryId: found.entry.id, designerId: user.id });
  const aiAllowed = found.contest.aiAllowed;
  if (refusal?.reason === "not_found") refuse(refusal, context.locale);
  const current = found.revisions.find((r) => r.current) ?? null;
  return {
    entryId: found.entry.id,
    title: found.entry.title,
    number: found.entry.number,
    contestTitle: found.contest.title,
    thumbnailUrl: current?.thumbnailUrl ?? null,
    version: found.revisions[0]?.version ?? 1,
    refusal: refusal ? refusalMessage(refusal, context.locale) : null,
    limit: uploadLimitText(context.locale),
    aiAllowed,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const outcome = await receiveRevisionUpload(request, { entryId: params.entryId!, designerId: user.id });
  if (outcome.ok) return redirect(entryPaths.revision(outcome.entryId, outcome.revisionId));
  return data(
    { error: refusalMessage(outcome, context.locale), values: "values" in outcome ? outcome.values : null },
    { status: refusalStatus(outcome) },
  );
}

export default function ReviseEntry() {
  const t = useT();
  const { entryId, title, number, contestTitle, thumbnailUrl, version, refusal, limit, aiAllowed } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to={entryPaths.page(entryId)}>← {t("entries.revise.back")}</Link>
      </p>
      <h1>{t("entries.revise.title")}</h1>
      <div className="row" style={{ flexWrap: "nowrap" }}>
        {thumbnailUrl ? (
          <img
            src={thumbnailUrl}
            alt=""
            width={64}
            height={48}
            style={{ objectFit: "contain", background: "var(--paper-2)", borderRadius: 6 }}
          />
        ) : null}
        <p className="muted" style={{ margin: 0 }}>
          {title || t("entries.untitled")} <span className="num">{t("entries.number", { number })}</span> ·{" "}
          {contestTitle}
        </p>
      </div>
      {refusal ? (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      ) : (
        <>
          <p className="lead">
            {t("entries.revise.next", { n: version + 1 })} {t("entries.revise.lead")}{" "}
            {t("entries.submit.lead", { limit })}
          </p>
          <UploadForm
            action={entryPaths.revise(entryId)}
            apiAction={`/api/entries/${entryId}/revisions`}
            buttonLabel={t("entries.revise.button")}
            error={actionData?.error}
          >
            <AiDeclarationField allowed={aiAllowed} defaultValue={actionData?.values?.generativeAi} />
          </UploadForm>
        </>
      )}
    </div>
  );
}
