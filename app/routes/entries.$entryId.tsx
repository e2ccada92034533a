import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DesignerBy } from "~/components/designer-link";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { SimilarNote } from "~/components/contest-gallery";
import { AiDeclarationNote } from "~/components/ai-declaration";
import { Notice } from "~/components/field";
import { EntryStatusBadge, entryAlt } from "~/components/entry-bits";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { getEntryForViewer, similarMarkers, withdrawEntry } from "~/modules/entries/entries.server";
import { revisionEligibility } from "~/modules/entries/submission.server";
import { EntryFeedbackPanel } from "~/components/entry-feedback";
import { getFeedbackForViewer } from "~/modules/judging/ratings.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { entryPaths } from "~/modules/entries/paths";
import { notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import { writeHref as writeHrefFor } from "~/modules/people/messages/conversations.server";
import { WriteLink } from "~/components/messages/write-link";
import { ReportLink } from "~/components/report-bits";
import "./entries.$entryId.css";

/** How often the page reloads itself while a version is processing, for browsers without JavaScript. */
const NO_SCRIPT_REFRESH_SECONDS = 3;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: data ? `${data.entry.title || t("entries.untitled")} · ${data.contest.title}` : t("app.name") },
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await getEntryForViewer({
    entryId: params.entryId!,
    viewerId: context.user?.id ?? null,
    locale: context.locale,
  });
  if (!found) notFound(context.locale);
  const viewer = context.user ? { id: context.user.id } : null;
  // "Upload a new version" only while the round takes one from this designer (finalists in the final round).
  const canRevise =
    found.isOwn &&
    (await revisionEligibility({ entryId: found.entry.id, designerId: context.user!.id })) === null;
  const similar = await similarMarkers({
    contest: found.contest,
    access: found.access,
    viewerId: viewer?.id ?? null,
  });
  return {
    canRevise,
    similar: similar.get(found.entry.id) ?? [],
    feedback: await getFeedbackForViewer({ entryId: found.entry.id, viewer }),
    now: now(),
    entry: found.entry,
    revisions: found.revisions,
    isOwn: found.isOwn,
    canReport: viewer !== null && !found.isOwn,
    contest: { id: found.contest.id, title: found.contest.title, status: found.contest.status },
    writeHref: found.isOwn
      ? null
      : await writeHrefFor(context.user, {
          handle: found.entry.designerHandle,
          about: { kind: "entry", id: found.entry.id },
        }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const form = await request.formData();
  if (form.get("intent") !== "withdraw") return data({ error: t("errors.generic") }, { status: 400 });
  if (form.get("confirm") !== "yes")
    return data({ error: t("entries.withdraw.confirmLabel") }, { status: 400 });
  const result = await withdrawEntry({ entryId: params.entryId!, designerId: user.id });
  if (result.ok) return redirect(entryPaths.withdrawn(params.entryId!));
  if (result.reason === "not_found") refuse(result, context.locale);
  return data({ error: refusalMessage(result, context.locale) }, { status: refusalStatus(result) });
}

export default function EntryPage() {
  const t = useT();
  const {
    entry,
    revisions,
    isOwn,
    canRevise,
    contest,
    feedback,
    similar,
    now: serverNow,
    writeHref,
    canReport,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  const processing = revisions.some((r) => r.status === "processing");
  // While a version is being processed, look again every 1.5 s: the preview replaces the shimmer.
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [processing, revalidator]);
  const shown =
    revisions.find((r) => r.id === params.get("v")) ?? revisions.find((r) => r.current) ?? revisions[0];
  const title = entry.title || t("entries.untitled");
  return (
    <div className="container page stack">
      {processing ? (
        // Without JavaScript nothing polls: the browser loads the page again until the preview is
        // ready. Inside <noscript>, so a browser running scripts never parses it (React leaves
        // noscript content alone on the client).
        <noscript>
          <meta httpEquiv="refresh" content={String(NO_SCRIPT_REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <p>
        <Link to={contestPaths.page(contest.id)}>← {t("entries.backToContest")}</Link>
      </p>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: 4 }}>
            {title} <span className="muted num">{t("entries.number", { number: entry.number })}</span>
          </h1>
          <p className="muted" style={{ margin: 0 }}>
            {entry.designerName ? (
              <>
                <DesignerBy name={entry.designerName} handle={entry.designerHandle} />
                {" · "}
              </>
            ) : null}
            {contest.title}
          </p>
          {writeHref ? <WriteLink href={writeHref} name={null} /> : null}
          {/* The version on show's own declaration: each version declares (ADR 0041). */}
          {(shown?.aiDeclaration ?? entry.aiDeclaration) ? (
            <AiDeclarationNote declaration={(shown?.aiDeclaration ?? entry.aiDeclaration)!} />
          ) : null}
          {canReport ? <ReportLink kind="entry" id={entry.id} /> : null}
        </div>
        <EntryStatusBadge status={entry.status} />
      </div>
      {params.get("withdrawn") ? <Notice tone="success">{t("entries.withdraw.done")}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}
      {similar.map((m) => (
        <SimilarNote key={m.flagId} marker={m} contestId={contest.id} entryId={entry.id} />
      ))}
      <div className="entry-layout">
        <div className="stack">
          <div className="entry-stage" data-testid="entry-stage">
            {shown?.previewUrl ? (
              <img
                src={shown.previewUrl}
                alt={entryAlt(
                  { title: entry.title, number: entry.number, designerName: entry.designerName },
                  t,
                )}
              />
            ) : shown?.status === "rejected" ? (
              <p className="notice notice--error">
                {t("entries.rejected.hint", { reason: shown.rejectReason ?? "" })}
              </p>
            ) : (
              <div
                className="stack"
                style={{ width: "100%", maxWidth: 480, aspectRatio: "1", justifyItems: "center" }}
              >
                <div className="shimmer" aria-hidden="true" />
                <p className="muted">{t("entries.processing.hint")}</p>
              </div>
            )}
          </div>
          {revisions.length > 1 ? (
            <section aria-labelledby="versions-title" className="stack">
              <h2 id="versions-title" style={{ fontSize: "1rem", margin: 0 }}>
                {t("entries.versions")}
              </h2>
              <ul className="versions">
                {revisions.map((r) => (
                  <li key={r.id}>
                    <Link
                      to={`?v=${r.id}`}
                      aria-current={r.id === shown?.id ? "true" : undefined}
                      preventScrollReset
                      replace
                    >
                      {r.thumbnailUrl ? (
                        <img src={r.thumbnailUrl} alt="" />
                      ) : (
                        <span className="versions__empty" />
                      )}
                      <span>
                        {t("entries.version", { n: r.version })}
                        {r.current ? ` · ${t("entries.current")}` : ""}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="stack">
          {feedback ? <EntryFeedbackPanel feedback={feedback} now={serverNow} /> : null}
          {entry.note ? (
            <section className="card stack">
              <h2 style={{ fontSize: "1rem", margin: 0 }}>{t("entries.noteToClient")}</h2>
              <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{entry.note}</p>
            </section>
          ) : null}
          {isOwn && entry.status !== "withdrawn" ? (
            <section className="card stack">
              {canRevise ? (
                <Link to={entryPaths.revise(entry.id)} className="btn btn--primary">
                  {t("entries.revise")}
                </Link>
              ) : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="withdraw" />
                <p className="muted" style={{ margin: 0 }}>
                  {t("entries.withdraw.hint")}
                </p>
                <label className="row" style={{ gap: 8, alignItems: "flex-start", flexWrap: "nowrap" }}>
                  <input type="checkbox" name="confirm" value="yes" required />
                  <span>{t("entries.withdraw.confirmLabel")}</span>
                </label>
                <button type="submit" className="btn btn--danger">
                  {t("entries.withdraw")}
                </button>
              </Form>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
