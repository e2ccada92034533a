import { db, type DB, type Trx } from "~db/index";
import type { AuditRow } from "~db/schema";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import type { AuditAction, AuditSubjectKind } from "./audit";

export interface AuditInput {
  /** The support account that acted; null for the command line or the system. */
  actorId: string | null;
  action: AuditAction;
  subject: { kind: AuditSubjectKind; id: string };
  /** The contest whose timeline shows the row. */
  contestId?: string | null;
  /** The account the action concerns. */
  userId?: string | null;
  reason: string;
  data?: Record<string, unknown>;
}

/**
 * Append one row to the audit log, in the caller's transaction so the action and its record commit
 * together. Rows are never changed afterwards (the table's triggers refuse it).
 */
export async function appendAudit(trx: Trx | DB, input: AuditInput): Promise<string> {
  const id = newId();
  await trx
    .insertInto("audit_log")
    .values({
      id,
      actor_id: input.actorId,
      action: input.action,
      subject_kind: input.subject.kind,
      subject_id: input.subject.id,
      contest_id: input.contestId ?? null,
      user_id: input.userId ?? null,
      reason: input.reason,
      data: JSON.stringify(input.data ?? {}),
      created_at: now(),
    })
    .execute();
  return id;
}

/** The audit rows shown on a contest's timeline (to the contest's parties), oldest first. */
export function auditForContest(contestId: string, executor: Trx | DB = db()): Promise<AuditRow[]> {
  return executor
    .selectFrom("audit_log")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The audit rows about one account (its page in the console), newest first. */
export function auditForUser(userId: string, executor: Trx | DB = db()): Promise<AuditRow[]> {
  return executor
    .selectFrom("audit_log")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("user_id", "=", userId),
        eb.and([eb("subject_kind", "=", "user"), eb("subject_id", "=", userId)]),
      ]),
    )
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}
