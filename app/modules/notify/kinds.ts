/**
 * Every kind of notification the product creates, and which mail (if any) each one belongs to.
 * `notifyUsers` only accepts these kinds, so a new kind cannot be created without a sentence in the
 * catalogue (`notify.<kind>`) and a decision about its mail. Pure: shared by the machine and the UI.
 */
export const NOTIFICATION_KINDS = [
  // the contest machine's effects
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
  "contest.finalist_share",
  "contest.handover_auto_approved",
  "contest.handover_sign_to_be_paid",
  "contest.prize_held",
  // launch and payouts
  "contest.launched",
  "payout.sent",
  // entries
  "entry.new",
  "entry.revised",
  "entry.rejected",
  "entry.similar_flagged",
  "entry.similar_to_yours",
  // judging
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
  // handover
  "handover.started",
  "handover.files_updated",
  "handover.reminder.2",
  "handover.reminder.1",
  "handover.message",
  "handover.signed",
  // reviews after the work
  "review.received",
  "review.answered",
  // a client's network (people/network.server.ts)
  "network.invited",
  "network.invited_private",
  "network.new_piece",
  // reports with due process (support/reports.server.ts)
  "report.filed",
  "report.withdrawn",
  "report.decided",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const KIND_SET = new Set<string>(NOTIFICATION_KINDS);
export const isNotificationKind = (kind: string): kind is NotificationKind => KIND_SET.has(kind);

/** The mails a person can receive, each chosen separately on the account page. */
export const MAIL_CATEGORIES = [
  "entries",
  "declined",
  "finalist",
  "winner",
  "handover",
  "prize",
  "payout",
  "receipt",
  // Direct messages: no notification kind of their own (they have their own unread count); the
  // mail for an unread message is sent by app/modules/people/messages/mail.server.ts.
  "messages",
  // A client invited me to their contest (people/network.server.ts).
  "invitations",
  // A report about me (24 hours to answer), and a report's outcome (support/reports.server.ts).
  "reports",
] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** Each as it happens, once a day in one digest, or in the app only. */
export const DELIVERIES = ["each", "daily", "app"] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** New entries come often: a digest by default. Everything else that is mailed goes out at once. */
export const DEFAULT_DELIVERY: Record<MailCategory, Delivery> = {
  entries: "daily",
  declined: "each",
  finalist: "each",
  winner: "each",
  handover: "each",
  prize: "each",
  payout: "each",
  receipt: "each",
  messages: "each",
  invitations: "each",
  reports: "each",
};

/** Which mail a kind belongs to; `null`: shown in the app only (ratings, comments, housekeeping). */
export const MAIL_CATEGORY_OF: Record<NotificationKind, MailCategory | null> = {
  "contest.finalist": "finalist",
  "contest.not_finalist": null,
  "contest.pick_finalists": null,
  "contest.pick_winner": null,
  "contest.won": "winner",
  "contest.not_won": null,
  "contest.won_by_rule": "winner",
  "contest.resolved": null,
  "contest.split_by_rule": "winner",
  "contest.refunded": null,
  "contest.ended_without_winner": null,
  "contest.brief_changed": null,
  "contest.round_extended": null,
  "contest.prize_released": "prize",
  "contest.finalist_share": "prize",
  "contest.handover_auto_approved": "handover",
  "contest.handover_sign_to_be_paid": "handover",
  // Support checks the winner before the prize moves (ADR 0046): told in the app, on the handover page.
  "contest.prize_held": null,
  "contest.launched": "receipt",
  "payout.sent": "payout",
  "entry.new": "entries",
  "entry.revised": "entries",
  "entry.rejected": null,
  "entry.similar_flagged": null,
  "entry.similar_to_yours": null,
  "contest.eliminated": null,
  "contest.reinstated": null,
  "entry.rated": null,
  "entry.commented": null,
  "entry.replied": null,
  "entry.declined": "declined",
  "entry.restored": null,
  "judge.joined": null,
  "judge.removed": null,
  "judge.noted": null,
  "handover.started": "handover",
  "handover.files_updated": "handover",
  "handover.reminder.2": "handover",
  "handover.reminder.1": "handover",
  "handover.message": "handover",
  "handover.signed": "handover",
  "review.received": null,
  "review.answered": null,
  "network.invited": "invitations",
  "network.invited_private": "invitations",
  // A followed designer's new piece: in the app only (a follow is not a mailing list).
  "network.new_piece": null,
  "report.filed": "reports",
  "report.withdrawn": "reports",
  "report.decided": "reports",
};

/** The kinds mailed under a category (for the digest's query). */
export function kindsOf(categories: Iterable<MailCategory>): NotificationKind[] {
  const wanted = new Set(categories);
  return NOTIFICATION_KINDS.filter((k) => {
    const c = MAIL_CATEGORY_OF[k];
    return c !== null && wanted.has(c);
  });
}

/** The daily digest goes out at this hour (UTC): the morning in the Americas, the afternoon in Europe. */
export const DIGEST_HOUR_UTC = 13;
