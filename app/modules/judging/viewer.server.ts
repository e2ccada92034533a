import { db } from "~db/index";
import type { RatingRound } from "~db/schema";
import { Refused } from "../refusal";
import { contestAccess, hasLaunched } from "../contests/access.server";
import { loadContest } from "../contests/contests.server";
import { isLive } from "../contests/machine";
import { similarMarkers, type SimilarMarker } from "../entries/entries.server";
import { decisionRound, requireJudgingRole, ratingRound, type JudgingRole } from "./access.server";
import { getFeedbackForViewer, type EntryFeedback } from "./ratings.server";
import { loadPool } from "./pool.server";
import { pickEntries, type ViewerFilter } from "./viewer";
import { aiDeclaration, type AiDeclaration } from "../contests/generative-ai";

export interface ViewerEntry {
  id: string;
  number: number;
  title: string;
  /** Judges judge blind: only the client sees who designed what. */
  designerName: string | null;
  designerId: string | null;
  previewUrl: string | null;
  thumbUrl: string | null;
  width: number | null;
  height: number | null;
  declined: boolean;
  declineReason: string | null;
  /** The viewer's own stars in the round being rated. */
  myStars: number | null;
  eliminated: boolean;
  /** "Similar, please review" notes (the client's only: flags they have not dismissed). */
  similar: SimilarMarker[];
  /** What the designer declared about generative AI (the client and the judges read it). */
  aiDeclaration: AiDeclaration;
}

/**
 * Everything the rating viewer shows one person (the client or a judge): the entries of the round
 * (the filmstrip, all of them so the browser can move between them without asking again), the viewer's
 * stars and progress, and the current entry's feedback. Filters and the current entry are applied by
 * `pickEntries` (viewer.ts), on the server for the first paint and in the browser afterwards.
 */
export async function getJudgingView(input: {
  contestId: string;
  viewerId: string;
  entryId?: string | null;
  filter?: ViewerFilter;
}) {
  const contest = await loadContest(db(), input.contestId);
  if (!contest || !hasLaunched(contest.status)) throw new Refused("judging", "not_found");
  const role: JudgingRole = await requireJudgingRole(db(), contest, input.viewerId);
  const open = ratingRound(contest);
  const round: RatingRound =
    open ?? decisionRound({ ...contest, hasFinalists: contest.finalists.length > 0 });
  const pool = await loadPool(db(), contest.id, {
    withDeclined: true,
    ...(round === 2 ? { designers: contest.finalists } : {}),
  });
  const [mine, eliminated, similar] = await Promise.all([
    db()
      .selectFrom("ratings")
      .select(["entry_id", "stars"])
      .where("contest_id", "=", contest.id)
      .where("rater_id", "=", input.viewerId)
      .where("round", "=", round)
      .execute(),
    role === "client"
      ? db()
          .selectFrom("contest_members")
          .select("user_id")
          .where("contest_id", "=", contest.id)
          .where("role", "=", "designer")
          .where("eliminated_at", "is not", null)
          .execute()
      : Promise.resolve([]),
    role === "client"
      ? contestAccess(db(), contest, input.viewerId).then((access) =>
          similarMarkers({ contest, access, viewerId: input.viewerId }),
        )
      : Promise.resolve(new Map<string, SimilarMarker[]>()),
  ]);
  const myStars = new Map(mine.map((r) => [r.entry_id, r.stars]));
  const out = new Set(eliminated.map((e) => e.user_id));
  const entries: ViewerEntry[] = pool.map((e) => ({
    id: e.id,
    number: e.number,
    title: e.title,
    designerName: role === "client" ? e.designerName : null,
    designerId: role === "client" ? e.designerId : null,
    previewUrl: e.previewUrl,
    thumbUrl: e.thumbUrl,
    width: e.width,
    height: e.height,
    declined: e.status === "declined",
    declineReason: role === "client" ? e.declineReason : null,
    myStars: myStars.get(e.id) ?? null,
    eliminated: out.has(e.designerId),
    similar: (similar.get(e.id) ?? []).filter((m) => m.side === "later"),
    aiDeclaration: aiDeclaration(e.aiDeclared),
  }));
  const current = pickEntries(entries, input.filter ?? "all", input.entryId ?? null).current?.id ?? null;
  const feedback: EntryFeedback | null = current
    ? await getFeedbackForViewer({ entryId: current, viewer: { id: input.viewerId } })
    : null;
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      status: contest.status,
      fastTrack: contest.fastTrack,
      live: isLive(contest.status),
    },
    role,
    round,
    ratingOpen: open !== null,
    entries,
    currentId: current,
    feedback,
  };
}

/** The viewer's actions are for the client and the judges only (designers reply from the entry page). */
export async function assertJudgingRole(input: { contestId: string; userId: string }): Promise<JudgingRole> {
  const contest = await db()
    .selectFrom("contests")
    .select(["id", "client_id", "status"])
    .where("id", "=", input.contestId)
    .executeTakeFirst();
  if (!contest || !hasLaunched(contest.status)) throw new Refused("judging", "not_found");
  return requireJudgingRole(db(), { id: contest.id, clientId: contest.client_id }, input.userId);
}
