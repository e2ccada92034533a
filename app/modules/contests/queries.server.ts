import { sql, type ExpressionBuilder } from "kysely";
import { db, dialectOf, type DB, type Trx } from "~db/index";
import type { ContestStatus, Database } from "~db/schema";
import { contestMatches } from "~db/search";
import { now } from "~/utils/clock.server";
import { NEUTRAL_STYLE, normalizeHex, type Category } from "./brief";
import {
  DEFAULT_FILTERS,
  ENDING_SOON_MS,
  PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  type BrowseFilters,
  type StatusFilter,
} from "./browse";
import { contestAccess, type ContestPermissions } from "./access.server";
import { loadContest, type Contest } from "./contests.server";
import type { BriefChange } from "./machine";
import { countEntriesInRunning, listGallery, type EntryCard } from "../entries/entries.server";
import { JUDGING_CLIENT_ONLY_EVENTS } from "../judging/events";
import { auditForContest } from "../support/audit.server";

/** Who is looking: a logged-in person (any account may act as client and designer) or nobody. */
export type Viewer = { id: string } | null;

/**
 * How the viewer stands with a contest. A `designer` is any logged-in person who is not the client
 * nor one of its judges; a `visitor` is logged out.
 */
export type ViewerRole = "client" | "judge" | "designer" | "visitor";

export interface ViewerStanding {
  role: ViewerRole;
  /** Invited to this private contest, or one of its judges (a contest_members row). */
  member: boolean;
  /** A private contest's NDA waits for this person: the brief, references and gallery stay hidden. */
  ndaPending: boolean;
  canSeeBrief: boolean;
  /** The full rule's answer (access.server.ts), for the modules that need more (the gallery). */
  rule: ContestPermissions;
}

/** The status filter of the list, as contest states. */
export const STATUS_GROUPS: Record<StatusFilter, ContestStatus[]> = {
  open: ["qualifying"],
  judging: ["finalist_selection", "final_round", "winner_selection"],
  finished: ["handover", "completed"],
};

/**
 * The contest and how this viewer stands with it, or null when the viewer may not know it exists
 * (a 404, never a 403, so nothing is revealed). The rule itself lives in access.server.ts: drafts
 * (and deleted drafts) only to their client; private contests only to their client, judges and
 * invited designers, who accept the NDA before they see the brief; every other launched contest
 * to everyone.
 */
export async function loadContestWithAccess(
  executor: DB | Trx,
  contestId: string,
  viewer: Viewer,
): Promise<{ contest: Contest; access: ViewerStanding } | null> {
  if (!/^[a-z0-9]{1,64}$/.test(contestId)) return null;
  const contest = await loadContest(executor, contestId);
  if (!contest) return null;
  const rule = await contestAccess(executor, contest, viewer?.id ?? null);
  if (!rule.canView) return null;
  const role: ViewerRole = rule.isClient
    ? "client"
    : rule.isJudge
      ? "judge"
      : viewer
        ? "designer"
        : "visitor";
  return {
    contest,
    access: {
      role,
      member: rule.isInvitedDesigner || rule.isJudge,
      ndaPending: rule.ndaPending,
      canSeeBrief: rule.canReadBrief,
      rule,
    },
  };
}

export interface ReferenceSummary {
  id: string;
  filename: string;
  width: number;
  height: number;
}

export interface ContestForViewer {
  /** With the brief's descriptive fields emptied when the viewer may not see the brief yet. */
  contest: Contest;
  access: ViewerStanding;
  clientName: string;
  entryCount: number;
  references: ReferenceSummary[];
  finalistNames: Record<string, string>;
  winnerName: string | null;
  /** The entries this viewer may see, and how many a blind contest hides from them. */
  gallery: { entries: EntryCard[]; hiddenCount: number };
}

/** Everything the contest page shows, as this viewer may see it; null → 404. */
export async function getContestForViewer(input: {
  contestId: string;
  viewer: Viewer;
}): Promise<ContestForViewer | null> {
  const found = await loadContestWithAccess(db(), input.contestId, input.viewer);
  if (!found) return null;
  const { access } = found;
  const contest = access.canSeeBrief ? found.contest : hideBrief(found.contest);
  const [client, entryCount, references, names, gallery] = await Promise.all([
    db().selectFrom("users").select("display_name").where("id", "=", contest.clientId).executeTakeFirst(),
    countEntriesInRunning(contest.id),
    access.canSeeBrief ? listReferences(contest.id) : Promise.resolve([]),
    userNames([...contest.finalists, ...(contest.winnerId ? [contest.winnerId] : [])]),
    listGallery({ contest: found.contest, access: access.rule, viewerId: input.viewer?.id ?? null }),
  ]);
  return {
    contest,
    access,
    clientName: client?.display_name ?? "",
    entryCount,
    references,
    finalistNames: Object.fromEntries(contest.finalists.map((id) => [id, names.get(id) ?? ""])),
    winnerName: contest.winnerId ? (names.get(contest.winnerId) ?? null) : null,
    gallery,
  };
}

function hideBrief(c: Contest): Contest {
  return {
    ...c,
    description: "",
    industry: "",
    audience: "",
    mustHaves: "",
    style: { ...NEUTRAL_STYLE },
    colorsUse: [],
    colorsAvoid: [],
    deliverables: [],
  };
}

export async function listReferences(contestId: string): Promise<ReferenceSummary[]> {
  return db()
    .selectFrom("contest_references")
    .select(["id", "filename", "width", "height"])
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

async function userNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db()
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

// ---- the timeline --------------------------------------------------------------------------------

export interface TimelineEvent {
  id: string;
  kind: string;
  at: number;
  /** Null when the platform acted (a deadline passing). */
  actorName: string | null;
  byClient: boolean;
  data: Record<string, unknown>;
  /** Names of the designers the event mentions (finalists, a winner, awards). */
  names: Record<string, string>;
}

/**
 * Events only the client sees: the brief's drafting is nobody else's business, nor who judges and
 * which entries and designers the client turned away (judging's events).
 */
const CLIENT_ONLY_EVENTS = ["draft_created", "draft_saved", "cancelled", ...JUDGING_CLIENT_ONLY_EVENTS];

/** The contest's timeline, oldest first, as this viewer may see it; null when the contest is hidden. */
export async function listContestEvents(input: {
  contestId: string;
  viewer: Viewer;
}): Promise<TimelineEvent[] | null> {
  const found = await loadContestWithAccess(db(), input.contestId, input.viewer);
  if (!found) return null;
  const isClient = found.access.role === "client";
  let query = db()
    .selectFrom("contest_events")
    .leftJoin("users", "users.id", "contest_events.actor_id")
    .select([
      "contest_events.id",
      "contest_events.kind",
      "contest_events.actor_id",
      "contest_events.data",
      "contest_events.created_at",
      "users.display_name as actor_name",
    ])
    .where("contest_events.contest_id", "=", input.contestId)
    .orderBy("contest_events.version")
    .orderBy("contest_events.created_at");
  if (!isClient) query = query.where("contest_events.kind", "not in", CLIENT_ONLY_EVENTS);
  // Until the NDA is accepted, the brief's changes are part of what stays hidden.
  if (!found.access.canSeeBrief) query = query.where("contest_events.kind", "!=", "brief_changed");
  const [rows, audit] = await Promise.all([query.execute(), auditForContest(input.contestId)]);
  const machineEvents = rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      at: r.created_at,
      actorName: r.actor_name,
      byClient: r.actor_id === found.contest.clientId,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }))
    // Support's decisions are told by their audit rows, with the reason (ADR 0043).
    .filter((e) => !SUPPORT_MADE_EVENTS.includes(e.kind) && e.data.bySupport !== true);
  const events = mergeByTime(
    machineEvents,
    audit.map((a) => ({
      id: a.id,
      kind: "audit",
      at: a.created_at,
      actorName: null,
      byClient: false,
      data: auditOnTimeline(a),
    })),
  );
  const mentioned = events.flatMap((e) => mentionedDesigners(e.data));
  const names = await userNames(mentioned);
  return events.map((e) => ({
    ...e,
    names: Object.fromEntries(mentionedDesigners(e.data).map((id) => [id, names.get(id) ?? ""])),
  }));
}

/**
 * What a contest's parties read of an audit row: the action, its reason and the facts the sentence
 * needs. A hide that a suspension made carries no reason: the suspension is the account's business.
 */
export function auditOnTimeline(a: {
  action: string;
  reason: string;
  data: string;
}): Record<string, unknown> {
  const data = JSON.parse(a.data) as Record<string, unknown>;
  const facts = {
    action: a.action,
    number: data.number,
    days: data.days,
    mode: data.mode,
    designerId: data.designerId,
    bySuspension: data.bySuspension === true,
  };
  return facts.bySuspension ? facts : { ...facts, reason: a.reason };
}

/** The contest's events that a support decision made; its audit row tells them instead. */
export const SUPPORT_MADE_EVENTS = ["refunded_by_decision", "awarded_by_decision", "prize_released"];

/** The audit rows among the events, each after the events that came before it. */
export function mergeByTime<T extends { at: number }>(events: T[], rows: T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  for (const e of events) {
    while (i < rows.length && rows[i]!.at < e.at) merged.push(rows[i++]!);
    merged.push(e);
  }
  return [...merged, ...rows.slice(i)];
}

function mentionedDesigners(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  if (typeof data.designerId === "string") ids.push(data.designerId);
  if (Array.isArray(data.designerIds)) ids.push(...data.designerIds.filter((d) => typeof d === "string"));
  if (Array.isArray(data.awards)) {
    for (const a of data.awards as { designerId?: unknown }[])
      if (typeof a.designerId === "string") ids.push(a.designerId);
  }
  return ids;
}

/** The dated list of changes to a launched brief, newest first (what designers check before revising). */
export function briefChangesOf(events: TimelineEvent[]): { at: number; changes: BriefChange[] }[] {
  return events
    .filter((e) => e.kind === "brief_changed" && Array.isArray(e.data.changes))
    .map((e) => ({ at: e.at, changes: e.data.changes as BriefChange[] }))
    .reverse();
}

// ---- browsing ------------------------------------------------------------------------------------

export interface ContestCardData {
  id: string;
  title: string;
  businessName: string;
  category: Category;
  status: ContestStatus;
  prize: number;
  currency: string;
  roundEndsAt: number | null;
  launchedAt: number | null;
  entryCount: number;
  guaranteed: boolean;
  blind: boolean;
  isPrivate: boolean;
  fastTrack: boolean;
  /** The brief's hex colours, for the card's cover when there are no entries to show yet. */
  palette: string[];
  /** Public thumbnails of the latest entries (never for blind contests). */
  thumbnails: string[];
}

/** "No end" for the ending-soon sort (contests without a running clock sort last). */
const NO_END = 8_640_000_000_000_000;

type ContestsEB = ExpressionBuilder<Database, "contests">;

/** Contests this viewer may list: launched, and public unless they run it or were invited to it. */
function listableBy(eb: ContestsEB, viewer: Viewer) {
  const visible = [eb("contests.is_private", "=", 0)];
  if (viewer) {
    visible.push(eb("contests.client_id", "=", viewer.id));
    visible.push(
      eb.exists(
        eb
          .selectFrom("contest_members")
          .select("contest_members.user_id")
          .whereRef("contest_members.contest_id", "=", "contests.id")
          .where("contest_members.user_id", "=", viewer.id),
      ),
    );
  }
  return eb.and([eb("contests.launched_at", "is not", null), eb.or(visible)]);
}

/**
 * One page of contests for /contests (and the landing page), with keyset pagination: the cursor is
 * the last card's sort key and id, so contests launched while someone pages neither repeat nor
 * push others out of sight.
 */
export async function listOpenContests(
  filters: BrowseFilters,
  viewer: Viewer,
  options: { limit?: number } = {},
): Promise<{ items: ContestCardData[]; nextCursor: string | null }> {
  const limit = options.limit ?? PAGE_SIZE;
  const database = db();
  const at = now();
  const sortKey =
    filters.sort === "ending"
      ? sql<number>`coalesce(contests.round_ends_at, ${NO_END})`
      : filters.sort === "newest"
        ? sql<number>`contests.launched_at`
        : sql<number>`contests.prize_minor`;
  const ascending = filters.sort === "ending";

  let query = database
    .selectFrom("contests")
    .select((eb) => [
      "contests.id",
      "contests.title",
      "contests.business_name",
      "contests.category",
      "contests.status",
      "contests.prize_minor",
      "contests.currency",
      "contests.round_ends_at",
      "contests.launched_at",
      "contests.guaranteed",
      "contests.blind",
      "contests.is_private",
      "contests.fast_track",
      "contests.colors_use",
      sortKey.as("sort_key"),
      eb
        .selectFrom("entries")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("entries.contest_id", "=", "contests.id")
        .where("entries.status", "=", "ready")
        .as("entry_count"),
    ])
    .where((eb) => listableBy(eb, viewer))
    .where("contests.status", "in", STATUS_GROUPS[filters.status]);

  if (filters.categories.length) query = query.where("contests.category", "in", filters.categories);
  if (filters.currency) query = query.where("contests.currency", "=", filters.currency);
  if (filters.minPrize !== null) query = query.where("contests.prize_minor", ">=", filters.minPrize);
  if (filters.maxPrize !== null) query = query.where("contests.prize_minor", "<=", filters.maxPrize);
  if (filters.guaranteed) query = query.where("contests.guaranteed", "=", 1);
  if (filters.endingSoon) {
    query = query
      .where("contests.round_ends_at", "is not", null)
      .where("contests.round_ends_at", "<=", at + ENDING_SOON_MS);
  }
  const match = contestMatches(filters.q, dialectOf(database));
  if (match) query = query.where(match);

  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    query = ascending
      ? query.where(
          sql<boolean>`(${sortKey} > ${cursor.key} or (${sortKey} = ${cursor.key} and contests.id > ${cursor.id}))`,
        )
      : query.where(
          sql<boolean>`(${sortKey} < ${cursor.key} or (${sortKey} = ${cursor.key} and contests.id < ${cursor.id}))`,
        );
  }
  const direction = ascending ? "asc" : "desc";
  const rows = await query
    .orderBy(sortKey, direction)
    .orderBy("contests.id", direction)
    .limit(limit + 1)
    .execute();

  const page = rows.slice(0, limit);
  const thumbs = await latestThumbnails(page.filter((r) => r.blind === 0).map((r) => r.id));
  const items: ContestCardData[] = page.map((r) => ({
    id: r.id,
    title: r.title,
    businessName: r.business_name,
    category: r.category as Category,
    status: r.status,
    prize: r.prize_minor,
    currency: r.currency,
    roundEndsAt: r.round_ends_at,
    launchedAt: r.launched_at,
    entryCount: Number(r.entry_count ?? 0),
    guaranteed: r.guaranteed === 1,
    blind: r.blind === 1,
    isPrivate: r.is_private === 1,
    fastTrack: r.fast_track === 1,
    palette: paletteOf(r.colors_use),
    thumbnails: thumbs.get(r.id) ?? [],
  }));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ key: Number(last.sort_key), id: last.id }) : null;
  return { items, nextCursor };
}

function paletteOf(json: string): string[] {
  try {
    return (JSON.parse(json) as string[])
      .map((c) => normalizeHex(c))
      .filter((c): c is string => c !== null)
      .slice(0, 5);
  } catch {
    return [];
  }
}

/** Up to three thumbnail keys of each contest's latest ready entries. */
async function latestThumbnails(contestIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (contestIds.length === 0) return out;
  const rows = await db()
    .selectFrom("entries")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select(["entries.contest_id", "entry_revisions.thumbnail_key"])
    .where("entries.contest_id", "in", contestIds)
    .where("entries.status", "=", "ready")
    .where("entry_revisions.thumbnail_key", "is not", null)
    .orderBy("entries.created_at", "desc")
    .orderBy("entries.id", "desc")
    .execute();
  for (const r of rows) {
    const list = out.get(r.contest_id) ?? [];
    if (list.length < 3 && r.thumbnail_key) list.push(r.thumbnail_key);
    out.set(r.contest_id, list);
  }
  return out;
}

/** Live public contests with the biggest prizes, for the landing page. */
export async function listLiveContests(limit = 6) {
  const { items } = await listOpenContests({ ...DEFAULT_FILTERS, sort: "prize" }, null, { limit });
  return items;
}

// ---- the client's dashboard ----------------------------------------------------------------------

/**
 * The entries module tells the client of each new entry (its first version ready) with this kind;
 * unread ones are "new entries to rate" on the dashboard, seen once the client opens the contest.
 */
export const NEW_ENTRY_NOTIFICATION = "entry.new";

export interface ClientContestSummary {
  id: string;
  title: string;
  category: Category;
  status: ContestStatus;
  prize: number;
  currency: string;
  draftStep: number;
  roundEndsAt: number | null;
  fastTrack: boolean;
  isPrivate: boolean;
  guaranteed: boolean;
  entryCount: number;
  newEntries: number;
  handoverStarted: boolean;
  updatedAt: number;
}

/** Every contest of this client, most recently touched first, with what the dashboard needs. */
export async function listClientContests(clientId: string): Promise<ClientContestSummary[]> {
  const rows = await db()
    .selectFrom("contests")
    .select((eb) => [
      "contests.id",
      "contests.title",
      "contests.category",
      "contests.status",
      "contests.prize_minor",
      "contests.currency",
      "contests.draft_step",
      "contests.round_ends_at",
      "contests.fast_track",
      "contests.is_private",
      "contests.guaranteed",
      "contests.updated_at",
      eb
        .selectFrom("entries")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("entries.contest_id", "=", "contests.id")
        .where("entries.status", "=", "ready")
        .as("entry_count"),
      eb
        .selectFrom("notifications")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("notifications.contest_id", "=", "contests.id")
        .where("notifications.user_id", "=", clientId)
        .where("notifications.kind", "=", NEW_ENTRY_NOTIFICATION)
        .where("notifications.read_at", "is", null)
        .as("new_entries"),
    ])
    .where("contests.client_id", "=", clientId)
    .orderBy("contests.updated_at", "desc")
    .orderBy("contests.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category as Category,
    status: r.status,
    prize: r.prize_minor,
    currency: r.currency,
    draftStep: r.draft_step,
    roundEndsAt: r.round_ends_at,
    fastTrack: r.fast_track === 1,
    isPrivate: r.is_private === 1,
    guaranteed: r.guaranteed === 1,
    entryCount: Number(r.entry_count ?? 0),
    newEntries: Number(r.new_entries ?? 0),
    // In handover the clock starts with the winner's first upload (see the machine).
    handoverStarted: r.status === "handover" && r.round_ends_at !== null,
    updatedAt: r.updated_at,
  }));
}

/** The client opened the contest: its new-entry notifications are seen. */
export async function markEntriesSeen(contestId: string, clientId: string) {
  await db()
    .updateTable("notifications")
    .set({ read_at: now() })
    .where("user_id", "=", clientId)
    .where("contest_id", "=", contestId)
    .where("kind", "=", NEW_ENTRY_NOTIFICATION)
    .where("read_at", "is", null)
    .execute();
}
