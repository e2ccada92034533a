import os from "node:os";
import { db, dialectOf, transaction, type DB, type Trx } from "~db/index";
import { skipLocked } from "~db/locking";
import type { Job } from "~db/schema";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import { singleton } from "~/utils/singleton.server";

export type JobHandler = (payload: any, job: Job) => Promise<void>;

export interface EnqueueOptions {
  kind: string;
  payload?: unknown;
  /** Epoch ms; defaults to now. */
  runAt?: number;
  /** At most one job per key: enqueuing the same key again does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

const LEASE_MS = 5 * 60_000;

const handlers = () => singleton("jobHandlers", () => new Map<string, JobHandler>());

export function registerJobHandler(kind: string, handler: JobHandler) {
  handlers().set(kind, handler);
}

/**
 * Enqueue a job inside the caller's transaction, so the job exists if and only if the change that
 * asked for it was committed (the outbox pattern).
 */
export async function enqueueJob(trx: Trx | DB, options: EnqueueOptions): Promise<void> {
  const at = now();
  await trx
    .insertInto("jobs")
    .values({
      id: newId(),
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      status: "pending",
      run_at: options.runAt ?? at,
      max_attempts: options.maxAttempts ?? 8,
      unique_key: options.uniqueKey ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .execute();
}

/** Cancel a pending job by its unique key (a deadline that no longer applies). */
export async function cancelJob(trx: Trx, uniqueKey: string) {
  await trx
    .updateTable("jobs")
    .set({ status: "done", last_error: "cancelled", updated_at: now() })
    .where("unique_key", "=", uniqueKey)
    .where("status", "=", "pending")
    .execute();
}

/**
 * Claim up to `limit` due jobs for `workerId`: pending ones whose time has come, and running ones
 * whose lease ran out (their worker died). Each claim is a lease; a job runs again only after it.
 */
export async function claimDueJobs(workerId: string, limit: number, database: DB = db()): Promise<Job[]> {
  const at = now();
  const dialect = dialectOf(database);
  return transaction(async (trx) => {
    const due = await skipLocked(
      trx
        .selectFrom("jobs")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("run_at", "<=", at)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<", at)]),
          ]),
        )
        .orderBy("run_at")
        .limit(limit),
      dialect,
    ).execute();
    if (due.length === 0) return [];
    return trx
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        locked_by: workerId,
        locked_until: at + LEASE_MS,
        attempts: eb("attempts", "+", 1),
        updated_at: at,
      }))
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  }, database);
}

function backoffMs(attempts: number) {
  const base = Math.min(60 * 60_000, 2 ** attempts * 1000);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/** Run one claimed job and record the outcome (done, retry later, or failed for good). */
export async function runJob(
  job: Job,
  workerId: string,
  database: DB = db(),
): Promise<"done" | "retry" | "failed"> {
  const handler = handlers().get(job.kind);
  let error: unknown = null;
  if (!handler) error = new Error(`No handler for job kind ${job.kind}`);
  else {
    try {
      await handler(JSON.parse(job.payload), job);
    } catch (e) {
      error = e;
    }
  }
  const at = now();
  const mine = (q: any) => q.where("id", "=", job.id).where("locked_by", "=", workerId);
  if (!error) {
    await mine(
      database
        .updateTable("jobs")
        .set({ status: "done", locked_by: null, locked_until: null, last_error: null, updated_at: at }),
    ).execute();
    return "done";
  }
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.max_attempts;
  log(final ? "error" : "info", "job.failed", {
    kind: job.kind,
    id: job.id,
    attempts: job.attempts,
    final,
    error: message,
  });
  await mine(
    database.updateTable("jobs").set({
      status: final ? "failed" : "pending",
      run_at: at + backoffMs(job.attempts),
      locked_by: null,
      locked_until: null,
      last_error: message.slice(0, 2000),
      updated_at: at,
    }),
  ).execute();
  return final ? "failed" : "retry";
}

/**
 * A worker's name says where it runs: `host:pid:random`. A worker that finds a lease held by a worker
 * of its own host whose process is gone (a crash, a kill, a restart) takes the job back at once
 * instead of waiting out the lease; leases of other hosts still end by time.
 */
export function newWorkerId() {
  return `${os.hostname()}:${process.pid}:${newId()}`;
}

/** The workers running in this process now. */
const liveWorkers = () => singleton("liveWorkers", () => new Set<string>());

function isGoneFromThisHost(workerId: string) {
  const [host, pidText] = workerId.split(":");
  if (host !== os.hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  // Our own pid, but none of our workers: an earlier life (a container restarted as pid 1).
  if (pid === process.pid) return !liveWorkers().has(workerId);
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Hand back, as due now, the jobs whose worker died on this host. Returns how many. */
export async function releaseLeasesOfDeadWorkers(exceptWorkerId: string, database: DB = db()) {
  const held = await database
    .selectFrom("jobs")
    .select(["id", "locked_by"])
    .where("status", "=", "running")
    .where("locked_by", "like", `${os.hostname()}:%`)
    .where("locked_by", "!=", exceptWorkerId)
    .execute();
  const dead = held.filter((j) => j.locked_by && isGoneFromThisHost(j.locked_by));
  if (dead.length === 0) return 0;
  const at = now();
  for (const job of dead) {
    // Only while the dead worker still holds it: a live worker may have taken it back already.
    await database
      .updateTable("jobs")
      .set({ status: "pending", run_at: at, locked_by: null, locked_until: null, updated_at: at })
      .where("id", "=", job.id)
      .where("status", "=", "running")
      .where("locked_by", "=", job.locked_by)
      .execute();
  }
  log("info", "jobs.released_dead_leases", { count: dead.length });
  return dead.length;
}

/** Run every job that is due now, until none is left (tests, scripts and the worker's tick). */
export async function runDueJobs(options: { workerId?: string; batch?: number; database?: DB } = {}) {
  const workerId = options.workerId ?? newWorkerId();
  const alreadyLive = liveWorkers().has(workerId);
  liveWorkers().add(workerId);
  let ran = 0;
  try {
    for (;;) {
      const jobs = await claimDueJobs(workerId, options.batch ?? 10, options.database);
      if (jobs.length === 0) return ran;
      for (const job of jobs) {
        await runJob(job, workerId, options.database);
        ran++;
      }
    }
  } finally {
    if (!alreadyLive) liveWorkers().delete(workerId);
  }
}

/** Poll for due jobs until stopped. One per process by default; several may share a PostgreSQL. */
export function startWorker(options: { pollMs?: number; workerId?: string } = {}) {
  const workerId = options.workerId ?? newWorkerId();
  liveWorkers().add(workerId);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let first = true;
  const tick = async () => {
    if (stopped) return;
    // At start: the jobs this host's dead workers held (this process's earlier life) are due again.
    const release = first ? releaseLeasesOfDeadWorkers(workerId) : Promise.resolve(0);
    first = false;
    running = release
      .then(() => runDueJobs({ workerId }))
      .catch((e) => log("error", "worker.tick", { error: String(e) }));
    await running;
    if (!stopped) timer = setTimeout(tick, options.pollMs ?? 1000);
  };
  timer = setTimeout(tick, 0);
  return {
    workerId,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      liveWorkers().delete(workerId);
    },
  };
}
