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
  const ids = [...new Set(userIds)];
  const records = await categoryRecords(q, ids);
  return new Map(
    ids.map((id) => [id, standings(records.get(id) ?? {}, CATEGORY_KEYS as readonly Category[])]),
  );
}

/**
 * The per-category records of several designers at once, as levels read them (ADR 0034): one
 * query each for their chosen categories, their completed wins and their reviews. Shared by the
 * profile and the directory's records, so both count the same things.
 */
export async function categoryRecords(
  executor: DB | Trx,
  userIds: readonly string[],
): Promise<Map<string, Partial<Record<Category, CategoryRecord>>>> {
  const out = new Map<string, Partial<Record<Category, CategoryRecord>>>();
  if (userIds.length === 0) return out;
  const [users, wins, reviews] = await Promise.all([
    executor.selectFrom("users").select(["id", "categories"]).where("id", "in", userIds).execute(),
    executor
      .selectFrom("contests")
      .select(["winner_id", "category", (eb) => eb.fn.countAll<number>().as("n")])
      .where("winner_id", "in", userIds)
      .where("status", "=", "completed")
      .groupBy(["winner_id", "category"])
      .execute(),
    executor
      .selectFrom("reviews")
      .innerJoin("contests", "contests.id", "reviews.contest_id")
      .select([
        "reviews.designer_id",
        "contests.category",
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>("reviews.stars").as("stars"),
      ])
      .where("reviews.designer_id", "in", userIds)
      .groupBy(["reviews.designer_id", "contests.category"])
      .execute(),
  ]);
  const of = (id: string) => {
    let records = out.get(id);
    if (!records) out.set(id, (records = {}));
    return records;
  };
  for (const u of users)
    for (const c of readCodes(u.categories, CATEGORY_KEYS as readonly Category[]))
      of(u.id)[c] = emptyRecord();
  for (const row of wins)
    if (row.winner_id && isCategory(row.category))
      (of(row.winner_id)[row.category] ??= emptyRecord()).wins = Number(row.n);
  for (const row of reviews) {
    if (!isCategory(row.category)) continue;
    const record = (of(row.designer_id)[row.category] ??= emptyRecord());
    record.reviews = Number(row.n);
    record.stars = Number(row.stars);
  }
  return out;
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
