import { db, type DB, type Trx } from "~db/index";
import { CATEGORY_KEYS, isCategory, type Category } from "../contests/brief";
import { DAY } from "~/utils/durations";
import { ENTRY_LEVEL_WINDOW_DAYS } from "../contests/tiers";
import { levelOf, type CategoryRecord, type Level } from "./levels";
import { readCodes } from "./profiles";
import { medianReply, overallLevel, RESPONSE_WINDOW, standings, type CategoryStanding } from "./record";

const emptyRecord = (): CategoryRecord => ({ wins: 0, reviews: 0, stars: 0 });

/**
 * A designer's standing in each category they have a record in, or chose on their profile (ADR
 * 0034): the contests they won once completed (private ones too: a level is earned, it names no
 * contest) and the stars clients gave them in their reviews.
 */
export async function designerStandings(userId: string, q: DB | Trx = db()): Promise<CategoryStanding[]> {
  return (await standingsOf([userId], q)).get(userId) ?? [];
}

/** {@link designerStandings} of several designers at once (a list of designers), by id. */
export async function standingsOf(
  userIds: readonly string[],
  q: DB | Trx = db(),
): Promise<Map<string, CategoryStanding[]>> {
  const result = new Map<string, CategoryStanding[]>();
  if (userIds.length === 0) return result;
  const ids = [...new Set(userIds)];
  const [users, wins, reviews] = await Promise.all([
    q.selectFrom("users").select(["id", "categories"]).where("id", "in", ids).execute(),
    q
      .selectFrom("contests")
      .select(["winner_id", "category", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "=", "completed")
      .where("winner_id", "in", ids)
      .groupBy(["winner_id", "category"])
      .execute(),
    q
      .selectFrom("reviews")
      .innerJoin("contests", "contests.id", "reviews.contest_id")
      .select([
        "reviews.designer_id",
        "contests.category",
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>("reviews.stars").as("stars"),
      ])
      .where("reviews.designer_id", "in", ids)
      .groupBy(["reviews.designer_id", "contests.category"])
      .execute(),
  ]);
  const records = new Map<string, Partial<Record<Category, CategoryRecord>>>(ids.map((id) => [id, {}]));
  const recordOf = (id: string, category: Category) => (records.get(id)![category] ??= emptyRecord());
  for (const user of users) for (const c of readCodes(user.categories, CATEGORY_KEYS)) recordOf(user.id, c);
  for (const row of wins)
    if (row.winner_id && isCategory(row.category)) recordOf(row.winner_id, row.category).wins = Number(row.n);
  for (const row of reviews) {
    if (!isCategory(row.category)) continue;
    const record = recordOf(row.designer_id, row.category);
    record.reviews = Number(row.n);
    record.stars = Number(row.stars);
  }
  for (const [id, byCategory] of records)
    result.set(id, standings(byCategory, CATEGORY_KEYS as readonly Category[]));
  return result;
}

export type { CategoryStanding };

/** The stars of all of a designer's reviews: how many, and their sum. */
export async function starTotals(userId: string): Promise<{ count: number; stars: number }> {
  const row = await db()
    .selectFrom("reviews")
    .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("stars").as("stars")])
    .where("designer_id", "=", userId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), stars: Number(row.stars ?? 0) };
}

/**
 * How fast a designer answers clients: the median time from a client's comment on one of their
 * entries to the designer's next comment on it, over their latest client comments in contests
 * that are not private (a median names no contest and no entry). Null until there are enough.
 */
export async function medianReplyTime(userId: string): Promise<number | null> {
  const rows = await db()
    .selectFrom("entry_comments as asked")
    .innerJoin("entries", "entries.id", "asked.entry_id")
    .innerJoin("contests", "contests.id", "asked.contest_id")
    .where("entries.designer_id", "=", userId)
    .whereRef("asked.author_id", "=", "contests.client_id")
    .where("contests.is_private", "=", 0)
    .select((eb) => [
      "asked.created_at as asked_at",
      eb
        .selectFrom("entry_comments as answer")
        .select((a) => a.fn.min<number>("answer.created_at").as("at"))
        .whereRef("answer.entry_id", "=", "asked.entry_id")
        .where("answer.author_id", "=", userId)
        .whereRef("answer.created_at", ">", "asked.created_at")
        .as("answered_at"),
    ])
    .orderBy("asked.created_at", "desc")
    .limit(RESPONSE_WINDOW)
    .execute();
  const delays = rows
    .filter((r) => r.answered_at !== null)
    .map((r) => Number(r.answered_at) - Number(r.asked_at));
  return medianReply(delays);
}

/**
 * What decides whether a designer may enter a contest of some tier (ADR 0039): their level in the
 * contest's category, their best level, and how many contests they entered in the rolling window.
 */
export async function entryStanding(
  q: DB | Trx,
  designerId: string,
  category: Category,
  at: number,
): Promise<{ level: Level; overall: Level; recentContests: number }> {
  const [standings, recentContests] = await Promise.all([
    designerStandings(designerId, q),
    recentContestCount(q, designerId, at),
  ]);
  const inCategory = standings.find((s) => s.category === category);
  return {
    level: inCategory ? inCategory.level : levelOf({ wins: 0, reviews: 0, stars: 0 }),
    overall: overallLevel(standings),
    recentContests,
  };
}

/** How many contests a designer entered in the rolling window that ends at `at`. */
export async function recentContestCount(q: DB | Trx, designerId: string, at: number): Promise<number> {
  const row = await q
    .selectFrom("entries")
    .select((eb) => eb.fn.count<number>("contest_id").distinct().as("n"))
    .where("designer_id", "=", designerId)
    .where("created_at", ">=", at - ENTRY_LEVEL_WINDOW_DAYS * DAY)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
