/**
 * The contest page with 200 ready entries, through the built app, beside the same page components
 * over the same data rendered with plain React renderToString behind a bare Node server, in one run:
 *   npm run build && npm run bench:gallery     (BENCH_SECONDS=10, BENCH_CONNECTIONS=10)
 * Then the app again while two uploads (4000×3000 JPEGs) are being processed by its worker, as a
 * share of the idle figure. Printed: requests per second, p99, CPU per request, and the ratios.
 */
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import {
  benchEnv,
  cpuMs,
  freePort,
  machineLine,
  seedContestWithEntries,
  start,
  stop,
  waitFor,
} from "./bench/support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ENTRIES = 200;

async function measure(url: string, pid: number | undefined) {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const after = cpuMs(pid);
  const ok = result.statusCodeStats["200"]?.count ?? 0;
  return {
    perSecond: ok / SECONDS,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: before !== null && after !== null && ok ? (after - before) / ok : null,
  };
}

/** A photographic-looking 4000×3000 JPEG: noise over gradients (what designers upload). */
async function bigJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const data = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) & 31;
      const i = (y * width + x) * 3;
      data[i] = ((x * 255) / width + noise) & 255;
      data[i + 1] = ((y * 255) / height + noise) & 255;
      data[i + 2] = (((x + y) * 128) / width + noise) & 255;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function main() {
  if (!fs.existsSync("build/server/index.js")) {
    process.stderr.write("Build the app first: npm run build\n");
    process.exit(1);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-bench-gallery-"));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = benchEnv(dataDir, appUrl);
  Object.assign(process.env, env);
  const seeded = await seedContestWithEntries(ENTRIES);
  const { db, closeDb } = await import("../db/index");
  const { newId } = await import("../app/utils/ids.server");
  // Designers with room for new entries, for the uploads under load.
  const { hashPassword } = await import("../app/modules/auth/passwords.server");
  const hash = await hashPassword("bench passphrase");
  const uploaders: string[] = [];
  for (let i = 0; i < 8; i++) {
    const id = newId();
    const email = `uploader${i}.${id}@bench.local`;
    await db()
      .insertInto("users")
      .values({
        id,
        email,
        display_name: `Uploader ${i}`,
        password_hash: hash,
        role: "designer",
        created_at: Date.now(),
        password_changed_at: Date.now(),
      })
      .execute();
    uploaders.push(email);
  }
  await closeDb();

  const app = start(["--import", "tsx", "scripts/server.ts"], {
    ...env,
    RUN_WORKER: "true",
    PORT: String(port),
    HOST: "127.0.0.1",
  });
  const plainPort = await freePort();
  const plain = start(["--import", "tsx", "scripts/bench/plain-contest-server.tsx"], {
    ...env,
    PORT: String(plainPort),
    BENCH_CONTEST_ID: seeded.contestId,
  });
  try {
    await waitFor(`${appUrl}/healthz`, app.child, app.output);
    await waitFor(`http://127.0.0.1:${plainPort}/`, plain.child, plain.output);
    const page = `${appUrl}/contests/${seeded.contestId}`;
    const plainPage = `http://127.0.0.1:${plainPort}/contests/${seeded.contestId}`;
    for (const url of [page, plainPage]) {
      const res = await fetch(url);
      const html = await res.text();
      const thumbs = html.match(/\/media\/public\/thumbs\//g)?.length ?? 0;
      if (res.status !== 200 || thumbs < ENTRIES)
        throw new Error(`${url} answered ${res.status} with ${thumbs} thumbnails`);
    }
    await autocannon({ url: page, connections: 2, duration: 2 });
    await autocannon({ url: plainPage, connections: 2, duration: 2 });

    // Interleaved, twice each; the better run of each counts (the machine is shared).
    const appRuns = [];
    const plainRuns = [];
    for (let i = 0; i < 2; i++) {
      appRuns.push(await measure(page, app.child.pid));
      plainRuns.push(await measure(plainPage, plain.child.pid));
    }
    const best = <T extends { perSecond: number }>(runs: T[]) =>
      runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const appIdle = best(appRuns);
    const plainIdle = best(plainRuns);

    // Under load: two uploads always in processing (each loop uploads, waits for it to be ready, again).
    const photo = await bigJpeg();
    let running = true;
    let processed = 0;
    const { db: database } = await import("../db/index");
    const loop = async (email: string, second: string) => {
      let current = email;
      const login = async (who: string) => {
        const res = await fetch(`${appUrl}/login`, {
          method: "POST",
          headers: { origin: appUrl, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: who, password: "bench passphrase" }),
          redirect: "manual",
        });
        return res.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
      };
      let cookie = await login(current);
      let uploads = 0;
      while (running) {
        if (uploads === 10) {
          current = second;
          cookie = await login(current);
          uploads = 0;
        }
        const form = new FormData();
        form.set("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
        const res = await fetch(`${appUrl}/api/contests/${seeded.contestId}/entries`, {
          method: "POST",
          headers: { origin: appUrl, cookie },
          body: form,
        });
        const body = (await res.json()) as { location?: string; message?: string };
        if (!body.location) throw new Error(`upload refused: ${res.status} ${body.message}`);
        uploads++;
        const entryId = body.location.split("/").pop()!;
        for (;;) {
          const row = await database()
            .selectFrom("entries")
            .select("status")
            .where("id", "=", entryId)
            .executeTakeFirst();
          if (row && row.status !== "processing") break;
          await new Promise((r) => setTimeout(r, 50));
        }
        processed++;
      }
    };
    const loops = [loop(uploaders[0]!, uploaders[1]!), loop(uploaders[2]!, uploaders[3]!)];
    await new Promise((r) => setTimeout(r, 1500)); // both uploads in flight
    const appBusy = await measure(page, app.child.pid);
    running = false;
    await Promise.all(loops);
    await closeDb();

    const line = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
      `${name.padEnd(46)} ${r.perSecond.toFixed(1).padStart(7)} req/s   p99 ${String(r.p99).padStart(5)} ms   CPU ${r.cpuPerRequest === null ? "?" : r.cpuPerRequest.toFixed(1)} ms/request   (${r.errors} errors)`;
    const out = [
      "",
      `bench:gallery  contest page with ${ENTRIES} ready entries, ${SECONDS} s per run, ${CONNECTIONS} connections, SQLite, ${machineLine()}`,
      ...appRuns.map((r, i) => line(`app (Remix, built), run ${i + 1}`, r)),
      ...plainRuns.map((r, i) => line(`plain renderToString + node:http, run ${i + 1}`, r)),
      `ratio app / plain (best runs): ${(appIdle.perSecond / plainIdle.perSecond).toFixed(2)}  (goal ≥ 0.60)   CPU per request: ${
        appIdle.cpuPerRequest && plainIdle.cpuPerRequest
          ? (appIdle.cpuPerRequest / plainIdle.cpuPerRequest).toFixed(2)
          : "?"
      }×`,
      line("app while two uploads are being processed", appBusy),
      `under load / idle: ${(appBusy.perSecond / appIdle.perSecond).toFixed(2)}  (goal ≥ 0.50; ${processed} uploads processed meanwhile)`,
      "",
    ];
    process.stdout.write(out.join("\n"));
  } finally {
    await stop(app.child);
    await stop(plain.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench:gallery failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
