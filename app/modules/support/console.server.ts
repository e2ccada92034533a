import { sql } from "kysely";
import { db, transaction, type DB, type Trx } from "~db/index";
import type { AuditRow, ContestStatus, EntryStatus } from "~db/schema";
import { mediaUrl } from "../entries/media";
import { queueMail } from "../notify/mail.server";
import { isRefused, refusal, type Refusal } from "../refusal";
import { applyContestEvent, loadContest, type Contest } from "../contests/contests.server";
import { auditOnTimeline, mergeByTime, SUPPORT_MADE_EVENTS } from "../contests/queries.server";
import type { ContestEvent } from "../contests/machine";
import { computeVerdict } from "../contests/verdict.server";
import { AUDIT_REASON_MAX, AUDIT_REASON_MIN, type AuditAction } from "./audit";
import { appendAudit, auditForContest, auditForUser } from "./audit.server";
import type { HoldReason } from "./holds";
import { heldPrizes, openHoldOf, type HeldPrize } from "./holds.server";
import { hideEntry, unhideEntry } from "./moderation.server";
import { reinstateUser, suspendUser, type SupportFailure } from "./staff.server";

/**
 * The support console (issue 14): what needs support now, people and contests to look up, and the
 * decisions support takes, each with its reason and its one audit row in the decision's own
 * transaction (ADR 0043). Contest decisions go through the contest machine and the ledger.
 */

export const CONSOLE_PAGE_SIZE = 20;

export type SupportResult = { ok: true } | Refusal<"support", SupportFailure>;

/** A decision's reason, trimmed; the parties read it, so it is never empty. */
export function checkReason(raw: string | undefined): string | null {
  const reason = (raw ?? "").trim();
  return reason.length >= AUDIT_REASON_MIN && reason.length <= AUDIT_REASON_MAX ? reason : null;
}

const like = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---- home ------------------------------------------------------------------------------------

export interface SimilarityFlagView {
  id: string;
  at: number;
  distance: number;
  dismissed: boolean;
  entry: { id: string; number: number; contestId: string; contestTitle: string; thumbUrl: string | null };
  earlier: { id: string; number: number; contestId: string; contestTitle: string; thumbUrl: string | null };
}

export interface ConsoleHome {
  held: HeldPrize[];
  flags: SimilarityFlagView[];
}

/** What needs support now: held prizes (oldest first), then the platform's latest copy flags. */
export async function consoleHome(): Promise<ConsoleHome> {
  const [held, rows] = await Promise.all([
    heldPrizes(),
    db()
      .selectFrom("similarity_flags as f")
      .innerJoin("entries as e", "e.id", "f.entry_id")
      .innerJoin("entries as pe", "pe.id", "f.earlier_entry_id")
      .innerJoin("contests as c", "c.id", "f.contest_id")
      .innerJoin("contests as pc", "pc.id", "f.earlier_contest_id")
      .leftJoin("entry_revisions as r", "r.id", "f.revision_id")
      .leftJoin("entry_revisions as pr", "pr.id", "f.earlier_revision_id")
      .select([
        "f.id",
        "f.created_at",
        "f.distance",
        "f.dismissed_at",
        "f.entry_id",
        "e.number as entry_number",
        "f.contest_id",
        "c.title as contest_title",
        "r.thumbnail_key",
        "f.earlier_entry_id",
        "pe.number as earlier_number",
        "f.earlier_contest_id",
        "pc.title as earlier_title",
        "pr.thumbnail_key as earlier_thumbnail_key",
      ])
      .orderBy("f.created_at", "desc")
      .orderBy("f.id", "desc")
      .limit(12)
      .execute(),
  ]);
  return {
    held,
    flags: rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      distance: r.distance,
      dismissed: r.dismissed_at !== null,
      entry: {
        id: r.entry_id,
        number: r.entry_number,
        contestId: r.contest_id,
        contestTitle: r.contest_title,
        thumbUrl: r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
      },
      earlier: {
        id: r.earlier_entry_id,
        number: r.earlier_number,
        contestId: r.earlier_contest_id,
        contestTitle: r.earlier_title,
        thumbUrl: r.earlier_thumbnail_key ? mediaUrl(r.earlier_thumbnail_key) : null,
      },
    })),
  };
}

// ---- users -----------------------------------------------------------------------------------

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  handle: string | null;
  support: boolean;
  suspended: boolean;
  createdAt: number;
}

export interface Paged<T> {
  items: T[];
  page: number;
  hasNext: boolean;
}

/** Accounts whose name, address or profile address contains the words, newest first, a page at a time. */
export async function searchUsers(input: { q: string; page: number }): Promise<Paged<UserListItem>> {
  const q = input.q.trim();
  let query = db()
    .selectFrom("users")
    .select(["id", "display_name", "email", "handle", "support_since", "suspended_at", "created_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc");
  if (q) {
    const pattern = like(q);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["display_name"]), "like", sql<string>`${pattern} escape '\\'`),
        eb(eb.fn("lower", ["email"]), "like", sql<string>`${pattern} escape '\\'`),
        eb(eb.fn("lower", ["handle"]), "like", sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const rows = await query
    .limit(CONSOLE_PAGE_SIZE + 1)
    .offset((input.page - 1) * CONSOLE_PAGE_SIZE)
    .execute();
  return {
    page: input.page,
    hasNext: rows.length > CONSOLE_PAGE_SIZE,
    items: rows.slice(0, CONSOLE_PAGE_SIZE).map((r) => ({
      id: r.id,
      name: r.display_name,
      email: r.email,
      handle: r.handle,
      support: r.support_since !== null,
      suspended: r.suspended_at !== null,
      createdAt: r.created_at,
    })),
  };
}

export interface AuditView {
  id: string;
  at: number;
  action: AuditAction;
  actorName: string | null;
  subjectKind: string;
  subjectId: string;
  contestId: string | null;
  contestTitle: string | null;
  userId: string | null;
  userName: string | null;
  reason: string;
  data: Record<string, unknown>;
}

async function auditViews(rows: AuditRow[], executor: Trx | DB = db()): Promise<AuditView[]> {
  const people = [...new Set(rows.flatMap((r) => [r.actor_id, r.user_id]).filter((x): x is string => !!x))];
  const contests = [...new Set(rows.map((r) => r.contest_id).filter((x): x is string => !!x))];
  const [names, titles] = await Promise.all([
    people.length
      ? executor.selectFrom("users").select(["id", "display_name"]).where("id", "in", people).execute()
      : [],
    contests.length
      ? executor.selectFrom("contests").select(["id", "title"]).where("id", "in", contests).execute()
      : [],
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
  const titleOf = new Map(titles.map((c) => [c.id, c.title]));
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    action: r.action as AuditAction,
    actorName: r.actor_id ? (nameOf.get(r.actor_id) ?? null) : null,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    contestId: r.contest_id,
    contestTitle: r.contest_id ? (titleOf.get(r.contest_id) ?? null) : null,
    userId: r.user_id,
    userName: r.user_id ? (nameOf.get(r.user_id) ?? null) : null,
    reason: r.reason,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

export interface UserPage {
  user: UserListItem & { role: string; suspendedAt: number | null; supportSince: number | null };
  entries: {
    id: string;
    number: number;
    status: EntryStatus;
    contestId: string;
    contestTitle: string;
    contestStatus: ContestStatus;
  }[];
  contests: { id: string; title: string; status: ContestStatus; createdAt: number }[];
  audit: AuditView[];
  mails: { id: string; subject: string; at: number; sentAt: number | null; attempts: number }[];
}

/** One account as support sees it: role, suspension, work, contests, its audit history and mail. */
export async function userPage(userId: string): Promise<UserPage | null> {
  const user = await db().selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  const [entries, contests, audit, mails] = await Promise.all([
    db()
      .selectFrom("entries")
      .innerJoin("contests", "contests.id", "entries.contest_id")
      .select([
        "entries.id",
        "entries.number",
        "entries.status",
        "entries.contest_id",
        "contests.title",
        "contests.status as contest_status",
      ])
      .where("entries.designer_id", "=", userId)
      .orderBy("entries.created_at", "desc")
      .limit(50)
      .execute(),
    db()
      .selectFrom("contests")
      .select(["id", "title", "status", "created_at"])
      .where("client_id", "=", userId)
      .orderBy("created_at", "desc")
      .limit(50)
      .execute(),
    auditForUser(userId),
    db()
      .selectFrom("outbox_mail")
      .select(["id", "subject", "created_at", "sent_at", "attempts"])
      .where("to_address", "=", user.email)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(10)
      .execute(),
  ]);
  return {
    user: {
      id: user.id,
      name: user.display_name,
      email: user.email,
      handle: user.handle,
      role: user.role,
      support: user.support_since !== null,
      supportSince: user.support_since,
      suspended: user.suspended_at !== null,
      suspendedAt: user.suspended_at,
      createdAt: user.created_at,
    },
    entries: entries.map((e) => ({
      id: e.id,
      number: e.number,
      status: e.status,
      contestId: e.contest_id,
      contestTitle: e.title,
      contestStatus: e.contest_status,
    })),
    contests: contests.map((c) => ({ id: c.id, title: c.title, status: c.status, createdAt: c.created_at })),
    audit: await auditViews(audit),
    mails: mails.map((m) => ({
      id: m.id,
      subject: m.subject,
      at: m.created_at,
      sentAt: m.sent_at,
      attempts: m.attempts,
    })),
  };
}

/** Suspend an account, on the record (its entries leave the galleries, its money stays held). */
export async function suspendAccount(input: {
  userId: string;
  actorId: string;
  reason: string | undefined;
}): Promise<SupportResult> {
  const reason = checkReason(input.reason);
  if (!reason) return refusal("support", "reason_required");
  if (input.userId === input.actorId) return refusal("support", "self");
  if (!(await accountExists(input.userId))) return refusal("support", "not_found");
  const { changed } = await transaction((trx) =>
    suspendUser(trx, { userId: input.userId, actorId: input.actorId, reason }),
  );
  return changed ? { ok: true } : refusal("support", "unchanged");
}

/** Lift a suspension, on the record (exactly the entries it hid come back). */
export async function reinstateAccount(input: {
  userId: string;
  actorId: string;
  reason: string | undefined;
}): Promise<SupportResult> {
  const reason = checkReason(input.reason);
  if (!reason) return refusal("support", "reason_required");
  if (!(await accountExists(input.userId))) return refusal("support", "not_found");
  const { changed } = await transaction((trx) =>
    reinstateUser(trx, { userId: input.userId, actorId: input.actorId, reason }),
  );
  return changed ? { ok: true } : refusal("support", "unchanged");
}

async function accountExists(userId: string) {
  return (
    (await db().selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst()) !== undefined
  );
}

/**
 * Send one of the account's mails again: the same subject and body, a new outbox row and delivery
 * job (the outbox is never rewritten), audited with the mail's id.
 */
export async function resendMail(input: {
  userId: string;
  mailId: string;
  actorId: string;
  reason: string | undefined;
}): Promise<SupportResult> {
  const reason = checkReason(input.reason);
  if (!reason) return refusal("support", "reason_required");
  return transaction(async (trx) => {
    const mail = await trx
      .selectFrom("outbox_mail")
      .innerJoin("users", "users.email", "outbox_mail.to_address")
      .select([
        "outbox_mail.id",
        "outbox_mail.to_address",
        "outbox_mail.subject",
        "outbox_mail.text_body",
        "outbox_mail.html_body",
      ])
      .where("outbox_mail.id", "=", input.mailId)
      .where("users.id", "=", input.userId)
      .executeTakeFirst();
    if (!mail) return refusal("support", "not_found");
    const copy = await queueMail(trx, {
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      html: mail.html_body ?? undefined,
    });
    await appendAudit(trx, {
      actorId: input.actorId,
      action: "mail.resend",
      subject: { kind: "mail", id: mail.id },
      userId: input.userId,
      reason,
      data: { subject: mail.subject, copyId: copy },
    });
    return { ok: true } as const;
  });
}

// ---- contests --------------------------------------------------------------------------------

export interface ContestListItem {
  id: string;
  title: string;
  status: ContestStatus;
  clientName: string;
  prize: number;
  currency: string;
  createdAt: number;
  held: boolean;
}

/** Contests whose title contains the words (or whose id is the text), newest first, a page at a time. */
export async function searchContests(input: { q: string; page: number }): Promise<Paged<ContestListItem>> {
  const q = input.q.trim();
  let query = db()
    .selectFrom("contests")
    .innerJoin("users", "users.id", "contests.client_id")
    .select([
      "contests.id",
      "contests.title",
      "contests.status",
      "contests.prize_minor",
      "contests.currency",
      "contests.created_at",
      "users.display_name",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("prize_holds")
              .select("prize_holds.id")
              .whereRef("prize_holds.contest_id", "=", "contests.id")
              .where("prize_holds.resolved_at", "is", null),
          )
          .as("held"),
    ])
    .orderBy("contests.created_at", "desc")
    .orderBy("contests.id", "desc");
  if (q) {
    const pattern = like(q);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["contests.title"]), "like", sql<string>`${pattern} escape '\\'`),
        eb(eb.fn("lower", ["users.display_name"]), "like", sql<string>`${pattern} escape '\\'`),
        eb("contests.id", "=", q),
      ]),
    );
  }
  const rows = await query
    .limit(CONSOLE_PAGE_SIZE + 1)
    .offset((input.page - 1) * CONSOLE_PAGE_SIZE)
    .execute();
  return {
    page: input.page,
    hasNext: rows.length > CONSOLE_PAGE_SIZE,
    items: rows.slice(0, CONSOLE_PAGE_SIZE).map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      clientName: r.display_name,
      prize: r.prize_minor,
      currency: r.currency,
      createdAt: r.created_at,
      held: Boolean(r.held),
    })),
  };
}

export interface ContestPage {
  contest: Contest;
  clientName: string;
  winnerName: string | null;
  entries: {
    id: string;
    number: number;
    title: string;
    status: EntryStatus;
    designerId: string;
    designerName: string;
    thumbUrl: string | null;
  }[];
  hold: { designerId: string; designerName: string; reasons: HoldReason[]; at: number } | null;
  /** The timeline as its parties read it: the contest's events and the audit rows, oldest first. */
  timeline: {
    id: string;
    kind: string;
    at: number;
    actorName: string | null;
    data: Record<string, unknown>;
    names: Record<string, string>;
  }[];
}

/** One contest as support sees it: state, every entry (hidden ones too), hold, timeline and audit. */
export async function contestPage(contestId: string): Promise<ContestPage | null> {
  const contest = await loadContest(db(), contestId);
  if (!contest) return null;
  const [entries, events, audit, hold, people] = await Promise.all([
    db()
      .selectFrom("entries")
      .innerJoin("users", "users.id", "entries.designer_id")
      .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select([
        "entries.id",
        "entries.number",
        "entries.title",
        "entries.status",
        "entries.designer_id",
        "users.display_name",
        "entry_revisions.thumbnail_key",
      ])
      .where("entries.contest_id", "=", contestId)
      .orderBy("entries.number")
      .execute(),
    db()
      .selectFrom("contest_events")
      .leftJoin("users", "users.id", "contest_events.actor_id")
      .select([
        "contest_events.id",
        "contest_events.kind",
        "contest_events.created_at",
        "contest_events.data",
        "users.display_name",
      ])
      .where("contest_events.contest_id", "=", contestId)
      .orderBy("contest_events.version")
      .orderBy("contest_events.created_at")
      .execute(),
    auditForContest(contestId),
    openHoldOf(db(), contestId),
    db()
      .selectFrom("users")
      .select(["id", "display_name"])
      .where(
        "id",
        "in",
        [contest.clientId, contest.winnerId].filter((x): x is string => !!x),
      )
      .execute(),
  ]);
  const designerNames = Object.fromEntries(entries.map((e) => [e.designer_id, e.display_name]));
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.display_name ?? null) : null);
  const holdName = hold
    ? ((
        await db()
          .selectFrom("users")
          .select("display_name")
          .where("id", "=", hold.designer_id)
          .executeTakeFirst()
      )?.display_name ?? "")
    : "";
  return {
    contest,
    clientName: nameOf(contest.clientId) ?? "",
    winnerName: nameOf(contest.winnerId),
    entries: entries.map((e) => ({
      id: e.id,
      number: e.number,
      title: e.title,
      status: e.status,
      designerId: e.designer_id,
      designerName: e.display_name,
      thumbUrl: e.thumbnail_key ? mediaUrl(e.thumbnail_key) : null,
    })),
    hold: hold
      ? {
          designerId: hold.designer_id,
          designerName: holdName,
          reasons: JSON.parse(hold.reasons) as HoldReason[],
          at: hold.created_at,
        }
      : null,
    timeline: mergeByTime(
      events
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          at: e.created_at,
          actorName: e.display_name,
          data: JSON.parse(e.data) as Record<string, unknown>,
          names: designerNames,
        }))
        .filter((e) => !SUPPORT_MADE_EVENTS.includes(e.kind) && e.data.bySupport !== true),
      audit.map((a) => ({
        id: a.id,
        kind: "audit",
        at: a.created_at,
        actorName: null,
        data: auditOnTimeline(a),
        names: designerNames,
      })),
    ),
  };
}

/** Hide an entry from every gallery, or put it back, on the record. */
export async function setEntryHidden(input: {
  contestId: string;
  entryId: string;
  hidden: boolean;
  actorId: string;
  reason: string | undefined;
}): Promise<SupportResult> {
  const reason = checkReason(input.reason);
  if (!reason) return refusal("support", "reason_required");
  const entry = await db()
    .selectFrom("entries")
    .select("id")
    .where("id", "=", input.entryId)
    .where("contest_id", "=", input.contestId)
    .executeTakeFirst();
  if (!entry) return refusal("support", "not_found");
  const changed = await transaction((trx) =>
    (input.hidden ? hideEntry : unhideEntry)(trx, { entryId: entry.id, actorId: input.actorId, reason }),
  );
  return changed ? { ok: true } : refusal("support", "unchanged");
}

type Decision =
  | { kind: "extend"; days: number }
  | { kind: "refund" }
  | { kind: "pick_winner"; entryId: string }
  | { kind: "award"; designerId: string }
  | { kind: "release" };

const AUDIT_OF: Record<Decision["kind"], AuditAction> = {
  extend: "contest.extend",
  refund: "contest.refund",
  pick_winner: "contest.award",
  award: "contest.award",
  release: "prize.release",
};

/**
 * A decision on a contest by support: one event through the contest machine (its money through the
 * ledger) and one audit row with the contest, in the same transaction.
 */
export async function decideContest(input: {
  contestId: string;
  actorId: string;
  reason: string | undefined;
  decision: Decision;
}): Promise<SupportResult> {
  const reason = checkReason(input.reason);
  if (!reason) return refusal("support", "reason_required");
  const d = input.decision;
  let audited: Record<string, unknown> = {};
  try {
    await applyContestEvent({
      contestId: input.contestId,
      actor: { kind: "support", id: input.actorId },
      event: async (contest, trx): Promise<ContestEvent> => {
        switch (d.kind) {
          case "extend":
            audited = { days: d.days };
            return { type: "support_extend", days: d.days };
          case "refund":
            audited = { prize: contest.prize, currency: contest.currency };
            return { type: "support_refund" };
          case "release":
            audited = { designerId: contest.winnerId };
            return { type: "release_prize" };
          case "award":
            audited = { mode: "prize", designerId: d.designerId };
            return {
              type: "support_award",
              designerId: d.designerId,
              verdict: await computeVerdict(trx, contest),
            };
          case "pick_winner": {
            const entry = await trx
              .selectFrom("entries")
              .select(["designer_id", "number"])
              .where("id", "=", d.entryId)
              .where("contest_id", "=", contest.id)
              .where("status", "=", "ready")
              .executeTakeFirst();
            audited = {
              mode: "winner",
              entryId: d.entryId,
              number: entry?.number,
              designerId: entry?.designer_id,
            };
            return {
              type: "support_select_winner",
              designerId: entry?.designer_id ?? "",
              entryId: d.entryId,
              verdict: await computeVerdict(trx, contest),
            };
          }
        }
      },
      also: async (trx, next) => {
        await appendAudit(trx, {
          actorId: input.actorId,
          action: AUDIT_OF[d.kind],
          subject: { kind: "contest", id: next.id },
          contestId: next.id,
          userId: typeof audited.designerId === "string" ? audited.designerId : null,
          reason,
          data: audited,
        });
      },
    });
    return { ok: true };
  } catch (error) {
    if (!isRefused(error, "contest")) throw error;
    const current = await loadContest(db(), input.contestId);
    switch (error.reason) {
      case "not_found":
        return refusal("support", "not_found");
      case "bad_extension":
        return refusal("support", "bad_extension");
      case "bad_winner":
        return refusal("support", "bad_winner");
      case "not_held":
        return refusal("support", "not_held");
      case "conflict":
        return refusal("support", "conflict");
      default:
        return refusal("support", "wrong_state", current ? { status: current.status } : undefined);
    }
  }
}

// ---- the whole log ---------------------------------------------------------------------------

/** The audit log, newest first, a page at a time. */
export async function auditLogPage(input: { page: number }): Promise<Paged<AuditView>> {
  const rows = await db()
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(CONSOLE_PAGE_SIZE + 1)
    .offset((input.page - 1) * CONSOLE_PAGE_SIZE)
    .execute();
  return {
    page: input.page,
    hasNext: rows.length > CONSOLE_PAGE_SIZE,
    items: await auditViews(rows.slice(0, CONSOLE_PAGE_SIZE)),
  };
}
