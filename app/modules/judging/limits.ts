// Judging's limits and choices, free of server code so forms and components read the same rules.

/** The reasons a client may give for declining an entry (each has a catalogue sentence). */
export const DECLINE_REASONS = ["off_brief", "low_quality", "copied", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export function isDeclineReason(value: unknown): value is DeclineReason {
  return (DECLINE_REASONS as readonly unknown[]).includes(value);
}

/** Longest comment on an entry, and longest note given with a decline. */
export const COMMENT_MAX = 2000;

/** Longest private note a judge leaves the client on one entry. */
export const NOTE_MAX = 2000;
