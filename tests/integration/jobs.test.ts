import { describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import {
  claimDueJobs,
  enqueueJob,
  registerJobHandler,
  runDueJobs,
  runJob,
  startWorker,
} from "~/modules/jobs/queue.server";
import { advanceClock, freezeClock } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { createDatabase } from "~db/index";
import { config } from "~/utils/env.server";
import { isPostgresRun } from "../setup/db-template";

describe("durable jobs", () => {
  it("exist only if the transaction that enqueued them commits", async () => {
    await expect(
      transaction(async (trx) => {
        await enqueueJob(trx, { kind: "test.noop", uniqueKey: "rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await transaction((trx) => enqueueJob(trx, { kind: "test.noop", uniqueKey: "committed" }));
    const keys = (await db().selectFrom("jobs").select("unique_key").execute()).map((j) => j.unique_key);
    expect(keys).toContain("committed");
    expect(keys).not.toContain("rolled-back");
  });

  it("run once per unique key, at their time, not before", async () => {
    freezeClock(Date.UTC(2026, 5, 1));
    const ran: string[] = [];
    registerJobHandler("test.deadline", async (p: { id: string }) => {
      ran.push(p.id);
    });
    const runAt = Date.UTC(2026, 5, 1) + 10 * MINUTE;
    await enqueueJob(db(), { kind: "test.deadline", payload: { id: "a" }, runAt, uniqueKey: "deadline:a" });
    await enqueueJob(db(), { kind: "test.deadline", payload: { id: "a" }, runAt, uniqueKey: "deadline:a" });
    expect(await runDueJobs()).toBe(0);
    advanceClock(10 * MINUTE);
    expect(await runDueJobs()).toBe(1);
    expect(ran).toEqual(["a"]);
    expect(await runDueJobs()).toBe(0);
  });

  it("retry a failing job later with backoff, and give up after its attempts", async () => {
    freezeClock(Date.UTC(2026, 5, 1));
    let calls = 0;
    registerJobHandler("test.flaky", async () => {
      calls++;
      throw new Error("provider unavailable");
    });
    await enqueueJob(db(), { kind: "test.flaky", maxAttempts: 3, uniqueKey: "flaky" });
    await runDueJobs();
    expect(calls).toBe(1);
    let job = await db()
      .selectFrom("jobs")
      .selectAll()
      .where("unique_key", "=", "flaky")
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("pending");
    expect(job.last_error).toBe("provider unavailable");
    expect(job.run_at).toBeGreaterThan(Date.UTC(2026, 5, 1));
    for (let i = 0; i < 5; i++) {
      advanceClock(60 * MINUTE);
      await runDueJobs();
    }
    expect(calls).toBe(3);
    job = await db()
      .selectFrom("jobs")
      .selectAll()
      .where("unique_key", "=", "flaky")
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
  });

  it("run again after their worker died mid-job (the lease runs out)", async () => {
    freezeClock(Date.UTC(2026, 5, 1));
    let calls = 0;
    registerJobHandler("test.crash", async () => {
      calls++;
    });
    await enqueueJob(db(), { kind: "test.crash", uniqueKey: "crash" });
    const claimed = await claimDueJobs("worker-that-dies", 10);
    expect(claimed).toHaveLength(1);
    // The worker dies here without finishing. Another worker sees nothing until the lease ends.
    expect(await claimDueJobs("survivor", 10)).toHaveLength(0);
    advanceClock(6 * MINUTE);
    const reclaimed = await claimDueJobs("survivor", 10);
    expect(reclaimed.map((j) => j.id)).toEqual(claimed.map((j) => j.id));
    expect(await runJob(reclaimed[0]!, "survivor")).toBe("done");
    expect(calls).toBe(1);
    // The dead worker's late completion must not overwrite anything.
    expect(await runJob(claimed[0]!, "worker-that-dies")).toBe("done");
    const job = await db()
      .selectFrom("jobs")
      .selectAll()
      .where("unique_key", "=", "crash")
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("done");
    expect(job.attempts).toBe(2);
  });

  it("are each run once when two workers with their own connections race for the same due jobs", async () => {
    const runs = new Map<string, number>();
    registerJobHandler("test.race", async (p: { n: number }) => {
      runs.set(String(p.n), (runs.get(String(p.n)) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    });
    await db().deleteFrom("jobs").execute();
    for (let n = 0; n < 60; n++) await enqueueJob(db(), { kind: "test.race", payload: { n } });
    // PostgreSQL: a second connection pool, as a second worker process has (SKIP LOCKED decides).
    // SQLite: one connection per process; its write lock serialises the claims.
    const other = isPostgresRun() ? createDatabase(config().database) : db();
    try {
      const [a, b] = await Promise.all([
        runDueJobs({ workerId: "A", batch: 3 }),
        runDueJobs({ workerId: "B", batch: 3, database: other }),
      ]);
      expect(a + b).toBe(60);
      expect(runs.size).toBe(60);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
    } finally {
      if (other !== db()) await other.destroy();
    }
  });
});

describe("after a crash", () => {
  /** A pid that was alive a moment ago and is not any more. */
  async function deadPid() {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => child.once("exit", r));
    return child.pid!;
  }

  async function runningJob(kind: string, lockedBy: string) {
    const at = Date.now();
    await enqueueJob(db(), { kind, uniqueKey: `${kind}:${lockedBy}` });
    await db()
      .updateTable("jobs")
      .set({ status: "running", locked_by: lockedBy, locked_until: at + 5 * MINUTE, attempts: 1 })
      .where("unique_key", "=", `${kind}:${lockedBy}`)
      .execute();
  }

  it("the worker takes back at once what this host's dead workers held, not what others hold", async () => {
    const os = await import("node:os");
    const ran: string[] = [];
    registerJobHandler("test.crashed", async () => {
      ran.push("crashed");
    });
    const host = os.hostname();
    await runningJob("test.crashed", `${host}:${await deadPid()}:old`);
    // This very process in an earlier life (a container restarts as the same pid).
    await runningJob("test.crashed", `${host}:${process.pid}:earlier-life`);
    // A live process of this host, and a worker of another host: their leases are theirs.
    await runningJob("test.crashed", `${host}:${process.ppid}:alive`);
    await runningJob("test.crashed", `other-host:1234:remote`);
    const worker = startWorker({ pollMs: 50 });
    await expect.poll(() => ran.length, { timeout: 10_000 }).toBe(2);
    await worker.stop();
    const left = await db()
      .selectFrom("jobs")
      .select(["locked_by", "status"])
      .where("kind", "=", "test.crashed")
      .where("status", "=", "running")
      .execute();
    expect(left.map((j) => j.locked_by).sort()).toEqual(
      [`${host}:${process.ppid}:alive`, "other-host:1234:remote"].sort(),
    );
  });
});
