import { db, transaction, type DB, type Trx } from "~db/index";
import type { ReportRow } from "~db/schema";
import type { Locale } from "~/i18n";
import { now } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { getEntryForViewer, withdrawEntry } from "../entries/entries.server";
import { mediaUrl } from "../entries/media";
import { entryPaths } from "../entries/paths";
import { dismissSimilarity } from "../entries/similarity.server";
import { notifyUsers } from "../notify/notifications.server";
import { publicPiece, takePieceOffPortfolio } from "../people/pieces.server";
import { piecePaths } from "../people/pieces";
import { profilePath } from "../people/profiles";
import { messagePaths } from "../people/messages/paths";
import { Refused, refusal, type Refusal } from "../refusal";
import { appendAudit } from "./audit.server";
import { hideEntry } from "./moderation.server";
import {
  ANSWER_WINDOW_MS,
  STRIKES_TO_SUSPEND,
  WITHDRAWABLE,
  entryIdFromLink,
  mayRespond,
  phaseOf,
  type ReportDecision,
  type ReportPhase,
  type ReportReason,
  type ReportStatus,
  type ReportSubjectKind,
} from "./reports";
import { suspendUser } from "./staff.server";

/**
 * Reports with due process (ADR 0045): filing one, the reported person's answer or withdrawal within
 * 24 hours, support's queue and decision, and strikes. What the reporter may not see answers 404.
 */
export type ReportFailure = "not_found" | "self" | "already" | "closed" | "not_withdrawable" | "not_queued";

type Executor = Trx | DB;

/** What is reported, as the form and the pages show it. */
export interface ReportSubject {
  kind: ReportSubjectKind;
  id: string;
  reportedId: string;
  reportedName: string;
  contestId: string | null;
  /** Entry number, piece title, the message's first words, or the profile's name. */
  number: number | null;
  title: string;
  contestTitle: string | null;
  href: string;
  imageUrl: string | null;
}

// ---- the subject, as the reporter may see it --------------------------------------------------

async function subjectForViewer(
  kind: ReportSubjectKind,
  id: string,
  viewerId: string,
  locale: Locale,
): Promise<ReportSubject | null> {
  switch (kind) {
    case "entry": {
      const found = await getEntryForViewer({ entryId: id, viewerId, locale });
      if (!found) return null;
      const current = found.revisions.find((r) => r.current) ?? found.revisions[0];
      return {
        kind,
        id,
        reportedId: found.entry.designerId,
        // A blind contest does not name its designers: neither does the form.
        reportedName: found.entry.designerName ?? "",
        contestId: found.contest.id,
        number: found.entry.number,
        title: found.entry.title,
        contestTitle: found.contest.title,
        href: entryPaths.page(id),
        imageUrl: current?.previewUrl ?? null,
      };
    }
    case "piece": {
      const owner = await db()
        .selectFrom("portfolio_pieces")
        .innerJoin("users", "users.id", "portfolio_pieces.designer_id")
        .select(["users.id", "users.display_name", "users.handle"])
        .where("portfolio_pieces.id", "=", id)
        .executeTakeFirst();
      if (!owner?.handle) return null;
      const piece = await publicPiece(owner.id, id);
      if (!piece) return null;
      return {
        kind,
        id,
        reportedId: owner.id,
        reportedName: owner.display_name,
        contestId: null,
        number: null,
        title: piece.title,
        contestTitle: null,
        href: piecePaths.page(owner.handle, id),
        imageUrl: piece.previewUrl,
      };
    }
    case "message": {
      const m = await db()
        .selectFrom("messages")
        .innerJoin("conversations", "conversations.id", "messages.conversation_id")
        .innerJoin("users", "users.id", "messages.sender_id")
        .select([
          "messages.sender_id",
          "messages.body",
          "messages.conversation_id",
          "conversations.user_low",
          "conversations.user_high",
          "users.display_name",
        ])
        .where("messages.id", "=", id)
        .executeTakeFirst();
      if (!m || (m.user_low !== viewerId && m.user_high !== viewerId)) return null;
      return {
        kind,
        id,
        reportedId: m.sender_id,
        reportedName: m.display_name,
        contestId: null,
        number: null,
        title: m.body.length > 140 ? `${m.body.slice(0, 139)}…` : m.body,
        contestTitle: null,
        href: messagePaths.conversation(m.conversation_id),
        imageUrl: null,
      };
    }
    case "profile": {
      const user = await db()
        .selectFrom("users")
        .select(["id", "display_name", "handle"])
        .where((eb) => eb.or([eb("handle", "=", id), eb("id", "=", id)]))
        .where("handle", "is not", null)
        .executeTakeFirst();
      if (!user?.handle) return null;
      return {
        kind,
        id: user.id,
        reportedId: user.id,
        reportedName: user.display_name,
        contestId: null,
        number: null,
        title: user.display_name,
        contestTitle: null,
        href: profilePath(user.handle),
        imageUrl: null,
      };
    }
  }
}

async function nameOf(q: Executor, userId: string) {
  const row = await q.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return row?.display_name ?? null;
}

async function existingReport(q: Executor, reporterId: string, kind: ReportSubjectKind, subjectId: string) {
  return q
    .selectFrom("reports")
    .select("id")
    .where("reporter_id", "=", reporterId)
    .where("subject_kind", "=", kind)
    .where("subject_id", "=", subjectId)
    .executeTakeFirst();
}

/** A similarity flag the client of its contest may turn into a report, or null (404). */
async function flagForClient(flagId: string, clientId: string) {
  const flag = await db()
    .selectFrom("similarity_flags")
    .innerJoin("contests", "contests.id", "similarity_flags.contest_id")
    .select([
      "similarity_flags.id",
      "similarity_flags.entry_id",
      "similarity_flags.earlier_entry_id",
      "similarity_flags.contest_id",
      "contests.client_id",
      "contests.status",
    ])
    .where("similarity_flags.id", "=", flagId)
    .executeTakeFirst();
  if (!flag || flag.client_id !== clientId || flag.status === "refunded") return null;
  return flag;
}

export interface ReportForm {
  subject: ReportSubject;
  /** What the form starts with (a flag turned into a report: a copy of the earlier entry). */
  prefill: { reason: ReportReason | null; originalUrl: string; flagId: string | null };
}

/**
 * What the report form shows, or a refusal: a subject the reporter may not see is not found (404),
 * one's own thing is refused, and a second report of the same subject by the same person too.
 */
export async function reportForm(input: {
  reporterId: string;
  subject: { kind: ReportSubjectKind; id: string } | null;
  flagId?: string | null;
  locale: Locale;
}): Promise<({ ok: true } & ReportForm) | Refusal<"report">> {
  let target = input.subject;
  let prefill: ReportForm["prefill"] = { reason: null, originalUrl: "", flagId: null };
  if (input.flagId) {
    const flag = await flagForClient(input.flagId, input.reporterId);
    if (!flag) return refusal("report", "not_found");
    target = { kind: "entry", id: flag.entry_id };
    prefill = {
      reason: "copied",
      originalUrl: `${config().appUrl}${entryPaths.page(flag.earlier_entry_id)}`,
      flagId: flag.id,
    };
  }
  if (!target) return refusal("report", "not_found");
  const subject = await subjectForViewer(target.kind, target.id, input.reporterId, input.locale);
  if (!subject) return refusal("report", "not_found");
  if (subject.reportedId === input.reporterId) return refusal("report", "self");
  const already = await existingReport(db(), input.reporterId, subject.kind, subject.id);
  if (already) return refusal("report", "already", { reportId: already.id });
  return { ok: true, subject, prefill };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && /unique|duplicate key/i.test(error.message);

/**
 * File a report: the reported person is told (in the app and by mail) and has 24 hours to withdraw
 * or to answer. A report made from a similarity flag dismisses the flag (the client reviewed it).
 */
export async function fileReport(input: {
  reporterId: string;
  subject: { kind: ReportSubjectKind; id: string } | null;
  flagId?: string | null;
  reason: ReportReason;
  body: string;
  originalUrl?: string | null;
  locale: Locale;
}): Promise<{ ok: true; reportId: string } | Refusal<"report">> {
  const form = await reportForm(input);
  if (!form.ok) return form;
  const { subject, prefill } = form;
  const at = now();
  const id = newId();
  const originalUrl = input.reason === "copied" ? (input.originalUrl ?? null) : null;
  try {
    await transaction(async (trx) => {
      if (await existingReport(trx, input.reporterId, subject.kind, subject.id))
        throw new Refused("report", "already");
      await trx
        .insertInto("reports")
        .values({
          id,
          reporter_id: input.reporterId,
          reported_id: subject.reportedId,
          subject_kind: subject.kind,
          subject_id: subject.id,
          contest_id: subject.contestId,
          reason: input.reason,
          body: input.body,
          original_url: originalUrl,
          original_entry_id: originalUrl ? entryIdFromLink(originalUrl) : null,
          flag_id: prefill.flagId,
          status: "open" satisfies ReportStatus,
          answer_due_at: at + ANSWER_WINDOW_MS,
          created_at: at,
        })
        .execute();
      await notifyUsers(trx, [subject.reportedId], {
        kind: "report.filed",
        contestId: subject.contestId,
        entryId: subject.kind === "entry" ? subject.id : null,
        data: { reportId: id, ...subjectData(subject), why: input.reason },
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal as Refusal<"report">;
    if (isUniqueViolation(error)) return refusal("report", "already");
    throw error;
  }
  if (prefill.flagId && subject.contestId)
    await dismissSimilarity({
      flagId: prefill.flagId,
      contestId: subject.contestId,
      clientId: input.reporterId,
    });
  return { ok: true, reportId: id };
}

/** What a notification needs to name the subject when read. */
function subjectData(s: Pick<ReportSubject, "kind" | "title" | "number">) {
  return { subject: s.kind, title: s.kind === "piece" ? s.title : "", number: s.number ?? undefined };
}

// ---- the parties' page -----------------------------------------------------------------------

export interface ReportView {
  id: string;
  /** Who is looking: the reporter or the reported person. */
  role: "reporter" | "reported";
  subject: ReportSubject | null;
  subjectKind: ReportSubjectKind;
  reason: ReportReason;
  body: string;
  originalUrl: string | null;
  status: ReportStatus;
  phase: ReportPhase;
  answerDueAt: number;
  /** The reported person's answer: shown to them (the reporter reads the outcome). */
  answer: { text: string; url: string | null; at: number } | null;
  decision: { status: ReportDecision; reason: string; at: number } | null;
  withdrawnAt: number | null;
  createdAt: number;
  canRespond: boolean;
  canWithdraw: boolean;
}

async function loadReport(q: Executor, reportId: string): Promise<ReportRow | undefined> {
  return q.selectFrom("reports").selectAll().where("id", "=", reportId).executeTakeFirst();
}

/** The subject as it stands, for a page that may show what its viewer no longer could (support's). */
async function subjectOnRecord(report: ReportRow): Promise<ReportSubject | null> {
  const reportedName = (await nameOf(db(), report.reported_id)) ?? "";
  const base = {
    kind: report.subject_kind as ReportSubjectKind,
    id: report.subject_id,
    reportedId: report.reported_id,
    reportedName,
    contestId: report.contest_id,
    number: null as number | null,
    title: "",
    contestTitle: null as string | null,
    href: "",
    imageUrl: null as string | null,
  };
  switch (base.kind) {
    case "entry": {
      const e = await entryOnRecord(report.subject_id);
      return e ? { ...base, ...e } : null;
    }
    case "piece": {
      const p = await db()
        .selectFrom("portfolio_pieces")
        .innerJoin("users", "users.id", "portfolio_pieces.designer_id")
        .select([
          "portfolio_pieces.title",
          "portfolio_pieces.preview_key",
          "portfolio_pieces.hidden_at",
          "users.handle",
        ])
        .where("portfolio_pieces.id", "=", report.subject_id)
        .executeTakeFirst();
      if (!p) return null;
      return {
        ...base,
        title: p.title,
        href: p.handle ? piecePaths.page(p.handle, report.subject_id) : "",
        imageUrl: p.preview_key && p.hidden_at === null ? mediaUrl(p.preview_key) : null,
      };
    }
    case "message": {
      const m = await db()
        .selectFrom("messages")
        .select(["body", "conversation_id"])
        .where("id", "=", report.subject_id)
        .executeTakeFirst();
      return m ? { ...base, title: m.body, href: messagePaths.conversation(m.conversation_id) } : null;
    }
    case "profile": {
      const u = await db()
        .selectFrom("users")
        .select(["display_name", "handle"])
        .where("id", "=", report.subject_id)
        .executeTakeFirst();
      return u ? { ...base, title: u.display_name, href: u.handle ? profilePath(u.handle) : "" } : null;
    }
  }
}

/** An entry with its current preview and contest, whatever its status (support and its designer). */
async function entryOnRecord(entryId: string, q: Executor = db()) {
  const e = await q
    .selectFrom("entries")
    .innerJoin("contests", "contests.id", "entries.contest_id")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select([
      "entries.number",
      "entries.title",
      "entries.status",
      "contests.title as contest_title",
      "entry_revisions.preview_key",
    ])
    .where("entries.id", "=", entryId)
    .executeTakeFirst();
  if (!e) return null;
  return {
    number: e.number,
    title: e.title,
    status: e.status,
    contestTitle: e.contest_title,
    href: entryPaths.page(entryId),
    // Only a live entry's preview is served (a hidden or withdrawn one answers 404): no broken image.
    imageUrl: e.preview_key && e.status === "ready" ? mediaUrl(e.preview_key) : null,
  };
}

/**
 * A report for one of its two parties, each seeing what is theirs: the reporter their report and the
 * outcome, the reported person what they are reported for (not who reported), their answer and the
 * outcome. Anyone else: null (404).
 */
export async function reportForParty(input: {
  reportId: string;
  viewerId: string;
}): Promise<ReportView | null> {
  const r = await loadReport(db(), input.reportId);
  if (!r) return null;
  const role =
    r.reporter_id === input.viewerId ? "reporter" : r.reported_id === input.viewerId ? "reported" : null;
  if (!role) return null;
  const at = now();
  const subject = await subjectOnRecord(r);
  const canRespond = role === "reported" && mayRespond(r, at);
  return {
    id: r.id,
    role,
    subject,
    subjectKind: r.subject_kind as ReportSubjectKind,
    reason: r.reason as ReportReason,
    body: r.body,
    originalUrl: r.original_url,
    status: r.status as ReportStatus,
    phase: phaseOf(r, at),
    answerDueAt: r.answer_due_at,
    answer:
      role === "reported" && r.answer !== null && r.answered_at !== null
        ? { text: r.answer, url: r.answer_url, at: r.answered_at }
        : null,
    decision:
      (r.status === "upheld" || r.status === "dismissed") && r.decided_at !== null
        ? { status: r.status, reason: r.decision_reason ?? "", at: r.decided_at }
        : null,
    withdrawnAt: r.withdrawn_at,
    createdAt: r.created_at,
    canRespond,
    canWithdraw: canRespond && WITHDRAWABLE.has(r.subject_kind as ReportSubjectKind),
  };
}

/** The reported person's own report, open and within its 24 hours, or the refusal to answer with. */
async function respondable(trx: Executor, reportId: string, userId: string) {
  const r = await loadReport(trx, reportId);
  if (!r || r.reported_id !== userId) throw new Refused("report", "not_found");
  if (!mayRespond(r, now())) throw new Refused("report", "closed");
  return r;
}

/** The reported person answers with evidence: the report goes to support's queue at once. */
export async function answerReport(input: {
  reportId: string;
  userId: string;
  answer: string;
  answerUrl?: string | null;
}): Promise<void> {
  await transaction(async (trx) => {
    await respondable(trx, input.reportId, input.userId);
    const at = now();
    const changed = await trx
      .updateTable("reports")
      .set({ answer: input.answer, answer_url: input.answerUrl ?? null, answered_at: at })
      .where("id", "=", input.reportId)
      .where("status", "=", "open")
      .where("answered_at", "is", null)
      .where("answer_due_at", ">", at)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new Refused("report", "closed");
  });
}

/**
 * The reported designer takes the entry or piece back within the 24 hours: it leaves the gallery
 * or the portfolio, the report closes without a strike (ADR 0045), and the reporter is told.
 */
export async function withdrawReported(input: { reportId: string; userId: string }): Promise<void> {
  const r = await respondable(db(), input.reportId, input.userId);
  const kind = r.subject_kind as ReportSubjectKind;
  if (!WITHDRAWABLE.has(kind)) throw new Refused("report", "not_withdrawable");
  const subject = await subjectOnRecord(r);
  if (kind === "entry") {
    const done = await withdrawEntry({ entryId: r.subject_id, designerId: input.userId });
    if (!done.ok) throw new Refused("report", "not_withdrawable");
  }
  await transaction(async (trx) => {
    if (
      kind === "piece" &&
      !(await takePieceOffPortfolio(trx, { pieceId: r.subject_id, designerId: input.userId }))
    )
      throw new Refused("report", "not_withdrawable");
    const at = now();
    const changed = await trx
      .updateTable("reports")
      .set({ status: "withdrawn" satisfies ReportStatus, withdrawn_at: at })
      .where("id", "=", r.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new Refused("report", "closed");
    await notifyUsers(trx, [r.reporter_id], {
      kind: "report.withdrawn",
      contestId: r.contest_id,
      entryId: kind === "entry" ? r.subject_id : null,
      data: {
        reportId: r.id,
        ...subjectData({ kind, title: subject?.title ?? "", number: subject?.number ?? null }),
      },
    });
  });
}

// ---- support -----------------------------------------------------------------------------------

export interface QueueItem {
  id: string;
  subjectKind: ReportSubjectKind;
  reason: ReportReason;
  reporterName: string;
  reportedName: string;
  phase: ReportPhase;
  answered: boolean;
  answerDueAt: number;
  createdAt: number;
}

/**
 * Support's queue: every open report, those ready for a decision (answered, or their 24 hours
 * passed) first, oldest first in each; then those still within their 24 hours.
 */
export async function reportQueue(): Promise<{ ready: QueueItem[]; waiting: QueueItem[] }> {
  const rows = await db()
    .selectFrom("reports")
    .innerJoin("users as reporters", "reporters.id", "reports.reporter_id")
    .innerJoin("users as reported", "reported.id", "reports.reported_id")
    .select([
      "reports.id",
      "reports.subject_kind",
      "reports.reason",
      "reports.status",
      "reports.answered_at",
      "reports.answer_due_at",
      "reports.created_at",
      "reporters.display_name as reporter_name",
      "reported.display_name as reported_name",
    ])
    .where("reports.status", "=", "open")
    .orderBy("reports.created_at")
    .orderBy("reports.id")
    .execute();
  const at = now();
  const items = rows.map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind as ReportSubjectKind,
    reason: r.reason as ReportReason,
    reporterName: r.reporter_name,
    reportedName: r.reported_name,
    phase: phaseOf(r, at),
    answered: r.answered_at !== null,
    answerDueAt: r.answer_due_at,
    createdAt: r.created_at,
  }));
  return {
    ready: items.filter((i) => i.phase === "queued"),
    waiting: items.filter((i) => i.phase === "answering"),
  };
}

/** Upheld reports of an account: its strikes. */
export async function strikesOf(userId: string, q: Executor = db()): Promise<number> {
  const row = await q
    .selectFrom("reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("reported_id", "=", userId)
    .where("status", "=", "upheld")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SupportReportView {
  id: string;
  subject: ReportSubject | null;
  subjectStatus: string | null;
  /** For a copy: the original, side by side (an entry of ours, or the reporter's link). */
  original: {
    url: string | null;
    entry: {
      number: number;
      title: string;
      contestTitle: string;
      href: string;
      imageUrl: string | null;
    } | null;
  };
  reason: ReportReason;
  body: string;
  reporter: { id: string; name: string };
  reported: { id: string; name: string; strikes: number };
  answer: { text: string; url: string | null; at: number } | null;
  status: ReportStatus;
  phase: ReportPhase;
  answerDueAt: number;
  createdAt: number;
  decision: { status: ReportDecision; reason: string; at: number } | null;
}

/** One report in full, for support (who sees every report). Null when there is none (404). */
export async function reportForSupport(reportId: string): Promise<SupportReportView | null> {
  const r = await loadReport(db(), reportId);
  if (!r) return null;
  const subject = await subjectOnRecord(r);
  const original = r.original_entry_id ? await entryOnRecord(r.original_entry_id) : null;
  const subjectStatus =
    r.subject_kind === "entry"
      ? ((await db().selectFrom("entries").select("status").where("id", "=", r.subject_id).executeTakeFirst())
          ?.status ?? null)
      : null;
  return {
    id: r.id,
    subject,
    subjectStatus,
    original: {
      url: r.original_url,
      entry: original
        ? {
            number: original.number,
            title: original.title,
            contestTitle: original.contestTitle,
            href: original.href,
            imageUrl: original.imageUrl,
          }
        : null,
    },
    reason: r.reason as ReportReason,
    body: r.body,
    reporter: { id: r.reporter_id, name: (await nameOf(db(), r.reporter_id)) ?? "" },
    reported: {
      id: r.reported_id,
      name: subject?.reportedName ?? "",
      strikes: await strikesOf(r.reported_id),
    },
    answer:
      r.answer !== null && r.answered_at !== null
        ? { text: r.answer, url: r.answer_url, at: r.answered_at }
        : null,
    status: r.status as ReportStatus,
    phase: phaseOf(r, now()),
    answerDueAt: r.answer_due_at,
    createdAt: r.created_at,
    decision:
      (r.status === "upheld" || r.status === "dismissed") && r.decided_at !== null
        ? { status: r.status, reason: r.decision_reason ?? "", at: r.decided_at }
        : null,
  };
}

/**
 * Support decides a report in the queue: upheld or dismissed, with the reason the parties read,
 * written to the audit log. Upheld, it is a strike: the entry is hidden, the piece leaves the
 * portfolio, and the third strike suspends the account. The reporter, the reported person and (for
 * an entry) the contest's client are told.
 */
export async function decideReport(input: {
  reportId: string;
  supportId: string;
  decision: ReportDecision;
  reason: string;
}): Promise<{ strikes: number; suspended: boolean }> {
  return transaction(async (trx) => {
    const r = await loadReport(trx, input.reportId);
    if (!r) throw new Refused("report", "not_found");
    if (phaseOf(r, now()) !== "queued") throw new Refused("report", "not_queued");
    const at = now();
    const changed = await trx
      .updateTable("reports")
      .set({
        status: input.decision,
        decided_at: at,
        decided_by: input.supportId,
        decision_reason: input.reason,
      })
      .where("id", "=", r.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new Refused("report", "not_queued");
    const kind = r.subject_kind as ReportSubjectKind;
    const strikes = await strikesOf(r.reported_id, trx);
    await appendAudit(trx, {
      actorId: input.supportId,
      action: "report.decide",
      subject: { kind: "report", id: r.id },
      contestId: r.contest_id,
      userId: r.reported_id,
      reason: input.reason,
      data: { decision: input.decision, subjectKind: kind, subjectId: r.subject_id, why: r.reason, strikes },
    });
    let suspended = false;
    if (input.decision === "upheld") {
      if (kind === "entry")
        await hideEntry(trx, {
          entryId: r.subject_id,
          actorId: input.supportId,
          reason: input.reason,
          data: { reportId: r.id },
        });
      if (kind === "piece")
        await takePieceOffPortfolio(trx, { pieceId: r.subject_id, designerId: r.reported_id });
      if (strikes >= STRIKES_TO_SUSPEND) {
        const upheld = await trx
          .selectFrom("reports")
          .select("id")
          .where("reported_id", "=", r.reported_id)
          .where("status", "=", "upheld")
          .orderBy("decided_at")
          .execute();
        suspended = (
          await suspendUser(trx, {
            userId: r.reported_id,
            actorId: input.supportId,
            reason: input.reason,
            data: { strikes: upheld.map((u) => u.id), count: strikes },
          })
        ).changed;
      }
    }
    await tellOutcome(trx, r, input.decision);
    return { strikes, suspended };
  });
}

async function tellOutcome(trx: Trx, r: ReportRow, decision: ReportDecision) {
  const kind = r.subject_kind as ReportSubjectKind;
  const entry = kind === "entry" ? await entryOnRecord(r.subject_id, trx) : null;
  const piece =
    kind === "piece"
      ? await trx
          .selectFrom("portfolio_pieces")
          .select("title")
          .where("id", "=", r.subject_id)
          .executeTakeFirst()
      : null;
  const base = {
    ...subjectData({ kind, title: piece?.title ?? "", number: entry?.number ?? null }),
    decision,
  };
  const common = {
    kind: "report.decided" as const,
    contestId: r.contest_id,
    entryId: kind === "entry" ? r.subject_id : null,
  };
  await notifyUsers(trx, [r.reporter_id], { ...common, data: { ...base, reportId: r.id, role: "reporter" } });
  await notifyUsers(trx, [r.reported_id], { ...common, data: { ...base, reportId: r.id, role: "reported" } });
  if (r.contest_id) {
    const contest = await trx
      .selectFrom("contests")
      .select("client_id")
      .where("id", "=", r.contest_id)
      .executeTakeFirst();
    // The client's notification leads to the contest: the report's page is its parties' alone.
    if (contest && contest.client_id !== r.reporter_id && contest.client_id !== r.reported_id)
      await notifyUsers(trx, [contest.client_id], { ...common, data: { ...base, role: "client" } });
  }
}

/** Whether a profile page offers its viewer "Report this profile": logged in, and not their own. */
export async function offersProfileReport(viewerId: string | null, handle: string): Promise<boolean> {
  if (!viewerId) return false;
  const user = await db().selectFrom("users").select("id").where("handle", "=", handle).executeTakeFirst();
  return user !== undefined && user.id !== viewerId;
}
