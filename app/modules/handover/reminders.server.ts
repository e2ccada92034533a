import { transaction, type Trx } from "~db/index";
import { translate, type Locale } from "~/i18n";
import { formatDate } from "~/i18n/dates";
import { DEFAULT_TIME_ZONE } from "~/i18n/zone";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { formatPrize } from "../money/money";
import { loadContest, type Contest } from "../contests/contests.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { notifyUsers } from "../notify/notifications.server";

/** Days before the automatic approval at which the client is reminded. */
export const REMINDER_DAYS = [2, 1] as const;

type ReminderPayload = { contestId: string; version: number; days: number };

/**
 * When the handover's clock starts: one durable job per reminder, keyed by the contest's version,
 * in the transaction that started the clock.
 */
export async function scheduleHandoverReminders(
  trx: Trx,
  contest: Pick<Contest, "id" | "version" | "roundEndsAt">,
) {
  if (contest.roundEndsAt === null) return;
  for (const days of REMINDER_DAYS) {
    await enqueueJob(trx, {
      kind: "handover.reminder",
      payload: { contestId: contest.id, version: contest.version, days } satisfies ReminderPayload,
      runAt: contest.roundEndsAt - days * DAY,
      uniqueKey: `handover.reminder:${contest.id}:v${contest.version}:${days}d`,
    });
  }
}

/**
 * Remind the client (in the app and by mail) that the handover will be approved for them. Does
 * nothing if the contest moved on (approved, or any later version), nothing once a later reminder
 * is due, and nothing twice: a job run again after a crash finds its notification.
 */
export async function sendHandoverReminder(payload: ReminderPayload): Promise<"sent" | "skipped"> {
  return transaction(async (trx) => {
    const contest = await loadContest(trx, payload.contestId, { lock: true });
    if (!contest || contest.status !== "handover" || contest.version !== payload.version) return "skipped";
    if (contest.roundEndsAt === null) return "skipped";
    // A reminder is sent only while its words are true: a worker catching up after a pause (or a
    // clock moved on) finds the 2-day and 1-day reminders due together, and the approval with them;
    // the client gets the latest one only, or none when the approval itself is due.
    if (now() >= contest.roundEndsAt - (payload.days - 1) * DAY) return "skipped";
    const kind = payload.days === 1 ? "handover.reminder.1" : "handover.reminder.2";
    const sent = await trx
      .selectFrom("notifications")
      .select("id")
      .where("contest_id", "=", contest.id)
      .where("user_id", "=", contest.clientId)
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (sent) return "skipped";
    const people = await trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "in", [contest.clientId, contest.winnerId ?? contest.clientId])
      .execute();
    const client = people.find((p) => p.id === contest.clientId)!;
    const designer = people.find((p) => p.id === contest.winnerId);
    const approvedAt = contest.roundEndsAt;
    // The fuller mail, in the client's language when it is sent; dates in Québec's time, as all mail.
    const mail = (locale: Locale) => {
      const vars = {
        client: client.display_name,
        designer: designer?.display_name ?? "",
        contest: contest.title,
        prize: formatPrize(contest.prize, contest.currency, locale),
        date: formatDate(approvedAt, locale, DEFAULT_TIME_ZONE, "dateTime"),
        link: `${config().appUrl}/contests/${contest.id}/handover`,
        days: translate(locale, "mail.handover.reminder.days", { n: payload.days }),
      };
      return {
        subject: translate(locale, "mail.handover.reminder.subject", vars),
        text: translate(locale, "mail.handover.reminder.body", vars),
      };
    };
    // In the app, and by mail as the client chose for handover steps (this fuller mail, each time).
    await notifyUsers(trx, [contest.clientId], {
      kind,
      contestId: contest.id,
      data: { days: payload.days },
      mail,
    });
    return "sent";
  });
}

export function registerHandoverJobs() {
  registerJobHandler("handover.reminder", async (payload: ReminderPayload) => {
    await sendHandoverReminder(payload);
  });
}
