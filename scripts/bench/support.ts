// Shared pieces of the benchmarks: processes, ports, CPU time, a seeded contest.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function waitFor(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The process exited early:\n${output()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Not up in 60 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function machineLine() {
  return `${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

/** The environment of a benchmarked app process: the built app on SQLite in `dataDir`. */
export function benchEnv(dataDir: string, appUrl: string) {
  return {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    APP_URL: appUrl,
    SEED_DEMO: "false",
    RUN_WORKER: "false",
    LOG_LEVEL: "error",
  };
}

/**
 * A launched contest with `entries` ready entries from 20 designers, seeded through the app's own
 * modules (the caller has pointed DATA_DIR at a fresh folder). The escrow is not involved.
 */
export async function seedContestWithEntries(entries: number) {
  const { db, migrateToLatest } = await import("../../db/index");
  const { applyContestEvent, createDraft } = await import("../../app/modules/contests/contests.server");
  const { hashPassword } = await import("../../app/modules/auth/passwords.server");
  const { newId } = await import("../../app/utils/ids.server");
  await migrateToLatest();
  const hash = await hashPassword("bench passphrase");
  const user = async (name: string, role: "client" | "designer") => {
    const id = newId();
    await db()
      .insertInto("users")
      .values({
        id,
        email: `${name.replace(/\W+/g, ".")}.${id}@bench.local`,
        display_name: name,
        password_hash: hash,
        role,
        created_at: Date.now(),
        password_changed_at: Date.now(),
      })
      .execute();
    return { id, email: `${name.replace(/\W+/g, ".")}.${id}@bench.local` };
  };
  const client = await user("Client", "client");
  const contestId = await createDraft({
    clientId: client.id,
    category: "logo",
    title: "Bench logo",
    businessName: "Bench",
    currency: "USD",
  });
  await db()
    .updateTable("contests")
    .set({ description: "A logo for the benchmark bakery, warm and round." })
    .where("id", "=", contestId)
    .execute();
  await applyContestEvent({
    contestId,
    actor: { kind: "user", id: client.id },
    event: { type: "launch", funded: true },
  });
  const designers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => user(`Designer ${i}`, "designer")),
  );
  const entryIds: string[] = [];
  for (let i = 0; i < entries; i++) {
    const id = newId();
    const revisionId = newId();
    const at = Date.now();
    const designer = designers[i % designers.length]!.id;
    await db()
      .insertInto("entries")
      .values({
        id,
        contest_id: contestId,
        designer_id: designer,
        number: i + 1,
        title: `Concept ${i + 1}`,
        status: "ready",
        current_revision_id: revisionId,
        revision_count: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db()
      .insertInto("entry_revisions")
      .values({
        id: revisionId,
        entry_id: id,
        contest_id: contestId,
        designer_id: designer,
        version: 1,
        status: "ready",
        original_key: `private/originals/${contestId}/${id}/${revisionId}`,
        original_format: "png",
        original_bytes: 1,
        preview_key: `public/previews/${contestId}/${revisionId}.webp`,
        thumbnail_key: `public/thumbs/${contestId}/${revisionId}.webp`,
        created_at: at,
        ready_at: at,
      })
      .execute();
    entryIds.push(id);
  }
  return { contestId, client, designers, entryIds };
}
