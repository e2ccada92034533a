/**
 * The people pages through the built app, beside the contest list over the same data, in one run:
 *   npm run build && npm run bench:people     (BENCH_SECONDS=10, BENCH_CONNECTIONS=10)
 *
 * Seeds a fresh SQLite database in a temporary folder (rows only: no image bytes, the HTML is what
 * is measured) with 2,000 designers and 100 clients; one designer has 500 ready portfolio pieces
 * (past the upload cap: only the rows count here) and has won 200 completed public contests, each
 * reviewed by its client and entered by two others; 200 more contests are open (3 ready entries each).
 * `designer_records` is then filled (`refreshAllDesignerRecords`) and the app started on it.
 * Measured with autocannon, anonymous GETs, interleaved, twice each:
 *   - GET /designers           the directory's first page (default sort: wins);
 *   - GET /designers/:handle   that designer's profile (500 pieces, 200 reviews, 200 wins);
 *   - GET /contests            the baseline: the contest list's first page (open contests).
 * Printed per run: requests per second, latency min / p50 / p99 / max, the app process's CPU per
 * request, errors; then each page's best run against the contest list's best. The machine is
 * shared: compare the ratios within one run.
 */
import autocannon from "autocannon";
import type { Insertable } from "kysely";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type {
  ContestsTable,
  EntriesTable,
  EntryRevisionsTable,
  PortfolioPiecesTable,
  ReviewsTable,
  UsersTable,
} from "../db/schema";
import { benchEnv, cpuMs, freePort, machineLine, start, stop, waitFor } from "./bench/support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DESIGNERS = 2000;
const CLIENTS = 100;
const PIECES = 500;
const REVIEWS = 200;
const OPEN = 200;
const CHUNK = 200;
const DAY = 86_400_000;
const STAR_HANDLE = "ana-lefebvre";

const CATEGORIES = ["logo", "brand_identity", "web_page", "packaging", "illustration"];
const LANGUAGES = ["fr", "en", "es", "pt"];
const NAMES = ["Ana", "Ben", "Chloé", "Dominique", "Élodie", "Farid", "Gabriel", "Hélène", "Ines", "Jules"];
const TOWNS = ["Montréal, Québec", "Québec, Québec", "Laval, Québec", "Toronto, Ontario", "Lyon"];

async function seed() {
  const { migrateToLatest, transaction } = await import("../db/index");
  const { hashPassword } = await import("../app/modules/auth/passwords.server");
  const { newId } = await import("../app/utils/ids.server");
  const { keys } = await import("../storage/keys");
  const { WATERMARK_VERSION } = await import("../app/modules/entries/watermark");
  const { refreshAllDesignerRecords } = await import("../app/modules/people/designer-records.server");
  await migrateToLatest();
  const t0 = performance.now();
  const hash = await hashPassword("bench passphrase");
  const at = Date.now();
  const since = at - 500 * DAY;

  const users: Insertable<UsersTable>[] = [];
  const designerIds: string[] = [];
  for (let i = 0; i < DESIGNERS; i++) {
    const id = newId();
    designerIds.push(id);
    users.push({
      id,
      email: `designer${i}.${id}@bench.local`,
      display_name: i === 0 ? "Ana Lefebvre" : `${NAMES[i % NAMES.length]} Designer${i}`,
      handle: i === 0 ? STAR_HANDLE : `designer-${i}`,
      bio: `Logos, identities and packaging for small shops; case ${i}.`,
      location: TOWNS[i % TOWNS.length]!,
      languages: JSON.stringify([LANGUAGES[i % 4], LANGUAGES[(i + 1) % 4]]),
      categories: JSON.stringify([CATEGORIES[i % 5], CATEGORIES[(i + 2) % 5]]),
      password_hash: hash,
      role: "designer",
      locale: "en",
      created_at: since + i * 1000,
      password_changed_at: since,
    });
  }
  const clientIds: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const id = newId();
    clientIds.push(id);
    users.push({
      id,
      email: `client${i}.${id}@bench.local`,
      display_name: `Client ${i}`,
      handle: `client-${i}`,
      password_hash: hash,
      role: "client",
      locale: "en",
      created_at: since,
      password_changed_at: since,
    });
  }
  const star = designerIds[0]!;
  const other = (n: number) => designerIds[1 + (n % (DESIGNERS - 1))]!;

  const contests: Insertable<ContestsTable>[] = [];
  const entries: Insertable<EntriesTable>[] = [];
  const revisions: Insertable<EntryRevisionsTable>[] = [];
  const reviews: Insertable<ReviewsTable>[] = [];
  const entry = (contestId: string, designerId: string, number: number, created: number) => {
    const id = newId();
    const revisionId = newId();
    entries.push({
      id,
      contest_id: contestId,
      designer_id: designerId,
      number,
      title: `Concept ${number}`,
      status: "ready",
      current_revision_id: revisionId,
      revision_count: 1,
      created_at: created,
      updated_at: created,
    });
    revisions.push({
      id: revisionId,
      entry_id: id,
      contest_id: contestId,
      designer_id: designerId,
      version: 1,
      status: "ready",
      original_key: keys.original(contestId, id, revisionId),
      original_format: "png",
      original_bytes: 1234,
      width: 800,
      height: 800,
      preview_key: keys.preview(contestId, revisionId, WATERMARK_VERSION),
      thumbnail_key: keys.thumbnail(contestId, revisionId, WATERMARK_VERSION),
      phash: "0123456789abcdef",
      watermark_version: WATERMARK_VERSION,
      created_at: created,
      ready_at: created,
    });
    return id;
  };
  const contest = (i: number, fields: Partial<Insertable<ContestsTable>>): Insertable<ContestsTable> => ({
    id: newId(),
    client_id: clientIds[i % CLIENTS]!,
    status: "qualifying",
    version: 2,
    category: CATEGORIES[i % 5]!,
    title: `Contest ${i}: a logo for shop ${i}`,
    business_name: `Shop ${i}`,
    description: "A warm logo for a neighbourhood shop.",
    prize_minor: 30_000 + (i % 50) * 1000,
    currency: "CAD",
    qualifying_ms: 7 * DAY,
    selection_ms: 3 * DAY,
    final_ms: 4 * DAY,
    winner_ms: 3 * DAY,
    created_at: at - DAY,
    updated_at: at - DAY,
    ...fields,
  });
  // The star's 200 wins: completed public contests, each reviewed by its client.
  for (let i = 0; i < REVIEWS; i++) {
    const ended = since + (i + 1) * 2 * DAY;
    const c = contest(i, {
      status: "completed",
      version: 9,
      launched_at: ended - 17 * DAY,
      ended_at: ended,
      winner_id: star,
      created_at: ended - 18 * DAY,
      updated_at: ended,
    });
    c.winning_entry_id = entry(c.id, star, 1, ended - 12 * DAY);
    entry(c.id, other(2 * i), 2, ended - 12 * DAY);
    entry(c.id, other(2 * i + 1), 3, ended - 12 * DAY);
    contests.push(c);
    reviews.push({
      contest_id: c.id,
      client_id: c.client_id,
      designer_id: star,
      stars: 3 + (i % 3),
      body: `Ana understood the brief at once and the second round was exactly what shop ${i} needed. Clear files, quick answers, and a logo our customers already recognise.`,
      created_at: ended + DAY,
      edited_at: null,
      answer: i % 2 === 0 ? "Thank you, it was a pleasure to work on it." : null,
      answered_at: i % 2 === 0 ? ended + 2 * DAY : null,
      answer_edited_at: null,
    });
  }
  // Open contests for the list's first page (qualifying, three ready entries each).
  for (let i = 0; i < OPEN; i++) {
    const launched = at - (i + 1) * 3_600_000;
    const c = contest(REVIEWS + i, {
      launched_at: launched,
      round_ends_at: launched + 7 * DAY,
      created_at: launched - DAY,
      updated_at: launched,
    });
    contests.push(c);
    for (let n = 1; n <= 3; n++) entry(c.id, other(3 * i + n), n, launched + n * 60_000);
  }
  // The star's own work: 500 ready pieces, as the portfolio job leaves them.
  const pieces: Insertable<PortfolioPiecesTable>[] = Array.from({ length: PIECES }, (_, i) => {
    const id = newId();
    const created = at - (i + 1) * 3 * 3_600_000;
    return {
      id,
      designer_id: star,
      title: `Piece ${i + 1}`,
      category: CATEGORIES[i % 5]!,
      description: "Self-initiated work: a mark and its lock-ups.",
      status: "ready",
      original_key: keys.pieceOriginal(star, id),
      original_format: "png",
      original_bytes: 1234,
      width: 2000,
      height: 2000,
      preview_key: keys.piecePreview(star, id, WATERMARK_VERSION),
      thumbnail_key: keys.pieceThumbnail(star, id, WATERMARK_VERSION),
      preview_width: 1200,
      preview_height: 1200,
      watermark_version: WATERMARK_VERSION,
      phash: "0123456789abcdef",
      reject_reason: null,
      created_at: created,
      ready_at: created + 60_000,
    };
  });

  await transaction(async (trx) => {
    const insert = async <R>(rows: R[], into: (chunk: R[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += CHUNK) await into(rows.slice(i, i + CHUNK));
    };
    await insert(users, (rows) => trx.insertInto("users").values(rows).execute());
    await insert(contests, (rows) => trx.insertInto("contests").values(rows).execute());
    await insert(entries, (rows) => trx.insertInto("entries").values(rows).execute());
    await insert(revisions, (rows) => trx.insertInto("entry_revisions").values(rows).execute());
    await insert(reviews, (rows) => trx.insertInto("reviews").values(rows).execute());
    await insert(pieces, (rows) => trx.insertInto("portfolio_pieces").values(rows).execute());
  });
  const seededMs = performance.now() - t0;
  const t1 = performance.now();
  const accounts = await refreshAllDesignerRecords();
  return {
    seededMs,
    filledMs: performance.now() - t1,
    accounts,
    contests: contests.length,
    entries: entries.length,
  };
}

async function measure(url: string, pid: number | undefined) {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const after = cpuMs(pid);
  const ok = result.statusCodeStats["200"]?.count ?? 0;
  // autocannon's latency carries min and max too (scripts/autocannon.d.ts names only some fields).
  const latency = result.latency as typeof result.latency & { min: number; max: number };
  return {
    perSecond: ok / SECONDS,
    min: latency.min,
    p50: latency.p50,
    p99: latency.p99,
    max: latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: before !== null && after !== null && ok ? (after - before) / ok : null,
  };
}

type Run = Awaited<ReturnType<typeof measure>>;

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

/** The page answers 200 with what it should show; returns a few words on what it carries. */
async function check(name: string, url: string, expect: (html: string) => string | null) {
  const res = await fetch(url);
  const html = await res.text();
  const problem = res.status === 200 ? expect(html) : `status ${res.status}`;
  if (problem) throw new Error(`${name} (${url}): ${problem}`);
  return Buffer.byteLength(html);
}

async function main() {
  if (!fs.existsSync("build/server/index.js")) {
    process.stderr.write("Build the app first: npm run build\n");
    process.exit(1);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-bench-people-"));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = benchEnv(dataDir, appUrl);
  Object.assign(process.env, env);
  let app: ReturnType<typeof start> | null = null;
  try {
    const seeded = await seed();
    const { closeDb } = await import("../db/index");
    await closeDb();

    app = start(["--import", "tsx", "scripts/server.ts"], { ...env, PORT: String(port), HOST: "127.0.0.1" });
    await waitFor(`${appUrl}/healthz`, app.child, app.output);
    const pages = [
      { key: "directory", name: "GET /designers (directory)", url: `${appUrl}/designers` },
      {
        key: "profile",
        name: `GET /designers/${STAR_HANDLE} (profile)`,
        url: `${appUrl}/designers/${STAR_HANDLE}`,
      },
      { key: "contests", name: "GET /contests (contest list)", url: `${appUrl}/contests` },
    ] as const;

    const notes: string[] = [];
    const directoryBytes = await check(pages[0].name, pages[0].url, (html) => {
      const cards = count(html, /data-testid="designer-card"/g);
      if (cards < 24) return `${cards} designer cards`;
      if (!/data-testid="designer-card" data-handle="ana-lefebvre"/.test(html))
        return "the designer with the most wins is not on the first page";
      if (!html.includes('data-testid="directory-next"')) return "no next page";
      notes.push(`directory: ${cards} designer cards and a next-page link`);
      return null;
    });
    const profileBytes = await check(pages[1].name, pages[1].url, (html) => {
      const own = count(html, /data-testid="portfolio-kind-own"/g);
      const won = count(html, /data-testid="portfolio-kind-won"/g);
      const pieceThumbs = count(html, /\/media\/public\/pieces\/[a-z0-9]+\/[a-z0-9]+-t-w\d+\.webp/g);
      const shownReviews = count(html, /data-testid="review"/g);
      if (!html.includes('data-testid="reviews"')) return "no reviews section";
      if (shownReviews === 0) return "no review shown";
      if (own === 0 || pieceThumbs < own) return `${own} own pieces, ${pieceThumbs} piece thumbnails`;
      if (won === 0) return "no winning entry in the portfolio";
      if (!html.includes('data-testid="all-work"')) return "no link to all the work";
      const wins = /data-testid="stat-won"[^>]*>\s*<span[^>]*>([\d\s,. ]+)</.exec(html)?.[1];
      if (wins?.replace(/\D/g, "") !== String(REVIEWS)) return `won stat reads ${wins}`;
      notes.push(
        `profile: ${own + won} portfolio tiles (${won} wins, ${own} of ${PIECES} pieces), ${shownReviews} of ${REVIEWS} reviews shown, ${REVIEWS} wins on the record, a link to all the work`,
      );
      return null;
    });
    const contestsBytes = await check(pages[2].name, pages[2].url, (html) => {
      const cards = count(html, /data-testid="contest-card"/g);
      if (cards < 12) return `${cards} contest cards`;
      notes.push(`contest list: ${cards} contest cards`);
      return null;
    });
    const bytes = { directory: directoryBytes, profile: profileBytes, contests: contestsBytes };

    for (const page of pages) await autocannon({ url: page.url, connections: 2, duration: 2 });

    // Interleaved, twice each; the better run of each counts (the machine is shared).
    const runs: Record<(typeof pages)[number]["key"], Run[]> = { directory: [], profile: [], contests: [] };
    for (let i = 0; i < 2; i++)
      for (const page of pages) runs[page.key].push(await measure(page.url, app.child.pid));
    const best = (list: Run[]) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const top = {
      directory: best(runs.directory),
      profile: best(runs.profile),
      contests: best(runs.contests),
    };

    const cpu = (r: Run) => (r.cpuPerRequest === null ? "?" : r.cpuPerRequest.toFixed(2));
    const line = (name: string, r: Run) =>
      `${name.padEnd(44)} ${r.perSecond.toFixed(1).padStart(7)} req/s   latency min ${r.min} / p50 ${r.p50} / p99 ${r.p99} / max ${r.max} ms   CPU ${cpu(r)} ms/request   (${r.errors} errors)`;
    const ratio = (key: "directory" | "profile") => {
      const cpuRatio =
        top[key].cpuPerRequest && top.contests.cpuPerRequest
          ? (top[key].cpuPerRequest / top.contests.cpuPerRequest).toFixed(2)
          : "?";
      return `${key.padEnd(9)} / contest list (best runs): req/s ${(top[key].perSecond / top.contests.perSecond).toFixed(2)}   CPU per request ${cpuRatio}×`;
    };
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const out = [
      "",
      `bench:people  built app on SQLite, ${SECONDS} s per run, ${CONNECTIONS} connections, anonymous GETs, ${machineLine()}`,
      `seeded ${DESIGNERS} designers, ${CLIENTS} clients, ${seeded.contests} contests (${REVIEWS} completed, ${OPEN} open), ${seeded.entries} entries, ${PIECES} pieces, ${REVIEWS} reviews in ${(seeded.seededMs / 1000).toFixed(1)} s; designer_records filled for ${seeded.accounts} accounts in ${(seeded.filledMs / 1000).toFixed(1)} s`,
      ...notes,
      `HTML: directory ${kb(bytes.directory)}, profile ${kb(bytes.profile)}, contest list ${kb(bytes.contests)}`,
      ...[0, 1].flatMap((i) => pages.map((page) => line(`${page.name}, run ${i + 1}`, runs[page.key][i]!))),
      ratio("directory"),
      ratio("profile"),
      `people: directory ${top.directory.perSecond.toFixed(1)} req/s, profile (${PIECES} pieces, ${REVIEWS} reviews) ${top.profile.perSecond.toFixed(1)} req/s, contest list ${top.contests.perSecond.toFixed(1)} req/s`,
      "",
    ];
    process.stdout.write(out.join("\n"));
  } finally {
    if (app) await stop(app.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench:people failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
