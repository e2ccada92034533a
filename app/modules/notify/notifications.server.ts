import { readTaxLines } from "../tax/charge";
import { taxReceiptLines } from "../tax/words";
import { db, transaction, type DB, type Trx } from "~db/index";
import { translate, translator, type Locale, type MessageKey, type T } from "~/i18n";
import { now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { formatPrize } from "../money/money";
import { mediaUrl } from "../entries/media";
import { isDeclineReason } from "../judging/limits";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { mailLocale, queueMail } from "./mail.server";
import {
  DEFAULT_DELIVERY,
  DELIVERIES,
  DIGEST_HOUR_UTC,
  MAIL_CATEGORIES,
  MAIL_CATEGORY_OF,
  isNotificationKind,
  kindsOf,
  type Delivery,
  type MailCategory,
  type NotificationKind,
} from "./kinds";
import { contestPaths } from "../contests/next-steps";
import { entryPaths } from "../entries/paths";
import { profilePath } from "../people/profiles";
import { rejectionText } from "../entries/rejection.server";

export interface NotificationInput {
  kind: NotificationKind;
  contestId?: string | null;
  entryId?: string | null;
  data?: Record<string, unknown>;
  /**
   * The mail to send instead of the plain one, to someone who wants this kind of mail each time:
   * written at send time, in the recipient's language.
   */
  mail?: (locale: Locale) => { subject: string; text: string };
}

/**
 * In-app notifications, written in the caller's transaction (they exist iff the change does). A
 * kind that is mailed goes out by each recipient's choice: queued now, in tomorrow's digest, or not.
 */
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
  if (!rows.length) return;
  await trx.insertInto("notifications").values(rows).execute();
  const category = MAIL_CATEGORY_OF[input.kind];
  if (category) await mailAsChosen(trx, rows, category, input.mail);
}

/**
 * One notification that folds into the recipient's unread one of the same kind on the same entry
 * (five quick re-ratings are one "the client rated your entry", with the latest stars). A fold
 * sends no new mail.
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

// ---- reading: a notification with what it is about, rendered as a sentence when read ----------

/** Notifications with their contest, entry, designer and thumbnail (everything a sentence may need). */
function withContext(q: Trx | DB) {
  return q
    .selectFrom("notifications")
    .leftJoin("contests", "contests.id", "notifications.contest_id")
    .leftJoin("entries", "entries.id", "notifications.entry_id")
    .leftJoin("users as designers", "designers.id", "entries.designer_id")
    .leftJoin("entry_revisions as revisions", "revisions.id", "entries.current_revision_id")
    .select([
      "notifications.id",
      "notifications.user_id",
      "notifications.kind",
      "notifications.contest_id",
      "notifications.entry_id",
      "notifications.data",
      "notifications.created_at",
      "notifications.read_at",
      "contests.title as contest_title",
      "entries.number as entry_number",
      "entries.status as entry_status",
      "designers.display_name as designer_name",
      "revisions.thumbnail_key",
    ]);
}

type ContextRow = Awaited<ReturnType<ReturnType<typeof withContext>["execute"]>>[number];

export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  href: string;
  /** The entry's thumbnail, when the notification is about an entry that can be shown. */
  image: { src: string; alt: string } | null;
  createdAt: number;
  read: boolean;
}

const SHOWN_ENTRY = new Set(["ready", "declined"]);

/** The stored data with what is read beside it: the contest's title, the entry's number, its designer. */
function dataOf(row: ContextRow): NotificationData {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    ...data,
    contestTitle: row.contest_title,
    number: data.number ?? row.entry_number ?? undefined,
    designer: row.designer_name ?? undefined,
  };
}

function view(row: ContextRow, locale: Locale): NotificationView {
  const t = translator(locale);
  const vars = dataOf(row);
  const showImage = row.thumbnail_key && row.entry_status && SHOWN_ENTRY.has(row.entry_status);
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(row.kind, vars, locale),
    href: notificationHref({
      kind: row.kind,
      contestId: row.contest_id,
      entryId: row.entry_id,
      handle: typeof vars.handle === "string" ? vars.handle : null,
      reportId: typeof vars.reportId === "string" ? vars.reportId : null,
    }),
    image: showImage
      ? {
          src: mediaUrl(row.thumbnail_key!),
          alt: t("notify.image.alt", {
            number: String(vars.number ?? "?"),
            designer: row.designer_name ?? t("notify.someone"),
          }),
        }
      : null,
    createdAt: row.created_at,
    read: row.read_at !== null,
  };
}

/** The reader's notifications, newest first, each as a sentence in their language. */
export async function listNotifications(
  userId: string,
  locale: Locale,
  limit = 50,
): Promise<NotificationView[]> {
  const rows = await withContext(db())
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => view(row, locale));
}

/** The notifications page: each one as a sentence, with its picture and where it leads. */
export const notificationsForPage = listNotifications;

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

function money(minor: unknown, currency: unknown, locale: Locale) {
  const amount = Number(minor);
  return formatPrize(
    Number.isSafeInteger(amount) ? amount : 0,
    typeof currency === "string" ? currency : "USD",
    locale,
  );
}

const text = (value: unknown, fallback: string) => (typeof value === "string" && value ? value : fallback);

/**
 * A notification as a sentence from the catalogue: every kind that is created has one (see
 * kinds.ts); a kind this catalogue does not know (an old row) reads plainly. Written when read, in
 * the reader's language: a notification stores its kind and data, never its words.
 */
export function notificationText(kind: string, data: NotificationData, locale: Locale): string {
  const vars = sentenceVars(data, locale);
  if (!isNotificationKind(kind)) return translate(locale, "notify.fallback", vars);
  // A receipt with taxes names each line, its rate and the registration number (as charged).
  if (kind === "contest.launched" && vars.taxes)
    return translate(locale, "notify.contest.launched.taxed", vars);
  return translate(locale, `notify.${kind}` as MessageKey, vars);
}

/** A mail's subject: the sentence, or a shorter line of its own for a kind that has one. */
const SUBJECTS: Partial<Record<NotificationKind, MessageKey>> = {
  "contest.launched": "notify.subject.contest.launched",
};

export function notificationSubject(kind: NotificationKind, data: NotificationData, locale: Locale): string {
  const key = SUBJECTS[kind];
  return key
    ? translate(locale, key, sentenceVars(data, locale))
    : notificationText(kind, data, locale).replace(/\.$/, "");
}

function sentenceVars(data: NotificationData, locale: Locale) {
  const t = translator(locale);
  const stars = Number(data.stars);
  const reason = String(data.reason ?? "other");
  return {
    contest: text(data.contestTitle, t("notify.aContest")),
    number: String(data.number ?? "?"),
    name: text(data.name, t("notify.someone")),
    designer: text(data.designer, t("notify.someone")),
    title: text(data.title, t("entries.untitled")),
    // reports (support/reports.server.ts): what was reported, why, the outcome, who is told
    subject: text(data.subject, "profile"),
    why: text(data.why, "spam"),
    decision: text(data.decision, "dismissed"),
    role: text(data.role, "reporter"),
    stars: t("judging.stars", {
      n: Number.isFinite(stars) ? stars : 0,
    }),
    reason: t(`judging.decline.reason.${isDeclineReason(reason) ? reason : "other"}` as MessageKey),
    // entry.rejected: the stored rejection (or, in an old row, its text).
    detail:
      typeof data.reason === "string" && data.reason
        ? rejectionText(data.reason, locale)
        : t("entries.processing.failed"),
    prize: money(data.prize, data.currency, locale),
    fee: money(data.fee, data.currency, locale),
    total: money(data.total, data.currency, locale),
    amount: money(data.amount, data.currency, locale),
    taxes: taxReceiptLines(
      readTaxLines(typeof data.taxLines === "string" ? data.taxLines : null),
      typeof data.currency === "string" ? data.currency : "USD",
      t,
      locale,
    ),
  };
}

/** Where a notification takes its reader. */
export function notificationHref(n: {
  kind: string;
  contestId: string | null;
  entryId: string | null;
  /** The designer a notification is about, when it leads to their profile (a followed designer). */
  handle?: string | null;
  /** The report a party is told about (support/reports.server.ts): its page. */
  reportId?: string | null;
}) {
  if (n.kind.startsWith("report.") && n.reportId) return `/reports/${n.reportId}`;
  if (n.kind === "payout.sent" || n.kind === "contest.finalist_share") return "/earnings";
  // A followed designer's new piece: the winning entry's page, else (an uploaded piece) their profile.
  if (n.kind === "network.new_piece")
    return n.entryId ? entryPaths.page(n.entryId) : n.handle ? profilePath(n.handle) : "/notifications";
  if (!n.contestId) return "/notifications";
  const contest = contestPaths.page(n.contestId);
  switch (n.kind) {
    case "contest.pick_finalists":
    case "contest.pick_winner":
      return `${contest}/shortlist`;
    case "entry.replied":
    case "judge.noted":
      return n.entryId ? `${contest}/judge?entry=${n.entryId}` : `${contest}/judge`;
    case "judge.joined":
      return `${contest}/judges`;
    case "contest.launched":
      return "/receipts";
    case "contest.won":
    case "contest.handover_auto_approved":
    case "contest.handover_sign_to_be_paid":
    case "contest.prize_held":
    case "handover.started":
    case "handover.files_updated":
    case "handover.reminder.2":
    case "handover.reminder.1":
    case "handover.message":
    case "handover.signed":
      return `${contest}/handover`;
    case "review.received":
    case "review.answered":
      return `${contest}/handover#review`;
    case "contest.prize_released":
    case "contest.won_by_rule":
    case "contest.split_by_rule":
      return "/earnings";
    case "entry.new":
    case "entry.revised":
    case "entry.rated":
    case "entry.commented":
    case "entry.declined":
    case "entry.restored":
    case "entry.rejected":
    case "entry.similar_flagged":
    case "entry.similar_to_yours":
      return n.entryId ? entryPaths.page(n.entryId) : contest;
    default:
      return contest;
  }
}

// ---- mail: each person's choice per kind of mail ---------------------------------------------

export type MailPreferences = Record<MailCategory, Delivery>;

const isDelivery = (value: string): value is Delivery => (DELIVERIES as readonly string[]).includes(value);

export async function mailPreferences(userId: string, q: Trx | DB = db()): Promise<MailPreferences> {
  const rows = await q
    .selectFrom("notification_preferences")
    .select(["category", "delivery"])
    .where("user_id", "=", userId)
    .execute();
  const prefs = { ...DEFAULT_DELIVERY };
  for (const r of rows) {
    if ((MAIL_CATEGORIES as readonly string[]).includes(r.category) && isDelivery(r.delivery))
      prefs[r.category as MailCategory] = r.delivery;
  }
  return prefs;
}

export async function setMailPreferences(userId: string, prefs: Partial<MailPreferences>) {
  const at = now();
  const rows = Object.entries(prefs).map(([category, delivery]) => ({
    user_id: userId,
    category,
    delivery,
    updated_at: at,
  }));
  if (!rows.length) return;
  await db()
    .insertInto("notification_preferences")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["user_id", "category"]).doUpdateSet((eb) => ({
        delivery: eb.ref("excluded.delivery"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

const appLink = (href: string) => `${config().appUrl}${href}`;
const settingsLink = () => appLink("/account#mail");

function mailFooter(t: T) {
  return `${t("notify.mail.settings", { link: settingsLink() })}\n\n${t("notify.mail.signature")}`;
}

/** The first day slot (epoch ms) at the digest's hour strictly after `at`. */
export function nextDigestAt(at: number): number {
  const offset = DIGEST_HOUR_UTC * HOUR;
  return Math.floor((at - offset) / DAY) * DAY + offset + DAY;
}

async function mailAsChosen(
  trx: Trx | DB,
  rows: { id: string; user_id: string }[],
  category: MailCategory,
  override?: NotificationInput["mail"],
) {
  const people = await trx
    .selectFrom("users")
    .leftJoin("notification_preferences as p", (join) =>
      join.onRef("p.user_id", "=", "users.id").on("p.category", "=", category),
    )
    .select(["users.id", "users.email", "users.display_name", "users.locale", "p.delivery"])
    .where(
      "users.id",
      "in",
      rows.map((r) => r.user_id),
    )
    .execute();
  const at = now();
  const each: string[] = [];
  for (const person of people) {
    const delivery =
      person.delivery && isDelivery(person.delivery) ? person.delivery : DEFAULT_DELIVERY[category];
    if (delivery === "daily") {
      const runAt = nextDigestAt(at);
      await enqueueJob(trx, {
        kind: "notify.digest",
        payload: { userId: person.id },
        runAt,
        uniqueKey: `notify.digest:${person.id}:${runAt}`,
      });
    } else if (delivery === "each") each.push(person.id);
  }
  if (!each.length) return;
  const ids = rows.filter((r) => each.includes(r.user_id)).map((r) => r.id);
  const views = await withContext(trx).where("notifications.id", "in", ids).execute();
  for (const row of views) {
    const person = people.find((p) => p.id === row.user_id)!;
    const locale = mailLocale(person.locale);
    const t = translator(locale);
    const v = view(row, locale);
    const fuller = override?.(locale);
    await queueMail(trx, {
      to: person.email,
      subject: fuller?.subject ?? notificationSubject(row.kind as NotificationKind, dataOf(row), locale),
      text:
        fuller?.text ??
        [
          t("notify.mail.greeting", { name: person.display_name }),
          v.text,
          `${t("notify.mail.open")}\n${appLink(v.href)}`,
          mailFooter(t),
        ].join("\n\n"),
    });
  }
  await trx.updateTable("notifications").set({ mailed_at: at }).where("id", "in", ids).execute();
}

/**
 * The daily digest of one person: what they have not read nor been mailed yet, of the kinds they
 * want mailed. Marked as mailed in the same transaction as the mail, so a job run again sends nothing.
 */
export async function sendDigest(userId: string): Promise<number> {
  return transaction(async (trx) => {
    const prefs = await mailPreferences(userId, trx);
    const mailed = MAIL_CATEGORIES.filter((c) => prefs[c] !== "app");
    const kinds = kindsOf(mailed);
    if (!kinds.length) return 0;
    const at = now();
    const rows = await withContext(trx)
      .where("notifications.user_id", "=", userId)
      .where("notifications.mailed_at", "is", null)
      .where("notifications.read_at", "is", null)
      .where("notifications.kind", "in", kinds)
      .where("notifications.created_at", "<=", at)
      .orderBy("notifications.created_at")
      .orderBy("notifications.id")
      .execute();
    if (!rows.length) return 0;
    const person = await trx
      .selectFrom("users")
      .select(["email", "display_name", "locale"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const locale = mailLocale(person.locale);
    const t = translator(locale);
    const lines = rows.map((row) => view(row, locale)).map((v) => `• ${v.text}\n  ${appLink(v.href)}`);
    await queueMail(trx, {
      to: person.email,
      subject: t("notify.digest.subject", { n: rows.length }),
      text: [
        t("notify.mail.greeting", { name: person.display_name }),
        t("notify.digest.lead"),
        lines.join("\n\n"),
        mailFooter(t),
      ].join("\n\n"),
    });
    await trx
      .updateTable("notifications")
      .set({ mailed_at: at })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.length;
  });
}

export function registerNotifyJobs() {
  registerJobHandler("notify.digest", async (payload: { userId: string }) => {
    await sendDigest(payload.userId);
  });
}
