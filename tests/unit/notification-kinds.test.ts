import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, type NotificationKind } from "~/modules/notify/kinds";
import { notificationText } from "~/modules/notify/notifications.server";

/** What a notification knows when it is read: its data, plus the contest, entry and designer. */
const data = {
  contestTitle: "Logo for a bakery",
  designer: "Ana Souza",
  number: 4,
  name: "Jules",
  title: "Golden loaf",
  stars: 4,
  reason: "off_brief",
  matches: 1,
  prize: 49_900,
  fee: 7_485,
  total: 57_385,
  amount: 25_000,
  currency: "USD",
};

// One sentence for every kind: the type makes this table list them all.
const SENTENCES: Record<NotificationKind, string> = {
  "contest.finalist":
    "You are a finalist in “Logo for a bakery”. The final round has begun: you can revise your entries.",
  "contest.not_finalist":
    "The client chose other finalists in “Logo for a bakery”. Thank you for taking part.",
  "contest.pick_finalists": "Qualifying has ended in “Logo for a bakery”. Choose your finalists.",
  "contest.pick_winner": "The final round of “Logo for a bakery” is over. Choose the winner.",
  "contest.won": "You won “Logo for a bakery”! Upload the final files to receive the prize.",
  "contest.not_won": "“Logo for a bakery” has a winner; it was not your entry this time.",
  "contest.won_by_rule":
    "You were awarded the prize of “Logo for a bakery”: the client did not choose in time and you were the best-judged designer.",
  "contest.resolved": "“Logo for a bakery” was settled by rule because no winner was chosen in time.",
  "contest.split_by_rule":
    "The prize of “Logo for a bakery” was shared among the designers because no winner was chosen in time.",
  "contest.refunded": "“Logo for a bakery” ended without a winner, and the prize was refunded.",
  "contest.ended_without_winner": "“Logo for a bakery” ended without a winner.",
  "contest.brief_changed": "The brief of “Logo for a bakery” has changed. See what is new.",
  "contest.round_extended": "The client gave the round of “Logo for a bakery” more time.",
  "contest.prize_released": "The prize of “Logo for a bakery” has been released to you.",
  "contest.handover_auto_approved":
    "The handover of “Logo for a bakery” was approved automatically. Your files are ready to download.",
  "contest.handover_sign_to_be_paid":
    "The client of “Logo for a bakery” stayed silent, so the handover can be approved for them, but only once you sign the design transfer agreement. Sign it to receive the prize.",
  "contest.prize_held":
    "The prize of “Logo for a bakery” is held for a check by support before it is released. Nothing is needed from you for now.",
  "contest.launched":
    "“Logo for a bakery” is live. You paid $573.85: the prize of $499, held in escrow, and a fee of $74.85.",
  "payout.sent": "Your payout of $250 was sent.",
  "entry.new": "Ana Souza sent entry #4 to “Logo for a bakery”.",
  "entry.revised": "Ana Souza sent a new version of entry #4 to “Logo for a bakery”.",
  "entry.rejected": "We could not use your entry #4 for “Logo for a bakery”: off_brief",
  "entry.similar_flagged":
    "Entry #4 in “Logo for a bakery” looks like earlier work by another designer. Look before you rate it.",
  "entry.similar_to_yours":
    "A design sent to another contest looks like your entry #4 in “Logo for a bakery”. We told its client.",
  "contest.eliminated": "The client of “Logo for a bakery” is not taking new entries from you.",
  "contest.reinstated": "You can send entries to “Logo for a bakery” again.",
  "entry.rated": "The client gave your entry #4 in “Logo for a bakery” 4 stars.",
  "entry.commented": "The client commented on your entry #4 in “Logo for a bakery”.",
  "entry.replied": "Jules replied about entry #4 in “Logo for a bakery”.",
  "entry.declined": "Your entry #4 in “Logo for a bakery” was declined: it does not follow the brief.",
  "entry.restored": "Your entry #4 in “Logo for a bakery” is back in the running.",
  "judge.joined": "Jules accepted your invitation to judge “Logo for a bakery”.",
  "judge.removed": "You are no longer a judge of “Logo for a bakery”.",
  "judge.noted": "Jules, your judge, left you a note on entry #4 in “Logo for a bakery”.",
  "handover.started":
    "Jules uploaded the first final files of “Logo for a bakery”. Review them within 5 days.",
  "handover.files_updated": "Jules added or replaced final files of “Logo for a bakery”.",
  "handover.reminder.2":
    "2 days left to review the handover of “Logo for a bakery”; then it is approved automatically.",
  "handover.reminder.1":
    "1 day left to review the handover of “Logo for a bakery”; then it is approved automatically.",
  "handover.message": "Jules wrote to you about the handover of “Logo for a bakery”.",
  "handover.signed": "Jules signed the design transfer agreement of “Logo for a bakery”.",
  "contest.finalist_share":
    "The prize of “Logo for a bakery” was released: as a finalist, you receive $250 of it. Thank you for your work.",
  "review.received": "The client of “Logo for a bakery” reviewed your work: 4 stars.",
  "review.answered": "The designer answered your review of “Logo for a bakery”.",
  "network.invited": "Jules invited you to “Logo for a bakery”.",
  "network.invited_private":
    "Jules invited you to their private contest “Logo for a bakery”. You can now read the brief and send entries.",
  "network.new_piece": "Jules, whom you follow, has a new piece in their portfolio: “Golden loaf”.",
  "report.filed": "Your profile was reported (spam). You have 24 hours to answer.",
  "report.withdrawn": "The designer withdrew the entry #4 in “Logo for a bakery” you reported.",
  "report.decided": "Your report on the profile was dismissed by support.",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/**
 * Every kind a module creates, read from the code: the literals given as `kind` to notifyUsers and
 * notifyCoalesced, and the contest machine's notify effects.
 */
function kindsCreatedInCode(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles("app/modules")) {
    const code = fs.readFileSync(file, "utf8");
    for (const m of code.matchAll(/type: "notify",[^}]*?kind: "([^"]+)"/g)) found.add(m[1]!);
    for (const call of code.matchAll(/notify(?:Users|Coalesced)\(trx,[^;]*?kind: ([^,\n]+)/g)) {
      for (const lit of call[1]!.matchAll(/"([a-z_]+\.[a-z_.0-9]+)"/g)) found.add(lit[1]!);
    }
  }
  return found;
}

describe("every kind of notification reads as what happened", () => {
  it("finds the kinds the modules create in their code, and each is in the catalogue of kinds", () => {
    const created = kindsCreatedInCode();
    // The ones a person meets most: the client's new entries, a designer's decline, a finalist.
    for (const kind of ["entry.new", "entry.declined", "contest.finalist", "contest.won", "handover.started"])
      expect(created, kind).toContain(kind);
    expect(created.size).toBeGreaterThan(30);
    for (const kind of created) expect(NOTIFICATION_KINDS as readonly string[], kind).toContain(kind);
  });

  it.each(NOTIFICATION_KINDS.map((kind) => [kind]))("%s: a sentence of its own, not the fallback", (kind) => {
    const text = notificationText(kind, data, "en");
    expect(text).toBe(SENTENCES[kind]);
    expect(text).not.toBe(notificationText("no.such.kind", data, "en"));
  });

  it("reads a kind it does not know plainly, as the fallback", () => {
    expect(notificationText("no.such.kind", data, "en")).toBe("Something new in “Logo for a bakery”.");
  });
});
