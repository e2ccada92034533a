import { db, transaction, type DB, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { normalizeEmail } from "../auth/accounts.server";
import { invalidateUserSessions } from "../auth/sessions.server";
import { refusal, type Refusal } from "../refusal";
import { appendAudit } from "./audit.server";
import { hideEntry, unhideEntry } from "./moderation.server";
import { LIVE_STATES } from "../contests/machine";

export type SupportFailure =
  | "not_found"
  | "reason_required"
  /** Nothing to change (already suspended, not hidden, …): the page was out of date. */
  | "unchanged"
  /** Support does not suspend its own account. */
  | "self"
  /** The contest's state does not allow this decision now (it carries `status`). */
  | "wrong_state"
  | "bad_extension"
  | "bad_winner"
  | "not_held"
  | "conflict";

/** Support staff: an account whose support_since is set, by the command line only (ADR 0043). */
export async function isSupport(userId: string, executor: Trx | DB = db()): Promise<boolean> {
  const row = await executor
    .selectFrom("users")
    .select("support_since")
    .where("id", "=", userId)
    .where("suspended_at", "is", null)
    .executeTakeFirst();
  return row?.support_since != null;
}

/**
 * Grant (or take back) the support role, for `npm run support:grant -- EMAIL [--revoke]`. Written to
 * the audit log with no actor: the command line acted.
 */
export async function setSupportRole(
  emailInput: string,
  grant: boolean,
): Promise<{ ok: true; userId: string; changed: boolean } | Refusal<"support", "not_found">> {
  const email = normalizeEmail(emailInput);
  return transaction(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "support_since"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (!user) return refusal("support", "not_found");
    if ((user.support_since !== null) === grant) return { ok: true, userId: user.id, changed: false };
    await trx
      .updateTable("users")
      .set({ support_since: grant ? now() : null })
      .where("id", "=", user.id)
      .execute();
    await appendAudit(trx, {
      actorId: null,
      action: grant ? "support.grant" : "support.revoke",
      subject: { kind: "user", id: user.id },
      userId: user.id,
      reason: "command line",
    });
    return { ok: true, userId: user.id, changed: true };
  });
}

export interface SuspensionInput {
  userId: string;
  /** The support account deciding; null when the system suspends (the third strike). */
  actorId: string | null;
  reason: string;
  data?: Record<string, unknown>;
}

/**
 * Suspend an account: it is logged out everywhere and cannot log in; its entries in live contests
 * leave every gallery (hidden through hideEntry, marked `bySuspension`, ADR 0044); its money stays
 * where it is (a payout is refused, a prize it wins is held for support). Suspending a suspended
 * account changes nothing and is not an error.
 */
export async function suspendUser(trx: Trx, input: SuspensionInput): Promise<{ changed: boolean }> {
  const changed = await trx
    .updateTable("users")
    .set({ suspended_at: now() })
    .where("id", "=", input.userId)
    .where("suspended_at", "is", null)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return { changed: false };
  await invalidateUserSessions(trx, input.userId);
  await appendAudit(trx, {
    actorId: input.actorId,
    action: "user.suspend",
    subject: { kind: "user", id: input.userId },
    userId: input.userId,
    reason: input.reason,
    data: input.data,
  });
  const live = await trx
    .selectFrom("entries")
    .innerJoin("contests", "contests.id", "entries.contest_id")
    .select("entries.id")
    .where("entries.designer_id", "=", input.userId)
    .where("entries.status", "in", ["ready", "declined"])
    .where("contests.status", "in", LIVE_STATES)
    .orderBy("entries.created_at")
    .execute();
  for (const entry of live)
    await hideEntry(trx, {
      entryId: entry.id,
      actorId: input.actorId,
      reason: input.reason,
      data: { bySuspension: true },
    });
  return { changed: true };
}

/** The account's entries that its suspension hid and nothing else hid since (the last hide says). */
async function hiddenBySuspension(trx: Trx, userId: string): Promise<string[]> {
  const hidden = await trx
    .selectFrom("entries")
    .select("id")
    .where("designer_id", "=", userId)
    .where("status", "=", "hidden")
    .execute();
  const ids: string[] = [];
  for (const entry of hidden) {
    const last = await trx
      .selectFrom("audit_log")
      .select("data")
      .where("subject_kind", "=", "entry")
      .where("subject_id", "=", entry.id)
      .where("action", "=", "entry.hide")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (last && (JSON.parse(last.data) as { bySuspension?: boolean }).bySuspension) ids.push(entry.id);
  }
  return ids;
}

/**
 * Lift a suspension: the account may log in again; exactly the entries its suspension hid come back
 * (one support hid for another reason stays hidden).
 */
export async function reinstateUser(trx: Trx, input: SuspensionInput): Promise<{ changed: boolean }> {
  const changed = await trx
    .updateTable("users")
    .set({ suspended_at: null })
    .where("id", "=", input.userId)
    .where("suspended_at", "is not", null)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return { changed: false };
  await appendAudit(trx, {
    actorId: input.actorId,
    action: "user.reinstate",
    subject: { kind: "user", id: input.userId },
    userId: input.userId,
    reason: input.reason,
    data: input.data,
  });
  for (const entryId of await hiddenBySuspension(trx, input.userId))
    await unhideEntry(trx, {
      entryId,
      actorId: input.actorId,
      reason: input.reason,
      data: { bySuspension: true },
    });
  return { changed: true };
}

/** Whether an account is suspended now. */
export async function isSuspended(userId: string, executor: Trx | DB = db()): Promise<boolean> {
  const row = await executor
    .selectFrom("users")
    .select("suspended_at")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.suspended_at != null;
}
