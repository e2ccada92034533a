import { db, transaction, type DB, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { isCategory, type Category } from "../contests/brief";
import { escrowOf } from "../escrow/ledger-reads.server";
import { loadHandoverParty, type HandoverParty } from "../handover/access.server";
import { notifyUsers } from "../notify/notifications.server";
import { refusal, type Refusal } from "../refusal";
import { refreshDesignerRecords } from "./designer-records.server";
import { editableUntil, stillEditable, type ReviewInput } from "./reviews";

/**
 * Reviews after the work. The one owner of who may review whom: the client of a completed contest
 * whose prize was released to its winner reviews that winner, once; the winner may answer, once.
 * A review cannot be bought (no prize released, no review) and stands after `REVIEW_EDIT_DAYS`.
 */
export type ReviewFailure = "not_found" | "not_open" | "edit_closed" | "no_review" | "not_yours";

export interface ReviewText {
  stars: number;
  body: string;
  createdAt: number;
  editedAt: number | null;
  answer: string | null;
  answeredAt: number | null;
  answerEditedAt: number | null;
}

/** What the handover page shows its two parties about the review, once the work is done. */
export interface ReviewPanel {
  role: HandoverParty["role"];
  /** The prize was released to the winner: the client may review. */
  open: boolean;
  review: ReviewText | null;
  /** The client may write the review now, or still correct it. */
  canReview: boolean;
  /** The winner may write the answer now, or still correct it. */
  canAnswer: boolean;
  /** When the written review, and the written answer, stop being editable. */
  reviewLocksAt: number | null;
  answerLocksAt: number | null;
}

async function released(executor: DB | Trx, party: HandoverParty): Promise<boolean> {
  if (party.contest.status !== "completed") return false;
  return (await escrowOf(executor, party.contest.id)).status === "awarded";
}

async function storedReview(executor: DB | Trx, contestId: string): Promise<ReviewText | null> {
  const row = await executor
    .selectFrom("reviews")
    .select(["stars", "body", "created_at", "edited_at", "answer", "answered_at", "answer_edited_at"])
    .where("contest_id", "=", contestId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    stars: row.stars,
    body: row.body,
    createdAt: Number(row.created_at),
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    answer: row.answer,
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
    answerEditedAt: row.answer_edited_at === null ? null : Number(row.answer_edited_at),
  };
}

function panelOf(party: HandoverParty, open: boolean, review: ReviewText | null, at: number): ReviewPanel {
  const reviewLocksAt = review ? editableUntil(review.createdAt) : null;
  const answerLocksAt = review?.answeredAt != null ? editableUntil(review.answeredAt) : null;
  return {
    role: party.role,
    open,
    review,
    canReview: party.role === "client" && open && (!review || stillEditable(review.createdAt, at)),
    canAnswer:
      party.role === "winner" &&
      review !== null &&
      (review.answeredAt === null || stillEditable(review.answeredAt, at)),
    reviewLocksAt,
    answerLocksAt,
  };
}

/** The review as one of the handover's two parties sees it, or null for anyone else (404). */
export async function reviewPanel(contestId: string, viewerId: string | null): Promise<ReviewPanel | null> {
  const party = await loadHandoverParty(db(), contestId, viewerId);
  if (!party) return null;
  const [open, review] = await Promise.all([released(db(), party), storedReview(db(), contestId)]);
  return panelOf(party, open, review, now());
}

export type ReviewResult = { ok: true; first: boolean } | Refusal<"review">;

/** The client writes (or, within the window, corrects) their review of the winner. */
export async function writeReview(input: {
  contestId: string;
  userId: string;
  review: Pick<ReviewInput, "stars" | "body">;
}): Promise<ReviewResult> {
  return transaction(async (trx) => {
    const party = await loadHandoverParty(trx, input.contestId, input.userId, { lock: true });
    if (!party) return refusal("review", "not_found");
    if (party.role !== "client") return refusal("review", "not_yours");
    if (!(await released(trx, party))) return refusal("review", "not_open");
    const at = now();
    const existing = await storedReview(trx, input.contestId);
    if (existing) {
      if (!stillEditable(existing.createdAt, at)) return refusal("review", "edit_closed");
      await trx
        .updateTable("reviews")
        .set({ stars: input.review.stars, body: input.review.body, edited_at: at })
        .where("contest_id", "=", input.contestId)
        .execute();
      await refreshDesignerRecords(trx, [party.contest.winnerId]);
      return { ok: true, first: false } as const;
    }
    await trx
      .insertInto("reviews")
      .values({
        contest_id: input.contestId,
        client_id: party.contest.clientId,
        designer_id: party.contest.winnerId,
        stars: input.review.stars,
        body: input.review.body,
        created_at: at,
      })
      .execute();
    await refreshDesignerRecords(trx, [party.contest.winnerId]);
    await notifyUsers(trx, [party.contest.winnerId], {
      kind: "review.received",
      contestId: input.contestId,
      data: { contest: party.contest.title, stars: input.review.stars },
    });
    return { ok: true, first: true } as const;
  });
}

/** The winner answers the client's review (once; corrections within the window). */
export async function answerReview(input: {
  contestId: string;
  userId: string;
  answer: string;
}): Promise<ReviewResult> {
  return transaction(async (trx) => {
    const party = await loadHandoverParty(trx, input.contestId, input.userId, { lock: true });
    if (!party) return refusal("review", "not_found");
    if (party.role !== "winner") return refusal("review", "not_yours");
    const existing = await storedReview(trx, input.contestId);
    if (!existing) return refusal("review", "no_review");
    const at = now();
    if (existing.answeredAt !== null && !stillEditable(existing.answeredAt, at))
      return refusal("review", "edit_closed");
    const first = existing.answeredAt === null;
    await trx
      .updateTable("reviews")
      .set(first ? { answer: input.answer, answered_at: at } : { answer: input.answer, answer_edited_at: at })
      .where("contest_id", "=", input.contestId)
      .execute();
    if (first) {
      await notifyUsers(trx, [party.contest.clientId], {
        kind: "review.answered",
        contestId: input.contestId,
        data: { contest: party.contest.title },
      });
    }
    return { ok: true, first } as const;
  });
}

/** One review as a designer's profile shows it. */
export interface PublicReview extends ReviewText {
  contestId: string;
  clientName: string;
  /** The contest's category (null for one this version does not know). */
  category: Category | null;
  /** The contest's title, or null when the contest is private (its name is never shown). */
  contestTitle: string | null;
}

export const PROFILE_REVIEWS = 20;

/** A designer's reviews, newest first (a private contest's review shows without its name). */
export async function designerReviews(designerId: string, limit = PROFILE_REVIEWS): Promise<PublicReview[]> {
  const rows = await db()
    .selectFrom("reviews")
    .innerJoin("contests", "contests.id", "reviews.contest_id")
    .innerJoin("users", "users.id", "reviews.client_id")
    .select([
      "reviews.contest_id",
      "reviews.stars",
      "reviews.body",
      "reviews.created_at",
      "reviews.edited_at",
      "reviews.answer",
      "reviews.answered_at",
      "reviews.answer_edited_at",
      "contests.title",
      "contests.is_private",
      "contests.category",
      "users.display_name",
    ])
    .where("reviews.designer_id", "=", designerId)
    .orderBy("reviews.created_at", "desc")
    .orderBy("reviews.contest_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    contestId: r.contest_id,
    clientName: r.display_name,
    category: isCategory(r.category) ? r.category : null,
    contestTitle: r.is_private ? null : r.title,
    stars: r.stars,
    body: r.body,
    createdAt: Number(r.created_at),
    editedAt: r.edited_at === null ? null : Number(r.edited_at),
    answer: r.answer,
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
    answerEditedAt: r.answer_edited_at === null ? null : Number(r.answer_edited_at),
  }));
}
