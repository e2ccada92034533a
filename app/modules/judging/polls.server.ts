import { Readable } from "node:stream";
import { db, transaction } from "~db/index";
import { blobStore } from "~storage/index";
import { now } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { refusal, Refused, type Refusal } from "../refusal";
import { generateToken, hashToken } from "../auth/tokens.server";
import { serializeCookie } from "../auth/sessions.server";
import { hasLaunched } from "../contests/access.server";
import { appendContestEvent } from "../contests/contests.server";
import { requireJudgingRole } from "./access.server";
import { POLL_COMMENT_MAX } from "./forms";
import { loadPool } from "./pool.server";
import { pollPaths } from "./poll-paths";

export const POLL_MIN_ENTRIES = 2;
export const POLL_MAX_ENTRIES = 8;
export const VOTER_COOKIE = "concours_voter";

export function pollLink(slug: string) {
  return `${config().appUrl}${pollPaths.page(slug)}`;
}

/** One vote per browser: a random cookie, stored only as a hash that differs from poll to poll. */
export function voterHash(pollId: string, voterToken: string) {
  return hashToken(`${pollId}:${voterToken}`);
}

export function voterCookie(token: string) {
  return serializeCookie(VOTER_COOKIE, token, 365 * 24 * 60 * 60);
}

export function isVoterToken(value: string | null | undefined): value is string {
  return !!value && /^[a-z2-7]{32}$/.test(value);
}

async function clientsContest(contestId: string, clientId: string) {
  const contest = await db()
    .selectFrom("contests")
    .select(["id", "client_id", "title", "status", "version"])
    .where("id", "=", contestId)
    .executeTakeFirst();
  if (!contest || !hasLaunched(contest.status)) throw new Refused("judging", "not_found");
  await requireJudgingRole(db(), { id: contest.id, clientId: contest.client_id }, clientId, "client");
  return contest;
}

/** The client puts 2–8 of the contest's entries to a vote and gets a link anyone can use. */
export async function createPoll(input: {
  contestId: string;
  clientId: string;
  entryIds: string[];
  question: string;
}) {
  const contest = await clientsContest(input.contestId, input.clientId);
  const ids = [...new Set(input.entryIds)];
  const question = input.question.trim();
  if (ids.length < POLL_MIN_ENTRIES || ids.length > POLL_MAX_ENTRIES || !question || question.length > 200)
    throw new Refused("judging", "invalid");
  const ready = await db()
    .selectFrom("entries")
    .select("id")
    .where("contest_id", "=", contest.id)
    .where("status", "=", "ready")
    .where("id", "in", ids)
    .execute();
  if (ready.length !== ids.length) throw new Refused("judging", "invalid");
  const id = newId();
  const slug = generateToken();
  await transaction(async (trx) => {
    await trx
      .insertInto("polls")
      .values({ id, contest_id: contest.id, created_by: input.clientId, slug, question, created_at: now() })
      .execute();
    await trx
      .insertInto("poll_entries")
      .values(ids.map((entryId, position) => ({ poll_id: id, entry_id: entryId, position })))
      .execute();
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: "poll_created",
      actorId: input.clientId,
      data: { pollId: id, entries: ids.length },
    });
  });
  return { id, slug, link: pollLink(slug) };
}

/** The client's polls with their results and comments (results are the client's alone). */
export async function listPolls(input: { contestId: string; clientId: string }) {
  const contest = await clientsContest(input.contestId, input.clientId);
  const polls = await db()
    .selectFrom("polls")
    .selectAll()
    .where("contest_id", "=", contest.id)
    .orderBy("created_at", "desc")
    .execute();
  const pollIds = polls.map((p) => p.id);
  const [choices, votes, pool] = await Promise.all([
    pollIds.length
      ? db()
          .selectFrom("poll_entries")
          .select(["poll_id", "entry_id", "position"])
          .where("poll_id", "in", pollIds)
          .orderBy("position")
          .execute()
      : Promise.resolve([]),
    pollIds.length
      ? db()
          .selectFrom("poll_votes")
          .select(["poll_id", "entry_id", "comment", "updated_at"])
          .where("poll_id", "in", pollIds)
          .orderBy("updated_at", "desc")
          .execute()
      : Promise.resolve([]),
    loadPool(db(), contest.id, { withDeclined: true }),
  ]);
  const entry = new Map(pool.map((e) => [e.id, e]));
  return {
    contest: { id: contest.id, title: contest.title },
    // What a new poll can offer: the entries still in the running.
    candidates: pool
      .filter((e) => e.status === "ready")
      .map((e) => ({ id: e.id, number: e.number, designerName: e.designerName, thumbUrl: e.thumbUrl })),
    polls: polls.map((p) => {
      const mine = votes.filter((v) => v.poll_id === p.id);
      return {
        id: p.id,
        question: p.question,
        link: pollLink(p.slug),
        closed: p.closed_at !== null,
        createdAt: p.created_at,
        total: mine.length,
        entries: choices
          .filter((c) => c.poll_id === p.id)
          .map((c) => ({
            entryId: c.entry_id,
            number: entry.get(c.entry_id)?.number ?? 0,
            designerName: entry.get(c.entry_id)?.designerName ?? "",
            thumbUrl: entry.get(c.entry_id)?.thumbUrl ?? null,
            votes: mine.filter((v) => v.entry_id === c.entry_id).length,
          }))
          .sort((a, b) => b.votes - a.votes || a.number - b.number),
        comments: mine
          .filter((v) => v.comment)
          .map((v) => ({ number: entry.get(v.entry_id)?.number ?? 0, comment: v.comment, at: v.updated_at })),
      };
    }),
  };
}

export async function closePoll(input: { contestId: string; clientId: string; pollId: string }) {
  const contest = await clientsContest(input.contestId, input.clientId);
  const result = await db()
    .updateTable("polls")
    .set({ closed_at: now() })
    .where("id", "=", input.pollId)
    .where("contest_id", "=", contest.id)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Refused("judging", "not_found");
}

async function pollBySlug(slug: string) {
  if (!/^[a-z2-7]{32}$/.test(slug)) return null;
  return db()
    .selectFrom("polls")
    .innerJoin("contests", "contests.id", "polls.contest_id")
    .innerJoin("users", "users.id", "contests.client_id")
    .select([
      "polls.id",
      "polls.contest_id",
      "polls.question",
      "polls.closed_at",
      "contests.title",
      "users.display_name as client_name",
    ])
    .where("polls.slug", "=", slug)
    .executeTakeFirst();
}

/** What a voter sees: the question, the entries' previews and their own vote. Never the results. */
export async function getPollForVoter(input: { slug: string; voterToken: string | null }) {
  const poll = await pollBySlug(input.slug);
  if (!poll) return null;
  const [choices, pool, vote] = await Promise.all([
    db()
      .selectFrom("poll_entries")
      .select(["entry_id", "position"])
      .where("poll_id", "=", poll.id)
      .orderBy("position")
      .execute(),
    loadPool(db(), poll.contest_id),
    input.voterToken
      ? db()
          .selectFrom("poll_votes")
          .select(["entry_id", "comment"])
          .where("poll_id", "=", poll.id)
          .where("voter_hash", "=", voterHash(poll.id, input.voterToken))
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const entry = new Map(pool.map((e) => [e.id, e]));
  return {
    question: poll.question,
    contestTitle: poll.title,
    clientName: poll.client_name,
    closed: poll.closed_at !== null,
    // Voters see the designs (through the poll's own link), not who made them.
    entries: choices.flatMap((c) => {
      const e = entry.get(c.entry_id);
      return e
        ? [
            {
              id: e.id,
              number: e.number,
              previewUrl: e.previewUrl ? pollPaths.media(input.slug, e.id) : null,
            },
          ]
        : [];
    }),
    myVote: vote ? { entryId: vote.entry_id, comment: vote.comment } : null,
  };
}

/** Why a vote is refused. */
export type PollFailure = "not_found" | "closed" | "invalid";

export type VoteResult = { ok: true; changed: boolean } | Refusal<"poll">;

/** One vote per browser and poll; voting again from the same browser changes the vote. */
export async function castVote(input: {
  slug: string;
  voterToken: string;
  entryId: string;
  comment?: string;
}): Promise<VoteResult> {
  const poll = await pollBySlug(input.slug);
  if (!poll) return refusal("poll", "not_found");
  if (poll.closed_at !== null) return refusal("poll", "closed");
  const comment = (input.comment ?? "").trim().slice(0, POLL_COMMENT_MAX);
  const choice = await db()
    .selectFrom("poll_entries")
    .innerJoin("entries", "entries.id", "poll_entries.entry_id")
    .select("entries.status")
    .where("poll_entries.poll_id", "=", poll.id)
    .where("poll_entries.entry_id", "=", input.entryId)
    .executeTakeFirst();
  if (!choice || choice.status !== "ready") return refusal("poll", "invalid");
  const hash = voterHash(poll.id, input.voterToken);
  const at = now();
  const existing = await db()
    .selectFrom("poll_votes")
    .select("entry_id")
    .where("poll_id", "=", poll.id)
    .where("voter_hash", "=", hash)
    .executeTakeFirst();
  await db()
    .insertInto("poll_votes")
    .values({
      poll_id: poll.id,
      voter_hash: hash,
      entry_id: input.entryId,
      comment,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["poll_id", "voter_hash"]).doUpdateSet({ entry_id: input.entryId, comment, updated_at: at }),
    )
    .execute();
  return { ok: true, changed: !!existing };
}

/**
 * The watermarked preview of an entry in a poll, for anyone with the poll's link (the link is the
 * permission: the client chose to share these designs). Null when the entry is not in that poll.
 */
export async function openPollPreview(input: { slug: string; entryId: string }) {
  const poll = await pollBySlug(input.slug);
  if (!poll) return null;
  const row = await db()
    .selectFrom("poll_entries")
    .innerJoin("entries", "entries.id", "poll_entries.entry_id")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select(["entry_revisions.preview_key", "entries.status"])
    .where("poll_entries.poll_id", "=", poll.id)
    .where("poll_entries.entry_id", "=", input.entryId)
    .executeTakeFirst();
  if (!row?.preview_key || row.status !== "ready" || !row.preview_key.startsWith("public/")) return null;
  const store = blobStore();
  if (store.signedUrl) {
    return {
      kind: "redirect" as const,
      url: await store.signedUrl(row.preview_key, { expiresInSeconds: 300 }),
    };
  }
  const blob = await store.get(row.preview_key);
  if (!blob) return null;
  return {
    kind: "stream" as const,
    body: Readable.toWeb(blob.body) as ReadableStream<Uint8Array>,
    contentType: blob.info.contentType,
    size: blob.info.size,
  };
}
