import { db, transaction } from "~db/index";
import type { EntryStatus } from "~db/schema";
import { now } from "~/utils/clock.server";
import { contestAccess, seesOthersEntries, type ContestAccess } from "../contests/access.server";
import { loadContest, type Contest } from "../contests/contests.server";
import { mediaUrl } from "./media";
import { MARKED_THUMBNAILS_SINCE } from "./watermark";

/** What the gallery shows of an entry (kept small: it also travels to the browser for hydration). */
export interface EntryCard {
  id: string;
  number: number;
  title: string;
  designerName: string;
  status: EntryStatus;
  thumbnailUrl: string | null;
  isOwn: boolean;
}

export type GallerySort = "newest" | "oldest";

/**
 * The gallery as this viewer may see it: everything for the client and judges; in a blind contest,
 * a designer's own entries and only a count of the others until the contest ends. Withdrawn,
 * processing and rejected entries show only to their designer; declined ones to the client too.
 */
export async function listGallery(input: {
  contest: Contest;
  access: ContestAccess;
  viewerId: string | null;
  sort?: GallerySort;
}): Promise<{ entries: EntryCard[]; hiddenCount: number }> {
  const { contest, access, viewerId } = input;
  if (!access.canReadBrief) return { entries: [], hiddenCount: 0 };
  const rows = await db()
    .selectFrom("entries")
    .innerJoin("users", "users.id", "entries.designer_id")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select([
      "entries.id",
      "entries.number",
      "entries.title",
      "entries.designer_id",
      "users.display_name",
      "entries.status",
      "entry_revisions.thumbnail_key",
    ])
    .where("entries.contest_id", "=", contest.id)
    .orderBy("entries.created_at", input.sort === "oldest" ? "asc" : "desc")
    .orderBy("entries.number", input.sort === "oldest" ? "asc" : "desc")
    .execute();
  const others = seesOthersEntries(contest, access);
  const entries: EntryCard[] = [];
  let hiddenCount = 0;
  for (const r of rows) {
    const isOwn = r.designer_id === viewerId;
    const visible = isOwn
      ? r.status !== "withdrawn"
      : others && (r.status === "ready" || (r.status === "declined" && access.seesAllEntries));
    if (!visible) {
      if (!isOwn && r.status === "ready") hiddenCount++;
      continue;
    }
    entries.push({
      id: r.id,
      number: r.number,
      title: r.title,
      designerName: r.display_name,
      status: r.status,
      thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
      isOwn,
    });
  }
  return { entries, hiddenCount };
}

/** Whether this viewer may see this entry at all (the rule the page, the data and the media share). */
function maySeeEntry(
  contest: Contest,
  access: ContestAccess,
  entry: { designer_id: string; status: EntryStatus },
  viewerId: string | null,
) {
  if (!access.canView) return false;
  if (viewerId !== null && entry.designer_id === viewerId) return true;
  if (!seesOthersEntries(contest, access)) return false;
  return entry.status === "ready" || (entry.status === "declined" && access.seesAllEntries);
}

/** One entry with its versions, or null when the viewer may not see it (answer 404). */
export async function getEntryForViewer(input: { entryId: string; viewerId: string | null }) {
  const entry = await db()
    .selectFrom("entries")
    .innerJoin("users", "users.id", "entries.designer_id")
    .selectAll("entries")
    .select("users.display_name as designer_name")
    .where("entries.id", "=", input.entryId)
    .executeTakeFirst();
  if (!entry) return null;
  const contest = await loadContest(db(), entry.contest_id);
  if (!contest) return null;
  const access = await contestAccess(db(), contest, input.viewerId);
  if (!maySeeEntry(contest, access, entry, input.viewerId)) return null;
  const isOwn = entry.designer_id === input.viewerId;
  const revisions = await db()
    .selectFrom("entry_revisions")
    .select([
      "id",
      "version",
      "status",
      "preview_key",
      "thumbnail_key",
      "width",
      "height",
      "reject_reason",
      "created_at",
      "ready_at",
    ])
    .where("entry_id", "=", entry.id)
    .orderBy("version", "desc")
    .execute();
  return {
    contest,
    access,
    isOwn,
    entry: {
      id: entry.id,
      number: entry.number,
      title: entry.title,
      note: isOwn || access.isClient ? entry.note : "",
      status: entry.status,
      designerId: entry.designer_id,
      designerName: entry.designer_name,
      currentRevisionId: entry.current_revision_id,
      rejectReason: entry.reject_reason,
      declineReason: isOwn || access.isClient ? entry.decline_reason : null,
      createdAt: entry.created_at,
    },
    // Others see only finished versions; the designer also sees those still processing or refused.
    revisions: revisions
      .filter((r) => isOwn || r.status === "ready")
      .map((r) => ({
        id: r.id,
        version: r.version,
        status: r.status,
        previewUrl: r.preview_key ? mediaUrl(r.preview_key) : null,
        thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
        width: r.width,
        height: r.height,
        rejectReason: isOwn ? r.reject_reason : null,
        createdAt: r.created_at,
        current: r.id === entry.current_revision_id,
      })),
  };
}

/**
 * The blob to answer a request for a public image with, or null (answer 404): the key must be the
 * current preview or thumbnail of a ready revision this viewer may see. A thumbnail drawn before
 * thumbnails were watermarked (an older watermark version, not yet re-marked by the entries.remark
 * job) is answered with the revision's watermarked preview instead: no clean copy leaves.
 */
export async function publicMediaKey(input: {
  key: string;
  viewerId: string | null;
}): Promise<string | null> {
  const m = /^public\/(previews|thumbs)\/([a-z0-9]+)\/([a-z0-9]+)(?:-w\d+)?\.webp$/.exec(input.key);
  if (!m) return null;
  const revision = await db()
    .selectFrom("entry_revisions")
    .innerJoin("entries", "entries.id", "entry_revisions.entry_id")
    .select([
      "entries.id as entry_id",
      "entries.designer_id",
      "entries.status",
      "entry_revisions.status as revision_status",
      "entry_revisions.contest_id",
      "entry_revisions.preview_key",
      "entry_revisions.thumbnail_key",
      "entry_revisions.watermark_version",
    ])
    .where("entry_revisions.id", "=", m[3]!)
    .executeTakeFirst();
  if (!revision || revision.contest_id !== m[2] || revision.revision_status !== "ready") return null;
  if (input.key !== revision.preview_key && input.key !== revision.thumbnail_key) return null;
  const contest = await loadContest(db(), revision.contest_id);
  if (!contest) return null;
  const access = await contestAccess(db(), contest, input.viewerId);
  const visible = maySeeEntry(
    contest,
    access,
    { designer_id: revision.designer_id, status: revision.status },
    input.viewerId,
  );
  if (!visible) return null;
  if (input.key === revision.thumbnail_key && revision.watermark_version < MARKED_THUMBNAILS_SINCE) {
    return revision.preview_key;
  }
  return input.key;
}

/** The designer's entries across contests, newest first, with each entry's status. */
export async function listMyEntries(designerId: string) {
  const rows = await db()
    .selectFrom("entries")
    .innerJoin("contests", "contests.id", "entries.contest_id")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select([
      "entries.id",
      "entries.number",
      "entries.title",
      "entries.status",
      "entries.revision_count",
      "entries.created_at",
      "entries.reject_reason",
      "contests.id as contest_id",
      "contests.title as contest_title",
      "contests.status as contest_status",
      "contests.winner_id",
      "contests.winning_entry_id",
      "entry_revisions.thumbnail_key",
    ])
    .where("entries.designer_id", "=", designerId)
    .orderBy("entries.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    revisionCount: r.revision_count,
    createdAt: r.created_at,
    rejectReason: r.reject_reason,
    contestId: r.contest_id,
    contestTitle: r.contest_title,
    contestStatus: r.contest_status,
    won: r.winning_entry_id === r.id,
    thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
  }));
}

export type WithdrawResult =
  { ok: true } | { ok: false; reason: "not_found" | "not_owner" | "not_withdrawable" };

/** The designer takes an entry back: it leaves the gallery; its history stays for the record. */
export async function withdrawEntry(input: { entryId: string; designerId: string }): Promise<WithdrawResult> {
  return transaction(async (trx) => {
    const entry = await trx
      .selectFrom("entries")
      .select(["designer_id", "status", "contest_id"])
      .where("id", "=", input.entryId)
      .executeTakeFirst();
    if (!entry) return { ok: false, reason: "not_found" };
    if (entry.designer_id !== input.designerId) return { ok: false, reason: "not_owner" };
    const contest = await trx
      .selectFrom("contests")
      .select(["winning_entry_id"])
      .where("id", "=", entry.contest_id)
      .executeTakeFirstOrThrow();
    if (entry.status === "withdrawn" || contest.winning_entry_id === input.entryId)
      return { ok: false, reason: "not_withdrawable" };
    await trx
      .updateTable("entries")
      .set({ status: "withdrawn", withdrawn_at: now(), updated_at: now() })
      .where("id", "=", input.entryId)
      .execute();
    return { ok: true };
  });
}
