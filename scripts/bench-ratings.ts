/**
 * Rating throughput through the real route, beside a bare Node `http` server, in the same run:
 *   npm run bench:ratings        (BENCH_SECONDS=10, BENCH_CONNECTIONS=10, BENCH_ENTRIES=200 by default)
 *
 * The BUILT app (run `npm run build` first) starts as its own process on SQLite in a temporary data
 * folder, exactly as `npm start` runs it. The bench seeds a launched contest with entries and a
 * logged-in client session, then autocannon POSTs the rating form (`intent=rate`, the route a browser
 * without JavaScript posts to) with the session cookie and our Origin, cycling through the entries and
 * the stars. Each POST authenticates the session, checks the client's role and the open round,
 * upserts the rating, updates the entry's per-round count and sum and folds the designer's
 * notification, in one transaction, and answers 302. The bare server parses the same body and answers
 * the same 302. Printed: ratings per second, p50/p99 latency, CPU time per request of each server
 * process (from /proc: independent of how busy the machine is), and the ratios between the two.
 * BENCH_PROFILE=1 writes the app process's CPU profile to /tmp/prof (node --cpu-prof).
 */
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchEnv, cpuMs, freePort, seedContestWithEntries, start, stop, waitFor } from "./bench/support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200);

async function measure(pid: number | undefined, bench: () => ReturnType<typeof run>) {
  const before = cpuMs(pid);
  const result = await bench();
  const after = cpuMs(pid);
  const cpuPerRequest =
    before !== null && after !== null && result.redirects ? (after - before) / result.redirects : null;
  return { ...result, cpuPerRequest };
}

// The bare baseline: Node's http, the same form body parsed, the same redirect.
const BARE_SERVER = `
const http = require("node:http");
http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const form = new URLSearchParams(body);
    const entry = form.get("entryId");
    res.writeHead(302, { Location: "/contests/x/judge?entry=" + entry, "Content-Length": "0" });
    res.end();
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

async function run(url: string, headers: Record<string, string>, entryIds: string[]) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          n++;
          const body = `intent=rate&entryId=${entryIds[n % entryIds.length]}&stars=${(n % 5) + 1}`;
          return { ...req, body };
        },
      },
    ],
  });
  const redirects = result.statusCodeStats["302"]?.count ?? 0;
  return {
    perSecond: redirects / SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    redirects,
    errors: result.errors + result.timeouts + (result.non2xx - redirects),
  };
}

async function main() {
  if (!fs.existsSync("build/server/index.js")) {
    process.stderr.write("Build the app first: npm run build\n");
    process.exit(1);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-bench-"));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = benchEnv(dataDir, appUrl);
  Object.assign(process.env, env);

  // Seed through the app's own modules, then let go of the database before the app opens it.
  const seeded = await seedContestWithEntries(ENTRIES);
  const { contestId, entryIds } = seeded;
  const client = seeded.client.id;
  const { db, closeDb } = await import("../db/index");
  const { createSession, sessionCookieName } = await import("../app/modules/auth/sessions.server");
  const { token } = await createSession(db(), client);
  const cookie = `${sessionCookieName()}=${token}`;
  await closeDb();

  const app = start(
    [
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []),
      "--import",
      "tsx",
      "scripts/server.ts",
    ],
    {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
  );
  const barePort = await freePort();
  const bare = start(["-e", BARE_SERVER], { PORT: String(barePort) });
  try {
    await waitFor(`${appUrl}/healthz`, app.child, app.output);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare.child, bare.output);
    const route = `${appUrl}/contests/${contestId}/judge`;
    const headers = { origin: appUrl, cookie };

    // One request by hand first: the route must answer a rating with its redirect, not an error.
    const probe = await fetch(route, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: `intent=rate&entryId=${entryIds[0]}&stars=3`,
      redirect: "manual",
    });
    if (probe.status !== 302)
      throw new Error(`The rating route answered ${probe.status}:\n${await probe.text()}`);

    // Warm both up, then measure.
    await autocannon({
      url: `http://127.0.0.1:${barePort}/`,
      connections: 2,
      duration: 1,
      method: "POST",
      body: "x=1",
    });
    await autocannon({
      url: route,
      connections: 2,
      duration: 2,
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: `intent=rate&entryId=${entryIds[1]}&stars=4`,
    });
    const appResult = await measure(app.child.pid, () => run(route, headers, entryIds));
    const bareResult = await measure(bare.child.pid, () =>
      run(`http://127.0.0.1:${barePort}/contests/${contestId}/judge`, headers, entryIds),
    );

    // The stored truth after the run: the per-entry numbers agree with the ratings.
    const ratings = await db()
      .selectFrom("ratings")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("stars").as("sum")])
      .where("contest_id", "=", contestId)
      .executeTakeFirstOrThrow();
    const stats = await db()
      .selectFrom("entry_round_stats")
      .select((eb) => [eb.fn.sum<number>("ratings_count").as("n"), eb.fn.sum<number>("stars_sum").as("sum")])
      .where("contest_id", "=", contestId)
      .executeTakeFirstOrThrow();
    await closeDb();

    const line = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
      `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} /s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   CPU ${r.cpuPerRequest === null ? "?" : r.cpuPerRequest.toFixed(2)} ms/request   (${r.redirects} answered, ${r.errors} errors)`;
    const out = [
      "",
      `bench:ratings  ${SECONDS} s per server, ${CONNECTIONS} connections, ${ENTRIES} entries, SQLite, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
      line("rating POST through the app", appResult),
      line("bare node:http, same requests", bareResult),
      `ratio (app / bare), ratings per second: ${(appResult.perSecond / bareResult.perSecond).toFixed(3)}   p99: ${(appResult.p99 / Math.max(bareResult.p99, 1)).toFixed(1)}×   CPU per request: ${
        appResult.cpuPerRequest && bareResult.cpuPerRequest
          ? (appResult.cpuPerRequest / bareResult.cpuPerRequest).toFixed(1)
          : "?"
      }×`,
      "(wall-clock figures depend on what else the machine runs: see the load; CPU per request does not)",
      `stored: ${Number(ratings.n)} ratings (one per entry: each new rating replaced the last), stats agree: ${
        Number(ratings.n) === Number(stats.n) && Number(ratings.sum) === Number(stats.sum) ? "yes" : "NO"
      }`,
      "",
    ];
    process.stdout.write(out.join("\n"));
  } finally {
    await stop(app.child);
    await stop(bare.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench:ratings failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
