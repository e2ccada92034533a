import type { DB, Trx } from "~db/index";
import type { EntryStatus } from "~db/schema";
import { mediaUrl } from "../entries/media";

/** An entry as the judging screens show it: its current ready revision's images, its designer. */
export interface PoolEntry {
  id: string;
  number: number;
  title: string;
  designerId: string;
  designerName: string;
  status: EntryStatus;
  declineReason: string | null;
  previewUrl: string | null;
  thumbUrl: string | null;
  width: number | null;
  height: number | null;
  /** The designer's generative-AI declaration with its current version (null: sent before 0023). */
  aiDeclared: number | null;
}

/**
 * The entries in the running (ready) and, when asked, the declined ones; in round 2 only the
 * finalists'. Ordered by number (submission order).
 */
export async function loadPool(
  executor: DB | Trx,
  contestId: string,
  options: { withDeclined?: boolean; designers?: string[] } = {},
): Promise<PoolEntry[]> {
  if (options.designers && options.designers.length === 0) return [];
  let query = executor
    .selectFrom("entries")
    .innerJoin("users", "users.id", "entries.designer_id")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select([
      "entries.id",
      "entries.number",
      "entries.title",
      "entries.designer_id",
      "entries.status",
      "entries.decline_reason",
      "entries.ai_declared",
      "users.display_name",
      "entry_revisions.preview_key",
      "entry_revisions.thumbnail_key",
      "entry_revisions.width",
      "entry_revisions.height",
    ])
    .where("entries.contest_id", "=", contestId)
    .where("entries.status", "in", options.withDeclined ? ["ready", "declined"] : ["ready"])
    .orderBy("entries.number");
  if (options.designers) query = query.where("entries.designer_id", "in", options.designers);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    designerId: r.designer_id,
    designerName: r.display_name,
    status: r.status,
    declineReason: r.decline_reason,
    previewUrl: r.preview_key ? mediaUrl(r.preview_key) : null,
    thumbUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : r.preview_key ? mediaUrl(r.preview_key) : null,
    width: r.width,
    height: r.height,
    aiDeclared: r.ai_declared,
  }));
}
