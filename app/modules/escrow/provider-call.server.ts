import type { Selectable } from "kysely";
import { db, dialectOf, inTransaction, transaction, type Database, type Trx } from "~db/index";
import { forUpdate } from "~db/locking";
import { now } from "~/utils/clock.server";
import { HOUR, MINUTE } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { log } from "~/utils/log.server";
import { singleton } from "~/utils/singleton.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { transient, type PaymentProvider, type ProviderResult } from "./provider";
import { SandboxProvider } from "./sandbox.server";
import { StripeProvider } from "./stripe.server";

/**
 * One provider call's lifecycle, whatever it moves (a charge, a refund, a payout). The caller stores
 * the call's row (with its idempotency key, unique) and its replay job in one transaction and
 * commits both (scheduleReplay); the provider is then called outside any transaction, with a key
 * derived from the row; the answer is settled in a transaction with the row locked, and the first
 * answer stands. An unknown outcome (timeout, 5xx) leaves the row pending: its job, a sweep or the
 * caller's retry replays the same key, and the provider moves the money at most once. Past the
 * provider's key lifetime a person takes over.
 */

/** A provider call not settled after this long is replayed by its job (a live request is over). */
export const RETRY_AFTER_MS = 5 * MINUTE;
/** Providers forget idempotency keys after 24 hours; past this age a replay could move money twice. */
export const KEY_LIFETIME_MS = 23 * HOUR;
/**
 * Attempts of a provider call's job. The queue backs off up to an hour between attempts, so 48 of
 * them outlast KEY_LIFETIME_MS: the job itself ends by handing the call to a person.
 */
export const PROVIDER_JOB_ATTEMPTS = 48;

/** The configured provider: the sandbox unless PAYMENT_PROVIDER=stripe. */
export function paymentProvider(): PaymentProvider {
  return singleton("paymentProvider", () => {
    const cfg = config();
    if (cfg.PAYMENT_PROVIDER === "stripe") {
      return new StripeProvider({
        apiBase: cfg.STRIPE_API_BASE,
        secretKey: cfg.STRIPE_SECRET_KEY ?? "",
        timeoutMs: cfg.PAYMENT_TIMEOUT_MS,
      });
    }
    return new SandboxProvider();
  });
}

export interface PaymentOptions {
  /** Defaults to paymentProvider(). */
  provider?: PaymentProvider;
}

export interface SweepOptions extends PaymentOptions {
  /** Only rows whose last attempt is at least this old (default RETRY_AFTER_MS). */
  olderThanMs?: number;
  limit?: number;
}

/** A programming error: a provider call would hold a transaction (and its locks) open for seconds. */
export class ProviderCallInTransaction extends Error {
  constructor(operation: string) {
    super(`The payment provider's ${operation} was called inside a database transaction`);
    this.name = "ProviderCallInTransaction";
  }
}

/**
 * The provider as the lifecycle hands it out: a call made inside transaction() throws
 * ProviderCallInTransaction before reaching the provider; an adapter that throws anyway (a bug)
 * leaves the outcome unknown, like a timeout.
 */
export function guardedProvider(provider: PaymentProvider): PaymentProvider {
  const guard =
    <R>(operation: "charge" | "refund" | "payout", call: (request: R) => Promise<ProviderResult>) =>
    async (request: R): Promise<ProviderResult> => {
      if (inTransaction()) throw new ProviderCallInTransaction(operation);
      try {
        return await call(request);
      } catch (error) {
        log("error", "payments.provider_threw", { operation, error: String(error) });
        return transient("provider_error", String(error));
      }
    };
  return {
    name: provider.name,
    charge: guard("charge", (request) => provider.charge(request)),
    refund: guard("refund", (request) => provider.refund(request)),
    payout: guard("payout", (request) => provider.payout(request)),
  };
}

/** The columns of a provider call's row that the lifecycle reads and writes. */
export interface CallRow {
  id: string;
  status: string;
  provider_ref: string | null;
  failure_code: string | null;
  attempts: number;
  last_error: string | null;
  last_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Every table whose rows are provider calls (they have the lifecycle's columns). */
export type CallTable = {
  [T in keyof Database]: Selectable<Database[T]> extends CallRow ? T : never;
}[keyof Database];

/** The answer settled into the ledger: the row's new status, and what to do once it is committed. */
export interface Settlement<Status extends string> {
  status: Status;
  /** After the commit, outside the transaction (a duplicate charge is refunded: another call). */
  afterCommit?: (provider: PaymentProvider) => Promise<unknown>;
}

/** What one kind of provider call supplies; the lifecycle does the rest. */
export interface ProviderCall<Row extends CallRow, Outcome> {
  /** Names the call in logs and errors: "charge", "refund", "payout". */
  name: string;
  table: CallTable;
  /** The job that replays the call, enqueued with its row; its payload is `{ [payloadId]: row.id }`. */
  job: { kind: string; payloadId: string; uniqueKey: (id: string) => string };
  /** The provider call, with a key derived from the row. Never inside a transaction. */
  call: (provider: PaymentProvider, row: Row) => Promise<ProviderResult>;
  /**
   * With the row locked and still pending: record the answer in the ledger and choose the row's
   * status. The lifecycle then writes the status, the provider's reference or refusal code, and
   * the attempt.
   */
  settle: (trx: Trx, row: Row, result: ProviderResult) => Promise<Settlement<Row["status"]>>;
  /** What the caller is told; `last` is this attempt's answer, if the provider was called. */
  outcome: (row: Row, replayed: boolean, last?: ProviderResult) => Outcome;
  /** A pending row that may not be replayed at all (a charge whose card was not kept). */
  unreplayable?: (row: Row) => boolean;
  /** Whether a retry's outcome says `replayed` (each kind has kept its own answer). */
  retryReplays: boolean;
}

/** Enqueue the call's replay job, in the transaction that stores its row. */
export async function scheduleReplay<Row extends CallRow>(
  trx: Trx,
  kind: ProviderCall<Row, unknown>,
  id: string,
  at: number,
) {
  await enqueueJob(trx, {
    kind: kind.job.kind,
    payload: { [kind.job.payloadId]: id },
    runAt: at + RETRY_AFTER_MS,
    uniqueKey: kind.job.uniqueKey(id),
    maxAttempts: PROVIDER_JOB_ATTEMPTS,
  });
}

/** The caller's stored (committed) row: answered from the record if settled, else attempted. */
export async function proceed<Row extends CallRow, Outcome>(
  kind: ProviderCall<Row, Outcome>,
  row: Row,
  provider: PaymentProvider,
  replayed: boolean,
): Promise<Outcome> {
  if (row.status !== "pending") return kind.outcome(row, true);
  return (await attempt(kind, row, provider, replayed)).outcome;
}

function attemptFields(result: ProviderResult) {
  return {
    last_error: result.status === "transient" ? `${result.code}: ${result.detail}`.slice(0, 2000) : null,
    last_attempt_at: now(),
    updated_at: now(),
  };
}

/** Call the provider, then settle its answer under the row's lock. */
export async function attempt<Row extends CallRow, Outcome>(
  kind: ProviderCall<Row, Outcome>,
  row: Row,
  provider: PaymentProvider,
  replayed: boolean,
): Promise<{ row: Row; outcome: Outcome }> {
  const result = await kind.call(guardedProvider(provider), row);
  const { settled, afterCommit } = await transaction(async (trx) => {
    const locked = (await forUpdate(
      trx.selectFrom(kind.table).selectAll().where("id", "=", row.id),
      dialectOf(trx),
    ).executeTakeFirstOrThrow()) as Row;
    // Settled already (a racing request or the job got there first): the first answer stands.
    if (locked.status !== "pending") return { settled: locked, afterCommit: undefined };
    const settlement = await kind.settle(trx, locked, result);
    const updated = (await trx
      .updateTable(kind.table)
      .set((eb) => ({
        ...attemptFields(result),
        status: settlement.status as never,
        provider_ref: result.status === "succeeded" ? result.providerRef : null,
        failure_code: result.status === "declined" ? result.code : null,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", row.id)
      .returningAll()
      .executeTakeFirstOrThrow()) as Row;
    return { settled: updated, afterCommit: settlement.afterCommit };
  });
  if (afterCommit) await afterCommit(provider);
  return { row: settled, outcome: kind.outcome(settled, replayed, result) };
}

async function rowById<Row extends CallRow>(kind: ProviderCall<Row, unknown>, id: string): Promise<Row> {
  return (await db()
    .selectFrom(kind.table)
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow()) as Row;
}

/** Replay one pending call with its own key (its job, a sweep), or hand it to a person. */
export async function retry<Row extends CallRow, Outcome>(
  kind: ProviderCall<Row, Outcome>,
  id: string,
  options: PaymentOptions = {},
): Promise<{ row: Row; outcome: Outcome }> {
  const row = await rowById(kind, id);
  if (row.status !== "pending") return { row, outcome: kind.outcome(row, true) };
  if (now() - row.created_at > KEY_LIFETIME_MS || kind.unreplayable?.(row)) {
    // Past the provider's key lifetime a replay could move money twice: a person takes over (for a
    // payout the money stays in flight: only a person who checked the provider may post or void it).
    await markForReview(kind.table, row.id);
    return retry(kind, id, options);
  }
  return attempt(kind, row, options.provider ?? paymentProvider(), kind.retryReplays);
}

/** Replay every call left pending for RETRY_AFTER_MS (a sweep, the jobs' backstop). */
export async function sweep<Row extends CallRow, Outcome>(
  kind: ProviderCall<Row, Outcome>,
  options: SweepOptions = {},
): Promise<Outcome[]> {
  const cutoff = now() - (options.olderThanMs ?? RETRY_AFTER_MS);
  const rows = await db()
    .selectFrom(kind.table)
    .select("id")
    .where("status", "=", "pending")
    .where((eb) => eb(eb.fn.coalesce("last_attempt_at", "created_at"), "<=", cutoff))
    .orderBy("created_at")
    .orderBy("id")
    .limit(options.limit ?? 100)
    .execute();
  const outcomes: Outcome[] = [];
  for (const { id } of rows) outcomes.push((await retry(kind, id, options)).outcome);
  return outcomes;
}

async function markForReview(table: CallTable, id: string) {
  log("error", "payments.needs_review", { table, id });
  await db()
    .updateTable(table)
    .set({ status: "needs_review", updated_at: now() })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .execute();
}

class StillPending extends Error {
  constructor(what: string) {
    super(`${what}: the provider has not answered yet`);
  }
}

/** The call's replay job: it fails (and the queue tries again later) while the outcome is unknown. */
export function registerReplayJob<Row extends CallRow>(kind: ProviderCall<Row, unknown>) {
  registerJobHandler(kind.job.kind, async (payload: Record<string, string>) => {
    const id = payload[kind.job.payloadId] ?? "";
    const { row } = await retry(kind, id);
    if (row.status === "pending") throw new StillPending(`${kind.name} ${id}`);
  });
}

/** For other long waits on the provider (a job that starts a call): the same "not yet" failure. */
export function stillPending(what: string): Error {
  return new StillPending(what);
}
