import { db, transaction } from "~db/index";
import type { EntryStatus } from "~db/schema";
import type { Locale } from "~/i18n";
import { now } from "~/utils/clock.server";
import { contestAccess, seesOthersEntries, type ContestPermissions } from "../contests/access.server";
import { loadContest, type Contest } from "../contests/contests.server";
import { isTerminal } from "../contests/machine";
import { refusal, type Refusal } from "../refusal";
import { decisionRound, ratingRound } from "../judging/access.server";
import { mediaUrl } from "./media";
import { rejectionText } from "./rejection.server";
import { MARKED_THUMBNAILS_SINCE } from "./watermark";
import { aiDeclaration, type AiDeclaration } from "../contests/generative-ai";

/** What the gallery shows of an entry (kept small: it also travels to the browser for hydration). */
export interface EntryCard {
  id: string;
  number: number;
  title: string;
  /** Null when the contest is blind to this viewer (judges judge blind; see `namesDesigners`). */
  designerName: string | null;
  /** The designer's profile address, only beside a name this viewer is shown. */
  designerHandle: string | null;
  status: EntryStatus;
  thumbnailUrl: string | null;
  isOwn: boolean;
  /** The winning entry (once the client picked it). */
  isWinner: boolean;
  /** The client's own stars in the round being rated or decided (null for everyone else). */
  myStars: number | null;
  /** "Similar, please review" markers this viewer may see (see `similarMarkers`). */
  similar: SimilarMarker[];
  /** What the designer declared about generative AI, for the people who decide and the designer (null: not shown). */
  aiDeclaration: AiDeclaration | null;
}

/** The client, the judges and the entry's own designer read its generative-AI declaration (ADR 0041). */
function seesDeclaration(access: ContestPermissions, isOwn: boolean) {
  return isOwn || access.isClient || access.isJudge;
}

/**
 * A "similar, please review" marker: a pair of near-identical images by two designers, for a person
 * to look at, never a verdict. "later": this entry resembles an earlier one (its contest's client
 * reviews it); "earlier": a later entry resembles this one (this entry's designer is told).
 */
export interface SimilarMarker {
  flagId: string;
  side: "later" | "earlier";
  /** The client reviewed the pair and kept the entry (only the earlier designer still sees these). */
  dismissed: boolean;
  /** The earlier image is a portfolio piece of another designer (then `other` is null). */
  piece: boolean;
  /** The other entry, only when this viewer may see it (blind and private contests stay hidden). */
  other: {
    id: string;
    number: number;
    contestId: string;
    sameContest: boolean;
    thumbnailUrl: string | null;
  } | null;
}

/** The entries in the running: the one count the contest page, its gallery and the lists show. */
export async function countEntriesInRunning(contestId: string): Promise<number> {
  const row = await db()
    .selectFrom("entries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("contest_id", "=", contestId)
    .where("status", "=", "ready")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the gallery names the designers to this viewer: judges judge blind until the contest ends. */
function namesDesigners(contest: Contest, access: ContestPermissions) {
  if (isTerminal(contest.status) || contest.status === "handover") return true;
  return access.isClient || !access.isJudge;
}

export type GallerySort = "newest" | "oldest";

/**
 * The gallery as this viewer may see it: everything for the client and judges; in a blind contest,
 * a designer's own entries and only a count of the others until the contest ends. Withdrawn,
 * processing and rejected entries show only to their designer; declined ones to the client too.
 */
export async function listGallery(input: {
  contest: Contest;
  access: ContestPermissions;
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
      "users.handle",
      "entries.status",
      "entries.ai_declared",
      "entry_revisions.thumbnail_key",
    ])
    .where("entries.contest_id", "=", contest.id)
    .orderBy("entries.created_at", input.sort === "oldest" ? "asc" : "desc")
    .orderBy("entries.number", input.sort === "oldest" ? "asc" : "desc")
    .execute();
  const others = seesOthersEntries(contest, access);
  const names = namesDesigners(contest, access);
  const [stars, similar] = await Promise.all([
    access.isClient ? clientStars(contest) : Promise.resolve(new Map<string, number>()),
    similarMarkers({ contest, access, viewerId }),
  ]);
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
      designerName: names || isOwn ? r.display_name : null,
      designerHandle: names || isOwn ? r.handle : null,
      status: r.status,
      thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
      isOwn,
      isWinner: contest.winningEntryId === r.id,
      myStars: stars.get(r.id) ?? null,
      similar: similar.get(r.id) ?? [],
      aiDeclaration: seesDeclaration(access, isOwn) ? aiDeclaration(r.ai_declared) : null,
    });
  }
  return { entries, hiddenCount };
}

/** The client's stars on each entry, in the round the viewer rates now (else the one decided). */
async function clientStars(contest: Contest): Promise<Map<string, number>> {
  const round =
    ratingRound(contest) ?? decisionRound({ ...contest, hasFinalists: contest.finalists.length > 0 });
  const rows = await db()
    .selectFrom("ratings")
    .select(["entry_id", "stars"])
    .where("contest_id", "=", contest.id)
    .where("rater_id", "=", contest.clientId)
    .where("round", "=", round)
    .execute();
  return new Map(rows.map((r) => [r.entry_id, r.stars]));
}

/**
 * The "similar, please review" markers of one contest's entries for one viewer: the client sees the
 * flags on later entries of their contest until they dismiss them; a designer sees the flags on their
 * own earlier entries. The other entry of a pair is named only when this viewer may see it
 * (`maySeeEntry`): a designer never learns of another designer's entry in a blind contest this way.
 */
export async function similarMarkers(input: {
  contest: Contest;
  access: ContestPermissions;
  viewerId: string | null;
}): Promise<Map<string, SimilarMarker[]>> {
  const { contest, access, viewerId } = input;
  const out = new Map<string, SimilarMarker[]>();
  if (!viewerId || !access.canReadBrief) return out;
  const [later, earlier] = await Promise.all([
    access.isClient && access.seesAllEntries
      ? db()
          .selectFrom("similarity_flags")
          .select([
            "id",
            "entry_id as on_entry",
            "earlier_entry_id as other_entry",
            "earlier_piece_id",
            "dismissed_at",
          ])
          .where("contest_id", "=", contest.id)
          .where("dismissed_at", "is", null)
          .orderBy("distance")
          .execute()
      : Promise.resolve([]),
    db()
      .selectFrom("similarity_flags")
      .innerJoin("entries", "entries.id", "similarity_flags.earlier_entry_id")
      .select([
        "similarity_flags.id",
        "similarity_flags.earlier_entry_id as on_entry",
        "similarity_flags.entry_id as other_entry",
        "similarity_flags.earlier_piece_id",
        "similarity_flags.dismissed_at",
      ])
      .where("similarity_flags.earlier_contest_id", "=", contest.id)
      .where("entries.designer_id", "=", viewerId)
      .orderBy("similarity_flags.distance")
      .execute(),
  ]);
  const flags = [
    ...later.map((f) => ({ ...f, side: "later" as const })),
    ...earlier.map((f) => ({ ...f, side: "earlier" as const })),
  ];
  if (flags.length === 0) return out;
  const others = await visibleEntries(
    flags.map((f) => f.other_entry),
    viewerId,
  );
  for (const f of flags) {
    const other = others.get(f.other_entry);
    // A later entry that left the contest (withdrawn) is no longer anything to review.
    if (f.side === "earlier" && other === undefined && !(await entryStillIn(f.other_entry))) continue;
    const list = out.get(f.on_entry) ?? [];
    list.push({
      flagId: f.id,
      side: f.side,
      dismissed: f.dismissed_at !== null,
      piece: f.side === "later" && f.earlier_piece_id !== null,
      other: other ? { ...other, sameContest: other.contestId === contest.id } : null,
    });
    out.set(f.on_entry, list);
  }
  return out;
}

async function entryStillIn(entryId: string) {
  const row = await db().selectFrom("entries").select("status").where("id", "=", entryId).executeTakeFirst();
  return row?.status === "ready" || row?.status === "declined";
}

/** Of these entries, the ones this viewer may see (the rule `maySeeEntry` owns), with a thumbnail. */
async function visibleEntries(entryIds: string[], viewerId: string | null) {
  const out = new Map<
    string,
    { id: string; number: number; contestId: string; thumbnailUrl: string | null }
  >();
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return out;
  const rows = await db()
    .selectFrom("entries")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select([
      "entries.id",
      "entries.number",
      "entries.contest_id",
      "entries.designer_id",
      "entries.status",
      "entry_revisions.thumbnail_key",
    ])
    .where("entries.id", "in", ids)
    .execute();
  const contests = new Map<string, { contest: Contest; access: ContestPermissions } | null>();
  for (const r of rows) {
    if (!contests.has(r.contest_id)) {
      const contest = await loadContest(db(), r.contest_id);
      contests.set(
        r.contest_id,
        contest ? { contest, access: await contestAccess(db(), contest, viewerId) } : null,
      );
    }
    const c = contests.get(r.contest_id);
    if (!c || !maySeeEntry(c.contest, c.access, r, viewerId)) continue;
    out.set(r.id, {
      id: r.id,
      number: r.number,
      contestId: r.contest_id,
      thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
    });
  }
  return out;
}

/** Whether this viewer may see this entry at all (the rule the page, the data and the media share). */
function maySeeEntry(
  contest: Contest,
  access: ContestPermissions,
  entry: { designer_id: string; status: EntryStatus },
  viewerId: string | null,
) {
  if (!access.canView) return false;
  if (viewerId !== null && entry.designer_id === viewerId) return true;
  if (!seesOthersEntries(contest, access)) return false;
  return entry.status === "ready" || (entry.status === "declined" && access.seesAllEntries);
}

/** One entry with its versions, or null when the viewer may not see it (answer 404). */
export async function getEntryForViewer(input: { entryId: string; viewerId: string | null; locale: Locale }) {
  const entry = await db()
    .selectFrom("entries")
    .innerJoin("users", "users.id", "entries.designer_id")
    .selectAll("entries")
    .select(["users.display_name as designer_name", "users.handle as designer_handle"])
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
      "ai_declared",
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
      // Named (and linked to the profile) only where the gallery names designers: judges judge blind.
      designerName: isOwn || namesDesigners(contest, access) ? entry.designer_name : null,
      designerHandle: isOwn || namesDesigners(contest, access) ? entry.designer_handle : null,
      currentRevisionId: entry.current_revision_id,
      rejectReason: entry.reject_reason === null ? null : rejectionText(entry.reject_reason, input.locale),
      declineReason: isOwn || access.isClient ? entry.decline_reason : null,
      aiDeclaration: seesDeclaration(access, isOwn) ? aiDeclaration(entry.ai_declared) : null,
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
        rejectReason: isOwn && r.reject_reason !== null ? rejectionText(r.reject_reason, input.locale) : null,
        createdAt: r.created_at,
        current: r.id === entry.current_revision_id,
        aiDeclaration: seesDeclaration(access, isOwn) ? aiDeclaration(r.ai_declared) : null,
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
  /** Support staff deciding a report or a flag see any ready watermarked image (never an original). */
  asSupport?: boolean;
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
  const visible =
    input.asSupport === true ||
    maySeeEntry(
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
export async function listMyEntries(designerId: string, locale: Locale) {
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
    rejectReason: r.reject_reason === null ? null : rejectionText(r.reject_reason, locale),
    contestId: r.contest_id,
    contestTitle: r.contest_title,
    contestStatus: r.contest_status,
    won: r.winning_entry_id === r.id,
    thumbnailUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
  }));
}

export type WithdrawResult = { ok: true } | Refusal<"entry", "not_found" | "not_withdrawable">;

/** The designer takes an entry back: it leaves the gallery; its history stays for the record. */
export async function withdrawEntry(input: { entryId: string; designerId: string }): Promise<WithdrawResult> {
  return transaction(async (trx) => {
    const entry = await trx
      .selectFrom("entries")
      .select(["designer_id", "status", "contest_id"])
      .where("id", "=", input.entryId)
      .executeTakeFirst();
    // Someone else's entry is answered as one that does not exist.
    if (!entry || entry.designer_id !== input.designerId) return refusal("entry", "not_found");
    const contest = await trx
      .selectFrom("contests")
      .select(["winning_entry_id"])
      .where("id", "=", entry.contest_id)
      .executeTakeFirstOrThrow();
    if (entry.status === "withdrawn" || contest.winning_entry_id === input.entryId)
      return refusal("entry", "not_withdrawable");
    await trx
      .updateTable("entries")
      .set({ status: "withdrawn", withdrawn_at: now(), updated_at: now() })
      .where("id", "=", input.entryId)
      .execute();
    return { ok: true };
  });
}
