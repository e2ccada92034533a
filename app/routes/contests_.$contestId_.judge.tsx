import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { starsText } from "~/components/judging";
import { useHydrated } from "~/components/time";
import { CompareGrid } from "~/components/viewer/compare-grid";
import { EntryBar } from "~/components/viewer/entry-bar";
import { Filmstrip } from "~/components/viewer/filmstrip";
import { useViewer } from "~/components/viewer/use-viewer";
import { useViewerKeys } from "~/components/viewer/use-viewer-keys";
import { ViewerBanners } from "~/components/viewer/viewer-banners";
import { ViewerFrame } from "~/components/viewer/viewer-frame";
import { ViewerHeader } from "~/components/viewer/viewer-header";
import { EmptyStage, ViewerStage } from "~/components/viewer/viewer-stage";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { viewerActionSchema } from "~/modules/judging/forms";
import {
  addComment,
  declineEntry,
  eliminateDesigner,
  rateEntry,
  reinstateDesigner,
  restoreEntry,
  saveJudgeNote,
} from "~/modules/judging/ratings.server";
import { dismissSimilarity } from "~/modules/entries/similarity.server";
import { parseFilter } from "~/modules/judging/viewer";
import { assertJudgingRole, getJudgingView } from "~/modules/judging/viewer.server";
import "~/styles/judging.css";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { Refused } from "~/modules/refusal";
import { caughtRefusal, refusalMessage, refusalStatus, refuseOrRethrow } from "~/utils/refusals.server";
import { contestPaths } from "~/modules/contests/next-steps";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? t("viewer.title", { contest: data.contest.title }) : t("app.name") }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const url = new URL(request.url);
  const view = await getJudgingView({
    contestId: params.contestId!,
    viewerId: user.id,
    entryId: url.searchParams.get("entry"),
    filter: parseFilter(url.searchParams.get("filter")),
  }).catch((error: unknown) => refuseOrRethrow(error, context.locale));
  return { ...view, now: now() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId!;
  const formData = await request.formData();
  // A rating checks the rater's role itself (the hot path), a dismissal its client (404 for anyone
  // else: the note is the client's alone); every other action is asked here first.
  if (!["rate", "dismiss-similar"].includes(String(formData.get("intent"))))
    await assertJudgingRole({ contestId, userId: user.id }).catch((error: unknown) =>
      refuseOrRethrow(error, context.locale),
    );
  const submission = parseWithZod(formData, { schema: viewerActionSchema(t) });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat();
    return data({ ok: false as const, error: errors[0] ?? t("judging.error.invalid") }, { status: 400 });
  }
  const input = submission.value;
  let message: string | null = null;
  try {
    switch (input.intent) {
      case "rate":
        await rateEntry({ contestId, entryId: input.entryId, raterId: user.id, stars: input.stars });
        message = starsText(input.stars, t);
        break;
      case "decline": {
        const r = await declineEntry({
          contestId,
          entryId: input.entryId,
          clientId: user.id,
          reason: input.reason,
          note: input.note,
        });
        message = t("judging.decline.done", { number: r.number });
        break;
      }
      case "restore": {
        const r = await restoreEntry({ contestId, entryId: input.entryId, clientId: user.id });
        message = t("judging.decline.restored", { number: r.number });
        break;
      }
      case "comment":
        await addComment({ contestId, entryId: input.entryId, authorId: user.id, body: input.body });
        message = t("judging.comments.sent");
        break;
      case "note":
        await saveJudgeNote({ contestId, entryId: input.entryId, judgeId: user.id, body: input.body ?? "" });
        message = t("judging.notes.saved");
        break;
      case "eliminate":
      case "reinstate": {
        const fn = input.intent === "eliminate" ? eliminateDesigner : reinstateDesigner;
        const r = await fn({ contestId, designerId: input.designerId, clientId: user.id });
        message = t(input.intent === "eliminate" ? "judging.eliminate.done" : "judging.eliminate.restored", {
          name: r.name,
        });
        break;
      }
      case "dismiss-similar":
        if (!(await dismissSimilarity({ contestId, flagId: input.flagId, clientId: user.id })))
          throw new Refused("judging", "not_found");
        message = t("entries.similar.dismissed");
        break;
    }
  } catch (error) {
    const refused = caughtRefusal(error);
    return data(
      { ok: false as const, error: refusalMessage(refused, context.locale) },
      { status: refusalStatus(refused) },
    );
  }
  if (input._js) return { ok: true as const, intent: input.intent, message };
  // Without JavaScript: back to the same entry (post, redirect, get).
  const search = new URLSearchParams();
  if (input.entryId) search.set("entry", input.entryId);
  const filter = parseFilter(input.filter);
  if (filter !== "all") search.set("filter", filter);
  return redirect(
    `${contestPaths.judge(contestId)}?${search}${input.intent === "comment" ? "#comments" : ""}`,
  );
}

export default function JudgingViewer() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hydrated = useHydrated();
  const { contest, role, round, ratingOpen } = data;
  const isClient = role === "client";
  const viewer = useViewer(data);
  const { filter, entries, current, comparing, announce } = viewer;
  const { declineRef, talkRef } = useViewerKeys({ ...viewer, isClient });

  return (
    <ViewerFrame hydrated={hydrated}>
      <ViewerHeader
        contest={contest}
        round={round}
        ratingOpen={ratingOpen}
        filter={filter}
        progress={viewer.progress}
        isClient={isClient}
      />
      <ViewerBanners
        ratingOpen={ratingOpen}
        compareCount={viewer.compare.length}
        notice={actionData && !actionData.ok ? actionData.error : null}
        isClient={isClient}
        entries={entries}
        current={current}
        comparing={comparing}
        filter={filter}
      />
      {comparing.length >= 2 ? (
        <CompareGrid
          comparing={comparing}
          filter={filter}
          ratingOpen={ratingOpen}
          hydrated={hydrated}
          announce={announce}
        />
      ) : current ? (
        <ViewerStage current={current} prev={viewer.prev} next={viewer.next} filter={filter} />
      ) : (
        <EmptyStage filter={filter} />
      )}
      {current && comparing.length < 2 ? (
        <EntryBar
          current={current}
          isClient={isClient}
          ratingOpen={ratingOpen}
          contestLive={contest.live}
          filter={filter}
          hydrated={hydrated}
          feedback={viewer.feedback}
          now={data.now}
          onRate={announce(current)}
          declineRef={declineRef}
          talkRef={talkRef}
        />
      ) : null}
      <Filmstrip
        list={viewer.list}
        current={current}
        prev={viewer.prev}
        next={viewer.next}
        filter={filter}
        compare={viewer.compare}
      />
      <div className="visually-hidden" aria-live="polite" role="status">
        {viewer.announcement}
      </div>
    </ViewerFrame>
  );
}
