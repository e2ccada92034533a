import { dialectOf, transaction, type DB, type Trx } from "~db/index";
import { forUpdate } from "~db/locking";
import type { Insertable } from "kysely";
import type { DesignerRecordsTable } from "~db/schema";
import { foldForSearch } from "~db/search";
import { now } from "~/utils/clock.server";
import { CATEGORY_KEYS, type Category } from "../contests/brief";
import { OVERALL, ratingKey } from "./directory";
import { readCodes, PROFILE_LANGUAGES } from "./profiles";
import { overallLevel, standings } from "./record";
import { categoryRecords } from "./record.server";

/**
 * The directory's records (ADR 0037): one row per designer and category, and one overall, holding
 * what `/designers` filters and sorts on. `refreshDesignerRecords` is the one writer; it is called
 * in the transaction of each change that moves a record (a contest completed, a review written, a
 * profile saved, an account created), so the directory never aggregates contests on a request.
 * What it counts is what the profile counts (ADR 0033): wins and activity in public, completed
 * contests only; the level counts private wins too (ADR 0034), through the same `levelOf`.
 */

/** The migration that creates the (empty) table: the app fills it right after applying it. */
export const DESIGNER_RECORDS_MIGRATION = "0018_designer_records";

/** Designers refreshed per statement group (keeps `in (…)` lists short on both databases). */
const BATCH = 200;

/** Rewrite the directory records of these designers from the facts, inside the caller's transaction. */
export async function refreshDesignerRecords(trx: Trx, designerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(designerIds)].sort();
  for (let i = 0; i < ids.length; i += BATCH) await refreshBatch(trx, ids.slice(i, i + BATCH));
}

async function refreshBatch(trx: Trx, ids: string[]) {
  // Two changes to one designer at once (a review and a contest ending) take turns here, so the
  // second reads what the first committed (PostgreSQL; SQLite has one writer anyway).
  const users = await forUpdate(
    trx
      .selectFrom("users")
      .select(["id", "handle", "display_name", "bio", "location", "languages", "role", "created_at"])
      .where("id", "in", ids)
      .orderBy("id"),
    dialectOf(trx as unknown as DB),
  ).execute();
  if (users.length === 0) return;
  const found = users.map((u) => u.id);
  const [records, publicWins, entered, reviewed] = await Promise.all([
    categoryRecords(trx, found),
    trx
      .selectFrom("contests")
      .select(["winner_id", "category", (eb) => eb.fn.countAll<number>().as("n")])
      .where("winner_id", "in", found)
      .where("status", "=", "completed")
      .where("is_private", "=", 0)
      .groupBy(["winner_id", "category"])
      .execute(),
    // Public, completed contests entered: the last one's end is public activity, and having one
    // lists a person who signed up as a client.
    trx
      .selectFrom("entries")
      .innerJoin("contests", "contests.id", "entries.contest_id")
      .select(["entries.designer_id", (eb) => eb.fn.max<number>("contests.ended_at").as("at")])
      .where("entries.designer_id", "in", found)
      .where("entries.status", "=", "ready")
      .where("contests.status", "=", "completed")
      .where("contests.is_private", "=", 0)
      .groupBy("entries.designer_id")
      .execute(),
    trx
      .selectFrom("reviews")
      .select([
        "designer_id",
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>("stars").as("stars"),
        (eb) => eb.fn.max<number>("created_at").as("at"),
      ])
      .where("designer_id", "in", found)
      .groupBy("designer_id")
      .execute(),
  ]);
  const wins = new Map<string, Map<string, number>>();
  for (const row of publicWins) {
    if (!row.winner_id) continue;
    const byCategory = wins.get(row.winner_id) ?? new Map<string, number>();
    byCategory.set(row.category, Number(row.n));
    wins.set(row.winner_id, byCategory);
  }
  const enteredAt = new Map(entered.map((r) => [r.designer_id, Number(r.at ?? 0)]));
  const reviews = new Map(reviewed.map((r) => [r.designer_id, r]));
  const at = now();

  const rows: Insertable<DesignerRecordsTable>[] = [];
  for (const user of users) {
    const list = standings(records.get(user.id) ?? {}, CATEGORY_KEYS as readonly Category[]);
    const publicByCategory = wins.get(user.id) ?? new Map<string, number>();
    const review = reviews.get(user.id);
    const totalReviews = Number(review?.n ?? 0);
    const totalStars = Number(review?.stars ?? 0);
    const shared = {
      designer_id: user.id,
      listed: user.handle && (user.role === "designer" || enteredAt.has(user.id)) ? 1 : 0,
      last_active_at: Math.max(Number(user.created_at), enteredAt.get(user.id) ?? 0, Number(review?.at ?? 0)),
      search_text: foldForSearch([user.display_name, user.handle ?? "", user.bio].filter(Boolean).join(" ")),
      location_text: foldForSearch(user.location),
      languages: JSON.stringify(readCodes(user.languages, PROFILE_LANGUAGES)),
      updated_at: at,
    };
    rows.push({
      ...shared,
      category: OVERALL,
      public_wins: [...publicByCategory.values()].reduce((a, b) => a + b, 0),
      level_wins: list.reduce((a, s) => a + s.record.wins, 0),
      reviews: totalReviews,
      stars: totalStars,
      level: overallLevel(list),
      rating_key: ratingKey(totalReviews, totalStars),
    });
    for (const s of list) {
      rows.push({
        ...shared,
        category: s.category,
        public_wins: publicByCategory.get(s.category) ?? 0,
        level_wins: s.record.wins,
        reviews: s.record.reviews,
        stars: s.record.stars,
        level: s.level,
        rating_key: ratingKey(s.record.reviews, s.record.stars),
      });
    }
  }
  // Under the lock above, delete-then-insert cannot meet another writer of the same designer.
  await trx.deleteFrom("designer_records").where("designer_id", "in", found).execute();
  for (let i = 0; i < rows.length; i += BATCH)
    await trx
      .insertInto("designer_records")
      .values(rows.slice(i, i + BATCH))
      .execute();
}

/**
 * Rewrite every account's records, a batch per transaction: after migration 0018 (which leaves the
 * table empty), after seeding, or to repair (`npm run db:refresh-records`). Returns how many.
 */
export async function refreshAllDesignerRecords(database?: DB): Promise<number> {
  let after = "";
  let done = 0;
  for (;;) {
    const page = await transaction(async (trx) => {
      const ids = (
        await trx
          .selectFrom("users")
          .select("id")
          .where("id", ">", after)
          .orderBy("id")
          .limit(BATCH)
          .execute()
      ).map((r) => r.id);
      await refreshDesignerRecords(trx, ids);
      return ids;
    }, database);
    done += page.length;
    if (page.length < BATCH) return done;
    after = page[page.length - 1]!;
  }
}
