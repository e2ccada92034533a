import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form";
import { t } from "~/i18n";
import { getEntryForViewer } from "~/modules/entries/entries.server";
import { receiveRevisionUpload, uploadLimitText } from "~/modules/entries/upload-actions.server";
import entriesCss from "~/styles/entries.css?url";
import { requireUser } from "~/utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: entriesCss }];
export const meta: MetaFunction = () => [{ title: `${t("entries.revise.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const found = await getEntryForViewer({ entryId: params.entryId!, viewerId: user.id });
  if (!found?.isOwn) throw new Response(t("errors.notFound.body"), { status: 404 });
  return { entryId: found.entry.id, title: found.entry.title, limit: uploadLimitText() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const outcome = await receiveRevisionUpload(request, { entryId: params.entryId!, designerId: user.id });
  if (outcome.ok) return redirect(`/entries/${outcome.entryId}?v=${outcome.revisionId}`);
  return data({ error: outcome.message }, { status: outcome.status });
}

export default function ReviseEntry() {
  const { entryId, limit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to={`/entries/${entryId}`}>← {t("entries.backToContest")}</Link>
      </p>
      <h1>{t("entries.revise.title")}</h1>
      <p className="lead">
        {t("entries.revise.lead")} {t("entries.submit.lead", { limit })}
      </p>
      <UploadForm
        action={`/entries/${entryId}/revise`}
        apiAction={`/api/entries/${entryId}/revisions`}
        buttonLabel={t("entries.revise.button")}
        error={actionData?.error}
      />
    </div>
  );
}
