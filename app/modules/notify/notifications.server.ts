import { db, type DB, type Trx } from "~db/index";
import { t, type MessageKey } from "~/i18n";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";

export interface NotificationInput {
  kind: string;
  contestId?: string | null;
  entryId?: string | null;
  data?: Record<string, unknown>;
}

/** In-app notifications, written in the caller's transaction (they exist iff the change does). */
export async function notifyUsers(trx: Trx | DB, userIds: Iterable<string>, input: NotificationInput) {
  const at = now();
  const rows = [...new Set(userIds)].map((userId) => ({
    id: newId(),
    user_id: userId,
    kind: input.kind,
    contest_id: input.contestId ?? null,
    entry_id: input.entryId ?? null,
    data: JSON.stringify(input.data ?? {}),
    created_at: at,
  }));
  if (rows.length) await trx.insertInto("notifications").values(rows).execute();
}

/**
 * One notification that folds into the recipient's unread one of the same kind on the same entry
 * (five quick re-ratings are one "the client rated your entry", with the latest stars).
 */
export async function notifyCoalesced(trx: Trx | DB, userId: string, input: NotificationInput) {
  if (input.entryId) {
    const folded = await trx
      .updateTable("notifications")
      .set({ data: JSON.stringify(input.data ?? {}), created_at: now() })
      .where("entry_id", "=", input.entryId)
      .where("user_id", "=", userId)
      .where("kind", "=", input.kind)
      .where("read_at", "is", null)
      .executeTakeFirst();
    if (Number(folded.numUpdatedRows) > 0) return;
  }
  await notifyUsers(trx, [userId], input);
}

export async function listNotifications(userId: string, limit = 50) {
  const rows = await db()
    .selectFrom("notifications")
    .leftJoin("contests", "contests.id", "notifications.contest_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.contest_id",
      "notifications.entry_id",
      "notifications.data",
      "notifications.created_at",
      "notifications.read_at",
      "contests.title as contest_title",
    ])
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    contestId: r.contest_id,
    contestTitle: r.contest_title,
    entryId: r.entry_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export async function unreadCount(userId: string): Promise<number> {
  const row = await db()
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(userId: string) {
  await db()
    .updateTable("notifications")
    .set({ read_at: now() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}

export type NotificationData = Record<string, unknown> & { contestTitle?: string | null };

const KNOWN_KINDS = new Set<string>([
  "contest.finalist",
  "contest.not_finalist",
  "contest.pick_finalists",
  "contest.pick_winner",
  "contest.won",
  "contest.not_won",
  "contest.won_by_rule",
  "contest.resolved",
  "contest.split_by_rule",
  "contest.refunded",
  "contest.ended_without_winner",
  "contest.brief_changed",
  "contest.round_extended",
  "contest.prize_released",
  "contest.eliminated",
  "contest.reinstated",
  "entry.rated",
  "entry.commented",
  "entry.replied",
  "entry.declined",
  "entry.restored",
  "judge.joined",
  "judge.removed",
  "judge.noted",
  "contest.handover_auto_approved",
  "contest.handover_sign_to_be_paid",
  "handover.started",
  "handover.files_updated",
  "handover.reminder.2",
  "handover.reminder.1",
  "handover.message",
  "handover.signed",
]);

const DECLINE_REASONS = new Set(["off_brief", "low_quality", "copied", "other"]);

/**
 * A notification as a sentence from the catalogue: every kind (the machine's contest.* ones too),
 * with a plain fallback for a kind this catalogue does not know yet.
 */
export function notificationText(kind: string, data: NotificationData = {}): string {
  const contest =
    typeof data.contestTitle === "string" && data.contestTitle ? data.contestTitle : t("notify.aContest");
  const stars = Number(data.stars);
  const reason = String(data.reason ?? "other");
  const vars = {
    contest,
    number: String(data.number ?? "?"),
    name: typeof data.name === "string" && data.name ? data.name : t("notify.someone"),
    stars: t(stars === 1 ? "judging.stars.one" : "judging.stars.other", {
      n: Number.isFinite(stars) ? stars : 0,
    }),
    reason: t(`judging.decline.reason.${DECLINE_REASONS.has(reason) ? reason : "other"}` as MessageKey),
  };
  if (!KNOWN_KINDS.has(kind)) return t("notify.fallback", vars);
  return t(`notify.${kind}` as MessageKey, vars);
}

/** Where a notification takes its reader. */
export function notificationHref(n: { kind: string; contestId: string | null; entryId: string | null }) {
  if (!n.contestId) return "/notifications";
  const contest = `/contests/${n.contestId}`;
  switch (n.kind) {
    case "contest.pick_finalists":
    case "contest.pick_winner":
      return `${contest}/shortlist`;
    case "entry.replied":
    case "judge.noted":
      return n.entryId ? `${contest}/judge?entry=${n.entryId}` : `${contest}/judge`;
    case "judge.joined":
      return `${contest}/judges`;
    case "contest.won":
    case "contest.handover_auto_approved":
    case "contest.handover_sign_to_be_paid":
    case "handover.started":
    case "handover.files_updated":
    case "handover.reminder.2":
    case "handover.reminder.1":
    case "handover.message":
    case "handover.signed":
      return `${contest}/handover`;
    case "contest.prize_released":
    case "contest.won_by_rule":
    case "contest.split_by_rule":
      return "/earnings";
    case "entry.rated":
    case "entry.commented":
    case "entry.declined":
    case "entry.restored":
      return n.entryId ? `/entries/${n.entryId}` : contest;
    default:
      return contest;
  }
}

/** The notifications page: each one as a sentence with where it leads. */
export async function notificationsForPage(userId: string, limit = 50) {
  const rows = await listNotifications(userId, limit);
  return rows.map((n) => ({
    id: n.id,
    text: notificationText(n.kind, { ...n.data, contestTitle: n.contestTitle }),
    href: notificationHref(n),
    createdAt: n.createdAt,
    read: n.read,
  }));
}
