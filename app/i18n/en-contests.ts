/** English: the contest brief, browsing, the contest page, the client's dashboard. */
export const enContests = {
  "brief.error.tooLong": "Keep this under {max} characters.",
  "brief.error.days": "Choose between {min} and {max} days.",
  "brief.error.category": "Choose what you need designed.",
  "brief.error.prize": "Enter an amount in dollars, like 499 or 1,250.",
  "brief.error.prizePositive": "The prize must be more than zero.",
  "brief.error.prizeMin": "The smallest prize for this category is {min}.",
  "brief.error.prizeMax": "That is more than we accept for one contest ({max}). Check the amount.",
} as const;
