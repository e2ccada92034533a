/** English: contest tiers (who may enter) and fair pay for finalists (ADR 0039). */
export const enTiers = {
  "contest.tier.label": "Who can enter",
  "contest.tier.value":
    "{tier} contest: {floor, select, mid {open to mid and top level designers in this category} top {open to top level designers in this category} other {open to every designer}}. A designer the client invites can always enter.",
  "contest.tier.share.label": "Finalists are paid",
  "contest.tier.share":
    "{percent} of the prize ({amount}) is shared equally among the finalists who do not win, paid when the prize is released.",
  "entries.submit.tierLevel":
    "This is a {tier} contest: {floor, select, mid {it is open to mid and top level designers} top {it is open to top level designers} other {it is open to every designer}} in its category, and you are at {level, select, mid {mid level} top {top level} other {entry level}} there. Your dashboard shows what your next level needs.",
  "entries.submit.entryCap":
    "As an entry-level designer you can take part in {max} contests in {days} days, and you have reached that. Finish the contests you are in; a win moves you up.",
  "dashboard.levels.cap":
    "{overall, select, entry {At entry level you take part in up to {max} contests in {days} days ({count} so far).} other {You can take part in as many contests as you like.}}",
  "wizard.prize.tier.bronze": "Open to every designer",
  "wizard.prize.tier.silver": "Open to every designer",
  "wizard.prize.tier.gold": "Mid and top level designers · {percent} shared among the finalists",
  "wizard.prize.tier.platinum": "Top level designers only · {percent} shared among the finalists",
  "approval.share":
    "As the brief said, {shared} of the prize is shared among the {n, plural, one {finalist} other {# finalists}} who did not win; {designer} receives {winner}.",
  "handover.share":
    "{designer} receives {winner}; {shared} goes to the {n, plural, one {finalist} other {# finalists}} who did not win, as the brief said.",
} as const;
