/**
 * What support can do, each written to the append-only audit log (ADR 0043). The list is the one
 * place an action is named: the console, the timelines and the tests read it from here.
 */
export const AUDIT_ACTIONS = [
  "support.grant",
  "support.revoke",
  "user.suspend",
  "user.reinstate",
  "entry.hide",
  "entry.unhide",
  "contest.extend",
  "contest.refund",
  "contest.award",
  "mail.resend",
  "prize.release",
  "report.decide",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about. */
export const AUDIT_SUBJECTS = ["user", "entry", "contest", "mail", "report", "piece", "message"] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECTS)[number];

/** A support action's reason is written for the parties to read: short, but never empty. */
export const AUDIT_REASON_MIN = 3;
export const AUDIT_REASON_MAX = 500;
