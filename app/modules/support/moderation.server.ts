import type { Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { appendAudit } from "./audit.server";

export interface HideInput {
  entryId: string;
  /** The support account deciding; null when the system acts. */
  actorId: string | null;
  reason: string;
  data?: Record<string, unknown>;
}

/**
 * Take an entry out of every gallery: its status becomes "hidden", so every reader that shows only
 * ready entries to others leaves it out, while its designer still sees it, marked. Written to the
 * audit log with its contest (the timeline shows it). False when there is no entry to hide (unknown,
 * or not live: a withdrawn or already hidden entry changes nothing).
 */
export async function hideEntry(trx: Trx, input: HideInput): Promise<boolean> {
  const entry = await trx
    .selectFrom("entries")
    .select(["id", "contest_id", "designer_id", "number", "status"])
    .where("id", "=", input.entryId)
    .executeTakeFirst();
  if (!entry || (entry.status !== "ready" && entry.status !== "declined")) return false;
  const at = now();
  const changed = await trx
    .updateTable("entries")
    .set({ status: "hidden", hidden_at: at, updated_at: at })
    .where("id", "=", entry.id)
    .where("status", "=", entry.status)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return false;
  await appendAudit(trx, {
    actorId: input.actorId,
    action: "entry.hide",
    subject: { kind: "entry", id: entry.id },
    contestId: entry.contest_id,
    userId: entry.designer_id,
    reason: input.reason,
    data: { number: entry.number, was: entry.status, ...input.data },
  });
  return true;
}

/** Put a hidden entry back as it was before support hid it. False when it is not hidden. */
export async function unhideEntry(trx: Trx, input: HideInput): Promise<boolean> {
  const entry = await trx
    .selectFrom("entries")
    .select(["id", "contest_id", "designer_id", "number", "status"])
    .where("id", "=", input.entryId)
    .executeTakeFirst();
  if (!entry || entry.status !== "hidden") return false;
  const hidden = await trx
    .selectFrom("audit_log")
    .select("data")
    .where("subject_kind", "=", "entry")
    .where("subject_id", "=", entry.id)
    .where("action", "=", "entry.hide")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const was = hidden ? (JSON.parse(hidden.data) as { was?: string }).was : undefined;
  const at = now();
  await trx
    .updateTable("entries")
    .set({ status: was === "declined" ? "declined" : "ready", hidden_at: null, updated_at: at })
    .where("id", "=", entry.id)
    .where("status", "=", "hidden")
    .execute();
  await appendAudit(trx, {
    actorId: input.actorId,
    action: "entry.unhide",
    subject: { kind: "entry", id: entry.id },
    contestId: entry.contest_id,
    userId: entry.designer_id,
    reason: input.reason,
    data: { number: entry.number, ...input.data },
  });
  return true;
}
