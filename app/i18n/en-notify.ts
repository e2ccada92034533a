/** English: notifications that are new in notify's catalogue, the mail they send, and mail settings. */
export const enNotify = {
  // ---- sentences (the older kinds live beside their areas: en-judging, en-handover) ----
  "notify.entry.new": "{designer} sent entry #{number} to “{contest}”.",
  "notify.entry.revised": "{designer} sent a new version of entry #{number} to “{contest}”.",
  "notify.entry.rejected": "We could not use your entry #{number} for “{contest}”: {detail}",
  "notify.entry.similar_flagged":
    "Entry #{number} in “{contest}” looks like earlier work by another designer. Look before you rate it.",
  "notify.entry.similar_to_yours":
    "A design sent to another contest looks like your entry #{number} in “{contest}”. We told its client.",
  "notify.contest.launched":
    "“{contest}” is live. You paid {total}: the prize of {prize}, held in escrow, and a fee of {fee}.",
  "notify.contest.launched.taxed":
    "“{contest}” is live. You paid {total}: the prize of {prize}, held in escrow, a fee of {fee}, and the taxes on the fee: {taxes}.",
  "notify.payout.sent": "Your payout of {amount} was sent.",
  "notify.image.alt": "Entry #{number} by {designer}",

  // ---- mail ----
  "notify.subject.contest.launched": "Your receipt: “{contest}” is live ({total})",
  "notify.mail.greeting": "Hello {name},",
  "notify.mail.open": "See it on Concours:",
  "notify.mail.settings": "You get this mail because of your mail settings. Change them here: {link}",
  "notify.mail.signature": "Concours",
  "notify.digest.subject": "Your day on Concours: {n, plural, one {# update} other {# updates}}",
  "notify.digest.lead": "Here is what happened since yesterday:",

  // ---- the account page's mail settings ----
  "notify.settings.title": "Mail",
  "notify.settings.lead":
    "Everything also appears in your notifications. Choose, for each kind of news, when we mail you.",
  "notify.settings.save": "Save mail settings",
  "notify.settings.saved": "Mail settings saved.",
  "notify.settings.invalid": "Choose one of the options for each kind of mail.",
  "notify.delivery.each": "Each time",
  "notify.delivery.daily": "Daily digest",
  "notify.delivery.app": "In the app only",
  "notify.category.entries": "New entries in my contests",
  "notify.category.declined": "My entry was declined",
  "notify.category.finalist": "I am a finalist",
  "notify.category.winner": "I won a contest",
  "notify.category.handover": "Handover steps (files, agreement, messages, reminders)",
  "notify.category.prize": "A prize was released to me",
  "notify.category.payout": "My payout was sent",
  "notify.category.receipt": "Receipt when my contest launches",
  "notify.category.messages": "Unread messages in my conversations",
} as const;
