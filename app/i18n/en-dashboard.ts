/** English: the dashboard by role (designers, judges; the client's part is in en-contests) and the header. */
export const enDashboard = {
  "dashboard.heading": "Dashboard",
  "dashboard.nothingNeeded.plain": "Nothing needs you right now. We will tell you when something does.",
  "dashboard.alsoRun": "Want designs of your own?",
  "dashboard.task.hand_over": "Hand over your files",
  "dashboard.task.hand_over.files_signature": "Upload the final files and sign the transfer agreement",
  "dashboard.task.hand_over.files": "Upload the final files",
  "dashboard.task.hand_over.signature": "Sign the transfer agreement",
  "dashboard.cta.hand_over": "Open the handover",
  "dashboard.task.judge_entries": "{n, plural, one {# entry} other {# entries}} left to rate",
  "dashboard.cta.judge_entries": "Rate entries",

  "dashboard.judging.title": "Contests you judge",
  "dashboard.judging.lead": "The clients who invited you see your stars beside their own.",
  "dashboard.judging.none": "No contest needs your rating right now.",
  "dashboard.judging.progress": "Rated {rated} of {total}",
  "dashboard.judging.open": "Rate entries",
  "dashboard.judging.review": "Review your ratings",

  "dashboard.entries.title": "Your entries",
  "dashboard.entries.all": "All your entries",
  "dashboard.entries.group.won": "Won",
  "dashboard.entries.group.running": "In the running",
  "dashboard.entries.group.processing": "Being prepared",
  "dashboard.entries.group.closed": "Closed",
  "dashboard.entries.finalist": "Finalist",
  "dashboard.entries.more": "{n} more",
  "dashboard.designer.empty.title": "Find a contest to enter",
  "dashboard.designer.empty.body":
    "Browse the open contests, read the brief, upload a design. Every prize is held in escrow before the contest opens.",
  "dashboard.designer.empty.cta": "Browse open contests",

  "dashboard.earnings.title": "Earnings",
  "dashboard.earnings.none":
    "No prize money yet. A won contest's prize appears here once its handover is approved.",
  "dashboard.earnings.open": "See your earnings",

  "contest.clientTools": "Judges and polls",
  "contest.clientTools.polls": "Run a poll",

  "nav.menu": "Menu",
  "dashboard.levels.title": "Your levels",
  "dashboard.levels.categories": "Choose your categories",
  "dashboard.levels.none": "Choose what you design on your profile to follow your level in each category.",
  "dashboard.levels.wins":
    "{n, plural, one {# more win} other {# more wins}} in {category} to reach {level, select, mid {mid level} top {top level} other {the next level}}.",
  "dashboard.levels.reviews":
    "{n, plural, one {# more client review} other {# more client reviews}} for {level, select, mid {mid level} top {top level} other {the next level}}.",
  "dashboard.levels.average":
    "An average of {average} stars from clients for {level, select, mid {mid level} top {top level} other {the next level}}.",
  "dashboard.levels.top": "The highest level in this category.",
  "dashboard.levels.rules":
    "Levels are earned in each category from your record alone. Mid level: {midWins} contests won there, and an average of at least {midAverage} stars if clients reviewed you. Top level: {topWins} contests won, {topReviews} client reviews or more, and an average of at least {topAverage} stars.",
} as const;
