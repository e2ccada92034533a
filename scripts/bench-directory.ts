/**
 * The designers directory's query at scale, beside the contest list's, in the same run:
 *   npm run bench:directory     (BENCH_DESIGNERS=5000, BENCH_CONTESTS=20000, BENCH_RUNS=40 by default)
 *
 * Seeds a fresh SQLite database in a temporary folder with that many designers and completed
 * contests (each won by one designer, entered by three, half of them reviewed, one in ten private),
 * fills `designer_records` the way migration 0018's follow-up does (`refreshAllDesignerRecords`),
 * then times, in this process and through the app's own modules (no HTTP: the query is what
 * grows with the data), one page of:
 *   - the directory: default order (wins), a deep page (after 40 pages, by cursor), a text search
 *     (and one that matches nobody, so every overall row is read),
 *     a category and level filter, the rating and recent sorts;
 *   - the baseline: the contest list (`/contests?status=finished`, keyset too) over the same data;
 *   - what the directory would cost without its table: wins aggregated over every contest per request.
 * Also the cost a completed contest now pays in its transaction: refreshing one designer's records.
 * Printed: min, median and max milliseconds of each. The machine is shared: compare ratios.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Insertable } from "kysely";
import type { ContestsTable, EntriesTable, ReviewsTable } from "../db/schema";
import { benchEnv, machineLine } from "./bench/support";

const DESIGNERS = Number(process.env.BENCH_DESIGNERS ?? 5000);
const CONTESTS = Number(process.env.BENCH_CONTESTS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const CHUNK = 500;

const CATEGORIES = ["logo", "brand_identity", "web_page", "packaging", "illustration"];
const LANGUAGES = ["fr", "en", "es", "pt"];
const NAMES = ["Ana", "Ben", "Chloé", "Dominique", "Élodie", "Farid", "Gabriel", "Hélène", "Ines", "Jules"];
const TOWNS = ["Montréal, Québec", "Québec, Québec", "Laval, Québec", "Toronto, Ontario", "Lyon"];

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-bench-directory-"));
  Object.assign(process.env, benchEnv(dataDir, "http://127.0.0.1:1"));
  const { db, closeDb, migrateToLatest, transaction } = await import("../db/index");
  const { refreshAllDesignerRecords, refreshDesignerRecords } =
    await import("../app/modules/people/designer-records.server");
  const { listDesigners } = await import("../app/modules/people/directory.server");
  const { parseDirectoryQuery } = await import("../app/modules/people/directory");
  const { listOpenContests } = await import("../app/modules/contests/queries.server");
  const { DEFAULT_FILTERS } = await import("../app/modules/contests/browse");
  try {
    await migrateToLatest();
    const t0 = performance.now();
    const at = Date.now() - 400 * 86_400_000;
    const designerIds = Array.from({ length: DESIGNERS }, (_, i) => `d${String(i).padStart(6, "0")}`);
    const clientIds = Array.from({ length: 200 }, (_, i) => `c${String(i).padStart(6, "0")}`);
    const users = [
      ...designerIds.map((id, i) => ({
        id,
        email: `${id}@bench.local`,
        display_name: `${NAMES[i % NAMES.length]} Designer${i}`,
        handle: `designer-${i}`,
        bio: `Logos and identities, case ${i}.`,
        location: TOWNS[i % TOWNS.length]!,
        languages: JSON.stringify([LANGUAGES[i % 4], LANGUAGES[(i + 1) % 4]]),
        categories: JSON.stringify([CATEGORIES[i % 5]]),
        password_hash: "x",
        role: "designer" as const,
        created_at: at + i,
        password_changed_at: at,
      })),
      ...clientIds.map((id) => ({
        id,
        email: `${id}@bench.local`,
        display_name: `Client ${id}`,
        handle: `client-${id}`,
        password_hash: "x",
        role: "client" as const,
        created_at: at,
        password_changed_at: at,
      })),
    ];
    for (let i = 0; i < users.length; i += CHUNK)
      await db()
        .insertInto("users")
        .values(users.slice(i, i + CHUNK))
        .execute();

    // Winners skewed (a few designers win a lot, as in life): the square of a uniform draw.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < CONTESTS; i += CHUNK) {
      const contests: Insertable<ContestsTable>[] = [];
      const entries: Insertable<EntriesTable>[] = [];
      const reviews: Insertable<ReviewsTable>[] = [];
      for (let j = i; j < Math.min(i + CHUNK, CONTESTS); j++) {
        const id = `k${String(j).padStart(7, "0")}`;
        const winner = designerIds[Math.floor(random() ** 2 * DESIGNERS)]!;
        const others = [1, 2].map(() => designerIds[Math.floor(random() * DESIGNERS)]!);
        const ended = at + j * 1_000_000;
        contests.push({
          id,
          client_id: clientIds[j % clientIds.length]!,
          status: "completed" as const,
          version: 9,
          category: CATEGORIES[j % 5]!,
          title: `Contest ${j}`,
          description: "A warm logo for a neighbourhood shop.",
          prize_minor: 30_000 + (j % 50) * 1000,
          currency: "CAD",
          qualifying_ms: 1,
          selection_ms: 1,
          final_ms: 1,
          winner_ms: 1,
          is_private: j % 10 === 0 ? 1 : 0,
          launched_at: ended - 10 * 86_400_000,
          ended_at: ended,
          winner_id: winner,
          winning_entry_id: `${id}e0`,
          created_at: ended - 11 * 86_400_000,
          updated_at: ended,
        });
        for (const [n, designer] of [winner, ...others].entries())
          entries.push({
            id: `${id}e${n}`,
            contest_id: id,
            designer_id: designer,
            number: n + 1,
            status: "ready" as const,
            revision_count: 1,
            created_at: ended - 5 * 86_400_000,
            updated_at: ended,
          });
        if (j % 2 === 0)
          reviews.push({
            contest_id: id,
            client_id: clientIds[j % clientIds.length]!,
            designer_id: winner,
            stars: 3 + (j % 3),
            body: "Good work.",
            created_at: ended + 86_400_000,
          });
      }
      await transaction(async (trx) => {
        await trx.insertInto("contests").values(contests).execute();
        await trx.insertInto("entries").values(entries).execute();
        if (reviews.length) await trx.insertInto("reviews").values(reviews).execute();
      });
    }
    const seeded = performance.now() - t0;
    const t1 = performance.now();
    const accounts = await refreshAllDesignerRecords();
    const filled = performance.now() - t1;

    const query = (qs: string) => {
      const parsed = parseDirectoryQuery(new URLSearchParams(qs));
      if (!parsed.ok) throw new Error(`bad query ${qs}`);
      return parsed.query;
    };
    // A cursor 40 pages in: keyset pages cost the same deep in the list.
    let deep = query("");
    let deepPage = 1;
    for (; deepPage <= 40; deepPage++) {
      const next = (await listDesigners(deep)).nextCursor;
      if (!next) break;
      deep = query(`cursor=${next}`);
    }
    const naiveWins = () =>
      db()
        .selectFrom("users")
        .leftJoin("contests", (j) =>
          j
            .onRef("contests.winner_id", "=", "users.id")
            .on("contests.status", "=", "completed")
            .on("contests.is_private", "=", 0),
        )
        .select(["users.id", (eb) => eb.fn.count<number>("contests.id").as("wins")])
        .where("users.role", "=", "designer")
        .groupBy("users.id")
        .orderBy("wins", "desc")
        .orderBy("users.id", "desc")
        .limit(25)
        .execute();
    const cases: [string, () => Promise<unknown>][] = [
      ["directory, first page (wins)", () => listDesigners(query(""))],
      [`directory, page ${deepPage} by cursor (wins)`, () => listDesigners(deep)],
      ["directory, search “chloe”", () => listDesigners(query("q=chloe"))],
      ["directory, search matching nobody (scan)", () => listDesigners(query("q=zzzz"))],
      ["directory, logo + mid level", () => listDesigners(query("category=logo&level=mid"))],
      ["directory, location + language", () => listDesigners(query("location=quebec&language=es"))],
      ["directory, rating sort", () => listDesigners(query("sort=rating"))],
      ["directory, recent sort", () => listDesigners(query("sort=recent"))],
      [
        "baseline: contest list (finished)",
        () => listOpenContests({ ...DEFAULT_FILTERS, status: "finished" }, null),
      ],
      ["without the table: wins per request", naiveWins],
      [
        "a completion's refresh (top designer)",
        () => transaction((trx) => refreshDesignerRecords(trx, [designerIds[0]!])),
      ],
    ];
    const results: { name: string; min: number; median: number; max: number }[] = [];
    for (const [name, run] of cases) {
      for (let i = 0; i < 3; i++) await run(); // warm the statement cache and the pages
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      results.push({
        name,
        min: times[0]!,
        median: times[times.length >> 1]!,
        max: times[times.length - 1]!,
      });
    }
    const baseline = results.find((r) => r.name.startsWith("baseline"))!.median;
    const ms = (n: number) => n.toFixed(2).padStart(8);
    const out = [
      "",
      `bench:directory  ${DESIGNERS} designers, ${CONTESTS} completed contests (${CONTESTS * 3} entries, ${CONTESTS / 2} reviews), SQLite, ${RUNS} runs each, ${machineLine()}`,
      `seeded in ${(seeded / 1000).toFixed(1)} s; designer_records filled for ${accounts} accounts in ${(filled / 1000).toFixed(1)} s`,
      `${"".padEnd(40)}      min   median      max   (ms)   median / baseline`,
      ...results.map(
        (r) =>
          `${r.name.padEnd(40)} ${ms(r.min)} ${ms(r.median)} ${ms(r.max)}          ${(r.median / baseline).toFixed(2)}×`,
      ),
      "(wall-clock figures on a shared machine: compare the ratios within one run)",
      "",
    ];
    process.stdout.write(out.join("\n"));
  } finally {
    await closeDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench:directory failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
