import { db, dialectOf, transaction, type DB, type Trx } from "~db/index";
import { forShare, forUpdate } from "~db/locking";
import type { ContestStatus, RatingRound } from "~db/schema";
import { now, orderedNow } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { Refused } from "../refusal";
import { canViewContest, contestAccess, hasLaunched, seesOthersEntries } from "../contests/access.server";
import { appendContestEvent, loadContest } from "../contests/contests.server";
import { isLive, isUndecided } from "../contests/machine";
import { notifyCoalesced, notifyUsers } from "../notify/notifications.server";
import { isEliminated, ratingRound, requireJudgingRole, type JudgingRole } from "./access.server";
import { COMMENT_MAX, isDeclineReason, NOTE_MAX, type DeclineReason } from "./limits";

type RatingContest = {
  id: string;
  clientId: string;
  status: ContestStatus;
  version: number;
  fastTrack: boolean;
  blind: boolean;
  isPrivate: boolean;
  title: string;
};

async function contestFacts(
  executor: DB | Trx,
  contestId: string,
  options: { share?: boolean } = {},
): Promise<RatingContest> {
  let query = executor
    .selectFrom("contests")
    .select(["id", "client_id", "status", "version", "fast_track", "blind", "is_private", "title"])
    .where("id", "=", contestId);
  // Hold off a transition (FOR UPDATE) while this write depends on the contest's state.
  if (options.share) query = forShare(query, dialectOf(executor as unknown as DB));
  const row = await query.executeTakeFirst();
  if (!row || !hasLaunched(row.status)) throw new Refused("judging", "not_found");
  return {
    id: row.id,
    clientId: row.client_id,
    status: row.status,
    version: row.version,
    fastTrack: row.fast_track === 1,
    blind: row.blind === 1,
    isPrivate: row.is_private === 1,
    title: row.title,
  };
}

async function entryIn(executor: DB | Trx, contestId: string, entryId: string) {
  const entry = await executor
    .selectFrom("entries")
    .select(["id", "contest_id", "designer_id", "number", "status"])
    .where("id", "=", entryId)
    .where("contest_id", "=", contestId)
    .executeTakeFirst();
  if (!entry) throw new Refused("judging", "not_found");
  return entry;
}

async function isFinalist(executor: DB | Trx, contestId: string, designerId: string) {
  const row = await executor
    .selectFrom("contest_finalists")
    .select("designer_id")
    .where("contest_id", "=", contestId)
    .where("designer_id", "=", designerId)
    .executeTakeFirst();
  return !!row;
}

async function displayName(executor: DB | Trx, userId: string) {
  const row = await executor
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.display_name ?? "";
}

// ---- ratings --------------------------------------------------------------------------------

export interface RateResult {
  stars: number;
  round: RatingRound;
  /** There was a rating by this person in this round already (it is replaced). */
  replaced: boolean;
}

/**
 * The client or a judge rates an entry 1–5 stars in the open rating round. A second rating by the
 * same person in the same round replaces the first. The entry's per-round count and sum change in the
 * same transaction; the designer hears of the client's stars (never of a judge's).
 */
export async function rateEntry(input: {
  contestId: string;
  entryId: string;
  raterId: string;
  stars: number;
}): Promise<RateResult> {
  if (!Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5)
    throw new Refused("judging", "invalid");
  return transaction(async (trx) => {
    const contest = await contestFacts(trx, input.contestId, { share: true });
    const role = await requireJudgingRole(trx, contest, input.raterId);
    const round = ratingRound(contest);
    if (!round) throw new Refused("judging", "rating_closed");
    const entry = await entryIn(trx, contest.id, input.entryId);
    if (entry.status === "declined") throw new Refused("judging", "entry_declined");
    if (entry.status !== "ready") throw new Refused("judging", "entry_not_ready");
    if (round === 2 && !(await isFinalist(trx, contest.id, entry.designer_id)))
      throw new Refused("judging", "not_in_round");

    const at = now();
    // One rating per person, entry and round: replace it when there is one. The row is locked on
    // PostgreSQL, so two tabs replacing it at once cannot both subtract the same previous stars.
    const existingRating = () =>
      forUpdate(
        trx
          .selectFrom("ratings")
          .select("stars")
          .where("entry_id", "=", entry.id)
          .where("rater_id", "=", input.raterId)
          .where("round", "=", round),
        dialectOf(trx as unknown as DB),
      ).executeTakeFirst();
    let previous: number | null = (await existingRating())?.stars ?? null;
    if (previous === null) {
      const inserted = await trx
        .insertInto("ratings")
        .values({
          entry_id: entry.id,
          rater_id: input.raterId,
          round,
          contest_id: contest.id,
          stars: input.stars,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(["entry_id", "rater_id", "round"]).doNothing())
        .executeTakeFirst();
      // Lost a race with the same person's other tab: theirs is now the rating this one replaces.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) previous = (await existingRating())!.stars;
    }
    if (previous !== null) {
      if (previous === input.stars) return { stars: input.stars, round, replaced: true };
      await trx
        .updateTable("ratings")
        .set({ stars: input.stars, updated_at: at })
        .where("entry_id", "=", entry.id)
        .where("rater_id", "=", input.raterId)
        .where("round", "=", round)
        .execute();
    }

    const isClient = role === "client";
    await trx
      .insertInto("entry_round_stats")
      .values({
        entry_id: entry.id,
        round,
        contest_id: contest.id,
        ratings_count: previous === null ? 1 : 0,
        stars_sum: input.stars - (previous ?? 0),
        client_stars: isClient ? input.stars : null,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(["entry_id", "round"]).doUpdateSet((eb) => ({
          ratings_count: eb("entry_round_stats.ratings_count", "+", eb.ref("excluded.ratings_count")),
          stars_sum: eb("entry_round_stats.stars_sum", "+", eb.ref("excluded.stars_sum")),
          client_stars: isClient ? eb.ref("excluded.client_stars") : eb.ref("entry_round_stats.client_stars"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();

    if (isClient) {
      await notifyCoalesced(trx, entry.designer_id, {
        kind: "entry.rated",
        contestId: contest.id,
        entryId: entry.id,
        data: { number: entry.number, stars: input.stars, round },
      });
    }
    return { stars: input.stars, round, replaced: previous !== null };
  });
}

// ---- declines and eliminations (the client's alone) -----------------------------------------

/** The client declines an entry with a reason the designer sees; undo with restoreEntry. */
export async function declineEntry(input: {
  contestId: string;
  entryId: string;
  clientId: string;
  reason: DeclineReason;
  note?: string;
}) {
  if (!isDeclineReason(input.reason)) throw new Refused("judging", "invalid");
  const note = (input.note ?? "").trim().slice(0, COMMENT_MAX) || null;
  return transaction(async (trx) => {
    const contest = await contestFacts(trx, input.contestId, { share: true });
    await requireJudgingRole(trx, contest, input.clientId, "client");
    if (!isUndecided(contest.status)) throw new Refused("judging", "contest_closed");
    const entry = await entryIn(trx, contest.id, input.entryId);
    if (entry.status === "declined") return { number: entry.number };
    if (entry.status !== "ready") throw new Refused("judging", "entry_not_ready");
    const at = now();
    await trx
      .updateTable("entries")
      .set({
        status: "declined",
        decline_reason: input.reason,
        decline_note: note,
        declined_at: at,
        updated_at: at,
      })
      .where("id", "=", entry.id)
      .where("status", "=", "ready")
      .execute();
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: "entry_declined",
      actorId: input.clientId,
      data: { entryId: entry.id, number: entry.number, reason: input.reason },
    });
    await notifyUsers(trx, [entry.designer_id], {
      kind: "entry.declined",
      contestId: contest.id,
      entryId: entry.id,
      data: { number: entry.number, reason: input.reason },
    });
    return { number: entry.number };
  });
}

/** Undo a decline: the entry is back in the running, with its ratings. */
export async function restoreEntry(input: { contestId: string; entryId: string; clientId: string }) {
  return transaction(async (trx) => {
    const contest = await contestFacts(trx, input.contestId, { share: true });
    await requireJudgingRole(trx, contest, input.clientId, "client");
    if (!isUndecided(contest.status)) throw new Refused("judging", "contest_closed");
    const entry = await entryIn(trx, contest.id, input.entryId);
    if (entry.status !== "declined") throw new Refused("judging", "not_declined");
    await trx
      .updateTable("entries")
      .set({
        status: "ready",
        decline_reason: null,
        decline_note: null,
        declined_at: null,
        updated_at: now(),
      })
      .where("id", "=", entry.id)
      .where("status", "=", "declined")
      .execute();
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: "entry_restored",
      actorId: input.clientId,
      data: { entryId: entry.id, number: entry.number },
    });
    await notifyUsers(trx, [entry.designer_id], {
      kind: "entry.restored",
      contestId: contest.id,
      entryId: entry.id,
      data: { number: entry.number },
    });
    return { number: entry.number };
  });
}

/** The client stops a designer from sending new entries (their entries stay); undo with reinstate. */
export async function eliminateDesigner(input: { contestId: string; designerId: string; clientId: string }) {
  return setElimination(input, true);
}

export async function reinstateDesigner(input: { contestId: string; designerId: string; clientId: string }) {
  return setElimination(input, false);
}

async function setElimination(
  input: { contestId: string; designerId: string; clientId: string },
  eliminate: boolean,
) {
  return transaction(async (trx) => {
    const contest = await contestFacts(trx, input.contestId, { share: true });
    await requireJudgingRole(trx, contest, input.clientId, "client");
    if (!isUndecided(contest.status)) throw new Refused("judging", "contest_closed");
    const entered = await trx
      .selectFrom("entries")
      .select("id")
      .where("contest_id", "=", contest.id)
      .where("designer_id", "=", input.designerId)
      .limit(1)
      .executeTakeFirst();
    if (!entered) throw new Refused("judging", "no_entries");
    if (eliminate && (await isFinalist(trx, contest.id, input.designerId)))
      throw new Refused("judging", "finalist");
    const already = await isEliminated(trx, contest.id, input.designerId);
    const name = await displayName(trx, input.designerId);
    if (already === eliminate) return { name };
    const at = now();
    if (eliminate) {
      await trx
        .insertInto("contest_members")
        .values({
          contest_id: contest.id,
          user_id: input.designerId,
          role: "designer",
          eliminated_at: at,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(["contest_id", "user_id", "role"]).doUpdateSet({ eliminated_at: at }))
        .execute();
    } else {
      await trx
        .updateTable("contest_members")
        .set({ eliminated_at: null })
        .where("contest_id", "=", contest.id)
        .where("user_id", "=", input.designerId)
        .where("role", "=", "designer")
        .execute();
    }
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: eliminate ? "designer_eliminated" : "designer_reinstated",
      actorId: input.clientId,
      data: { designerId: input.designerId },
    });
    await notifyUsers(trx, [input.designerId], {
      kind: eliminate ? "contest.eliminated" : "contest.reinstated",
      contestId: contest.id,
    });
    return { name };
  });
}

// ---- comments (client ↔ the entry's designer) and judges' private notes ----------------------

/**
 * A comment in the thread on one entry, between the client and that entry's designer. Judges do not
 * write to designers (their words go to the client as private notes).
 */
export async function addComment(input: {
  entryId: string;
  authorId: string;
  body: string;
  /** When posted from a contest's screen: the entry must belong to that contest. */
  contestId?: string;
}) {
  const body = input.body.trim();
  if (!body || body.length > COMMENT_MAX) throw new Refused("judging", "invalid");
  return transaction(async (trx) => {
    const entryRow = await trx
      .selectFrom("entries")
      .select(["contest_id"])
      .where("id", "=", input.entryId)
      .executeTakeFirst();
    if (!entryRow || (input.contestId && input.contestId !== entryRow.contest_id))
      throw new Refused("judging", "not_found");
    const contest = await contestFacts(trx, entryRow.contest_id);
    const entry = await entryIn(trx, contest.id, input.entryId);
    const fromClient = input.authorId === contest.clientId;
    const fromDesigner = input.authorId === entry.designer_id;
    if (!fromClient && !fromDesigner) {
      // Refused; and to someone who may not see the contest, it does not exist.
      const visible = await canViewContest(trx, contest.id, input.authorId);
      throw new Refused("judging", visible ? "forbidden" : "not_found");
    }
    if (!isLive(contest.status)) throw new Refused("judging", "contest_closed");
    const id = newId();
    const at = orderedNow();
    await trx
      .insertInto("entry_comments")
      .values({
        id,
        entry_id: entry.id,
        contest_id: contest.id,
        author_id: input.authorId,
        body,
        created_at: at,
      })
      .execute();
    if (fromClient) {
      await notifyUsers(trx, [entry.designer_id], {
        kind: "entry.commented",
        contestId: contest.id,
        entryId: entry.id,
        data: { number: entry.number },
      });
    } else {
      await notifyUsers(trx, [contest.clientId], {
        kind: "entry.replied",
        contestId: contest.id,
        entryId: entry.id,
        data: { number: entry.number, name: await displayName(trx, input.authorId) },
      });
    }
    return { id, contestId: contest.id };
  });
}

/** A judge's private note to the client on one entry; an empty note removes it. */
export async function saveJudgeNote(input: {
  contestId: string;
  entryId: string;
  judgeId: string;
  body: string;
}) {
  const body = input.body.trim();
  if (body.length > NOTE_MAX) throw new Refused("judging", "invalid");
  return transaction(async (trx) => {
    const contest = await contestFacts(trx, input.contestId);
    const role = await requireJudgingRole(trx, contest, input.judgeId);
    if (role !== "judge") throw new Refused("judging", "forbidden");
    if (!isLive(contest.status)) throw new Refused("judging", "contest_closed");
    const entry = await entryIn(trx, contest.id, input.entryId);
    if (!body) {
      await trx
        .deleteFrom("judge_notes")
        .where("entry_id", "=", entry.id)
        .where("judge_id", "=", input.judgeId)
        .execute();
      return;
    }
    const at = now();
    await trx
      .insertInto("judge_notes")
      .values({
        entry_id: entry.id,
        judge_id: input.judgeId,
        contest_id: contest.id,
        body,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(["entry_id", "judge_id"]).doUpdateSet({ body, updated_at: at }))
      .execute();
    // The client hears of it (a judge editing the same note again is still one notification).
    await notifyCoalesced(trx, contest.clientId, {
      kind: "judge.noted",
      contestId: contest.id,
      entryId: entry.id,
      data: { number: entry.number, name: await displayName(trx, input.judgeId) },
    });
  });
}

// ---- what each viewer may see of an entry's feedback --------------------------------------------

export interface FeedbackComment {
  id: string;
  /** Who wrote it, as the viewer should read it. */
  author: "client" | "designer";
  authorName: string;
  mine: boolean;
  body: string;
  createdAt: number;
}

export interface EntryFeedback {
  entryId: string;
  contestId: string;
  entryNumber: number;
  /** `designer`: the entry's own designer; `visitor`: anyone else who may see the entry. */
  viewerRole: "client" | "judge" | "designer" | "visitor";
  /** The client's latest stars (the final round's if given, else the first round's). */
  clientStars: number | null;
  /** The thread with the designer: the client and the entry's designer only. */
  comments: FeedbackComment[] | null;
  canComment: boolean;
  /** Why it was declined: the client and the entry's designer only. */
  declined: { reason: DeclineReason; note: string | null; at: number } | null;
  /** The judge's own rating and note (a judge sees nothing of the others'). */
  mine: { stars: number | null; note: string | null } | null;
  /** Every judge's stars and note, for the client only. */
  judges: { judgeId: string; name: string; stars: number | null; note: string | null }[] | null;
}

/**
 * An entry's feedback as this viewer may see it, or null when the viewer may not see the entry's
 * feedback at all. Designers see the client's stars and the thread on their own entries; other
 * designers see the client's stars only in an open (not blind, not private) contest; nobody but the
 * client learns who the judges are or what each gave.
 */
export async function getFeedbackForViewer(input: {
  entryId: string;
  viewer: { id: string } | null;
}): Promise<EntryFeedback | null> {
  const database = db();
  const entry = await database
    .selectFrom("entries")
    .select([
      "id",
      "contest_id",
      "designer_id",
      "number",
      "status",
      "decline_reason",
      "decline_note",
      "declined_at",
    ])
    .where("id", "=", input.entryId)
    .executeTakeFirst();
  if (!entry) return null;
  const contest = await loadContest(database, entry.contest_id);
  if (!contest || !hasLaunched(contest.status)) return null;
  const viewerId = input.viewer?.id ?? null;
  // Visibility is the contests module's rule (private, blind, refunded): asked, not repeated here.
  const access = await contestAccess(database, contest, viewerId);
  if (!access.canView) return null;
  const role: JudgingRole | null = access.isClient ? "client" : access.isJudge ? "judge" : null;
  const isOwn = viewerId !== null && viewerId === entry.designer_id;
  const viewerRole: EntryFeedback["viewerRole"] = role ?? (isOwn ? "designer" : "visitor");
  if (viewerRole === "visitor" && (entry.status !== "ready" || !seesOthersEntries(contest, access)))
    return null;

  const stats = await database
    .selectFrom("entry_round_stats")
    .select(["round", "client_stars"])
    .where("entry_id", "=", entry.id)
    .where("client_stars", "is not", null)
    .orderBy("round", "desc")
    .limit(1)
    .executeTakeFirst();
  const base = {
    entryId: entry.id,
    contestId: contest.id,
    entryNumber: entry.number,
    viewerRole,
    clientStars: stats?.client_stars ?? null,
  };
  if (viewerRole === "visitor") {
    return { ...base, comments: null, canComment: false, declined: null, mine: null, judges: null };
  }

  const declined =
    entry.status === "declined" && viewerRole !== "judge"
      ? {
          reason: (entry.decline_reason ?? "other") as DeclineReason,
          note: entry.decline_note,
          at: entry.declined_at ?? 0,
        }
      : null;
  const sees = viewerRole === "client" || viewerRole === "designer";
  const comments = sees
    ? (
        await database
          .selectFrom("entry_comments")
          .innerJoin("users", "users.id", "entry_comments.author_id")
          .select([
            "entry_comments.id",
            "entry_comments.author_id",
            "entry_comments.body",
            "entry_comments.created_at",
            "users.display_name",
          ])
          .where("entry_comments.entry_id", "=", entry.id)
          .orderBy("entry_comments.created_at")
          .orderBy("entry_comments.id")
          .execute()
      ).map((c) => ({
        id: c.id,
        author: (c.author_id === contest.clientId ? "client" : "designer") as FeedbackComment["author"],
        authorName: c.display_name,
        mine: c.author_id === viewerId,
        body: c.body,
        createdAt: c.created_at,
      }))
    : null;

  let mine: EntryFeedback["mine"] = null;
  let judges: EntryFeedback["judges"] = null;
  if (viewerRole === "judge") {
    const round = ratingRound(contest) ?? 1;
    const [rating, note] = await Promise.all([
      database
        .selectFrom("ratings")
        .select("stars")
        .where("entry_id", "=", entry.id)
        .where("rater_id", "=", viewerId!)
        .where("round", "=", round)
        .executeTakeFirst(),
      database
        .selectFrom("judge_notes")
        .select("body")
        .where("entry_id", "=", entry.id)
        .where("judge_id", "=", viewerId!)
        .executeTakeFirst(),
    ]);
    mine = { stars: rating?.stars ?? null, note: note?.body ?? null };
  }
  if (viewerRole === "client") {
    judges = await judgesOnEntry(database, contest, entry.id);
  }
  return {
    ...base,
    comments,
    canComment: sees && isLive(contest.status),
    declined,
    mine,
    judges,
  };
}

/** Each judge's latest stars on an entry and their note, for the client. */
export async function judgesOnEntry(executor: DB | Trx, contest: { id: string }, entryId: string) {
  const members = await executor
    .selectFrom("contest_members")
    .innerJoin("users", "users.id", "contest_members.user_id")
    .select(["users.id", "users.display_name"])
    .where("contest_members.contest_id", "=", contest.id)
    .where("contest_members.role", "=", "judge")
    .orderBy("contest_members.created_at")
    .execute();
  if (!members.length) return [];
  const ids = members.map((m) => m.id);
  const [ratings, notes] = await Promise.all([
    executor
      .selectFrom("ratings")
      .select(["rater_id", "stars", "round"])
      .where("entry_id", "=", entryId)
      .where("rater_id", "in", ids)
      .orderBy("round", "desc")
      .execute(),
    executor
      .selectFrom("judge_notes")
      .select(["judge_id", "body"])
      .where("entry_id", "=", entryId)
      .where("judge_id", "in", ids)
      .execute(),
  ]);
  return members.map((m) => ({
    judgeId: m.id,
    name: m.display_name,
    stars: ratings.find((r) => r.rater_id === m.id)?.stars ?? null,
    note: notes.find((n) => n.judge_id === m.id)?.body ?? null,
  }));
}
