import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContestPage } from "~/components/contest-page";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { getBriefForEditing } from "~/modules/contests/drafts.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { refuse } from "~/utils/refusals.server";
import "./contests.$contestId.preview.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: `${data?.contest.title ?? ""} · ${t("wizard.preview")}` },
    { name: "robots", content: "noindex" },
  ];
};

/** The client's brief exactly as a designer will see the contest page once it is launched. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const found = await getBriefForEditing(params.contestId ?? "", user.id);
  if (!found.ok) refuse(found, context.locale);
  const c = found.contest;
  const at = now();
  // A draft is shown as it will be on launch day: open for entries, its first round's clock running.
  const asLaunched =
    c.status === "draft"
      ? { ...c, status: "qualifying" as const, launchedAt: at, roundEndsAt: at + c.durations.qualifying }
      : c;
  return {
    contest: asLaunched,
    draftStep: c.draftStep,
    isDraft: c.status === "draft",
    references: found.references,
    clientName: user.display_name,
    serverNow: at,
  };
}

export default function Preview() {
  const t = useT();
  const { contest, references, clientName, serverNow, isDraft, draftStep } = useLoaderData<typeof loader>();
  const back = isDraft ? contestPaths.edit(contest.id, draftStep) : contestPaths.page(contest.id);
  return (
    <>
      <div className="preview-banner" role="status">
        <div className="container preview-banner__inner">
          <span>{t("contest.preview.banner")}</span>
          <Link to={back} className="btn btn--small btn--on-dark">
            {t("contest.preview.back")}
          </Link>
        </div>
      </div>
      <ContestPage
        contest={contest}
        role="designer"
        canSeeBrief
        clientName={clientName}
        entryCount={0}
        references={references}
        events={[]}
        changes={[]}
        serverNow={serverNow}
        actions={
          <button type="button" className="btn btn--primary btn--block" disabled aria-disabled="true">
            {t("contest.action.submit")}
          </button>
        }
      />
    </>
  );
}
