import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form";
import { AiDeclarationField } from "~/components/ai-declaration";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { ENTRY_NOTE_MAX } from "~/modules/entries/limits";
import { entryEligibility } from "~/modules/entries/submission.server";
import { receiveEntryUpload, uploadLimitText } from "~/modules/entries/upload-actions.server";
import { requireUser } from "~/utils/auth.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { entryPaths } from "~/modules/entries/paths";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("entries.submit.title")} · ${t("app.name")}` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const { refusal, aiAllowed } = await entryEligibility({
    contestId: params.contestId!,
    designerId: user.id,
  });
  if (refusal?.reason === "not_found") refuse(refusal, context.locale);
  return {
    contestId: params.contestId!,
    aiAllowed,
    refusal: refusal ? refusalMessage(refusal, context.locale) : null,
    limit: uploadLimitText(context.locale),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const outcome = await receiveEntryUpload(request, { contestId: params.contestId!, designerId: user.id });
  if (outcome.ok) return redirect(entryPaths.page(outcome.entryId));
  // What the designer typed and chose comes back with the message (the file must be chosen again).
  return data(
    { error: refusalMessage(outcome, context.locale), values: "values" in outcome ? outcome.values : null },
    { status: refusalStatus(outcome) },
  );
}

export default function SubmitEntry() {
  const t = useT();
  const { contestId, refusal, limit, aiAllowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to={contestPaths.page(contestId)}>← {t("entries.backToContest")}</Link>
      </p>
      <h1>{t("entries.submit.title")}</h1>
      {refusal ? (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      ) : (
        <>
          <p className="lead">{t("entries.submit.lead", { limit })}</p>
          <UploadForm
            action={contestPaths.submit(contestId)}
            apiAction={`/api/contests/${contestId}/entries`}
            buttonLabel={t("entries.submit.button")}
            error={actionData?.error}
          >
            <div className="field">
              <label className="field__label" htmlFor="title">
                {t("entries.submit.titleLabel")}
              </label>
              <input className="input" id="title" name="title" maxLength={120} defaultValue={values?.title} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="note">
                {t("entries.submit.noteLabel")}
              </label>
              <span className="field__hint" id="note-hint">
                {t("entries.submit.noteHint")}
              </span>
              <textarea
                className="textarea"
                id="note"
                name="note"
                rows={4}
                maxLength={ENTRY_NOTE_MAX}
                aria-describedby="note-hint"
                defaultValue={values?.note}
              />
            </div>
            <AiDeclarationField allowed={aiAllowed} defaultValue={values?.generativeAi} />
          </UploadForm>
        </>
      )}
    </div>
  );
}
