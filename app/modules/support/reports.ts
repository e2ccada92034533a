import { z } from "zod";
import type { T } from "~/i18n";
import { HOUR } from "~/utils/durations";
import { AUDIT_REASON_MAX, AUDIT_REASON_MIN } from "./audit";

/**
 * Reports with due process (issue 14, ADR 0045): the pure rules, shared by the module, the routes
 * and the tests. Offers (fixed-price work) will be a fifth subject when they exist.
 */

/** What can be reported. */
export const REPORT_SUBJECTS = ["entry", "piece", "message", "profile"] as const;
export type ReportSubjectKind = (typeof REPORT_SUBJECTS)[number];

/** Why: copied, stock or traced, generative AI where the contest forbids it, offensive, spam. */
export const REPORT_REASONS = ["copied", "stock", "ai", "offensive", "spam"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export type ReportStatus = "open" | "withdrawn" | "upheld" | "dismissed";
export type ReportDecision = "upheld" | "dismissed";

/** The reported person's time to withdraw or to answer with evidence (99designs' rule). */
export const ANSWER_WINDOW_MS = 24 * HOUR;
/** Upheld reports that suspend an account. */
export const STRIKES_TO_SUSPEND = 3;

export const REPORT_BODY_MIN = 10;
export const REPORT_BODY_MAX = 2000;
export const ANSWER_MAX = 2000;
export const LINK_MAX = 500;

/** Subjects a designer can take back within the 24 hours (a message or a profile is answered). */
export const WITHDRAWABLE: ReadonlySet<ReportSubjectKind> = new Set(["entry", "piece"]);

/** Where a report lives: the parties' page and support's. */
export const reportPaths = {
  new: (kind: ReportSubjectKind, id: string) => `/reports/new?subject=${kind}:${id}`,
  fromFlag: (flagId: string) => `/reports/new?flag=${flagId}`,
  page: (reportId: string) => `/reports/${reportId}`,
  queue: "/support/reports",
  decide: (reportId: string) => `/support/reports/${reportId}`,
};

/** "entry:abc" → the subject, or null for anything else. */
export function readSubject(
  value: string | null | undefined,
): { kind: ReportSubjectKind; id: string } | null {
  const m = /^(entry|piece|message|profile):([a-z0-9-]{1,40})$/.exec(value ?? "");
  return m ? { kind: m[1] as ReportSubjectKind, id: m[2]! } : null;
}

/** The phase a report is in at `at`: answering (the 24 hours), in support's queue, or closed. */
export type ReportPhase = "answering" | "queued" | "closed";

export function phaseOf(
  report: { status: string; answer_due_at: number; answered_at: number | null },
  at: number,
): ReportPhase {
  if (report.status !== "open") return "closed";
  if (report.answered_at !== null || at >= report.answer_due_at) return "queued";
  return "answering";
}

/** Whether the reported person may still answer or withdraw: open, unanswered, within 24 hours. */
export const mayRespond = (
  report: { status: string; answer_due_at: number; answered_at: number | null },
  at: number,
) => phaseOf(report, at) === "answering";

/** An entry of ours named by a link to its page (any host: the path says which). */
export function entryIdFromLink(url: string | null | undefined): string | null {
  const m = /\/entries\/([a-z0-9]{1,40})(?:[/?#]|$)/.exec(url ?? "");
  return m ? m[1]! : null;
}

const link = (t: T) =>
  z
    .string()
    .trim()
    .max(LINK_MAX, t("reports.error.link"))
    .url(t("reports.error.link"))
    .refine((v) => /^https?:\/\//i.test(v), t("reports.error.link"))
    .optional();

/** The report form. A copy needs the original's link. */
export const reportSchema = (t: T) =>
  z
    .object({
      subject: z.string(),
      flag: z.string().optional(),
      reason: z.enum(REPORT_REASONS, { error: t("reports.error.reason") }),
      body: z
        .string({ error: t("reports.error.body", { min: REPORT_BODY_MIN }) })
        .trim()
        .min(REPORT_BODY_MIN, t("reports.error.body", { min: REPORT_BODY_MIN }))
        .max(REPORT_BODY_MAX, t("reports.error.bodyMax", { max: REPORT_BODY_MAX })),
      originalUrl: link(t),
    })
    .superRefine((v, ctx) => {
      if (v.reason === "copied" && !v.originalUrl)
        ctx.addIssue({ code: "custom", path: ["originalUrl"], message: t("reports.error.original") });
    });
export type ReportInput = z.output<ReturnType<typeof reportSchema>>;

/** The reported person's answer: their evidence in words, and a link if they have one. */
export const answerSchema = (t: T) =>
  z.object({
    intent: z.literal("answer"),
    answer: z
      .string({ error: t("reports.error.answer") })
      .trim()
      .min(REPORT_BODY_MIN, t("reports.error.answer"))
      .max(ANSWER_MAX, t("reports.error.bodyMax", { max: ANSWER_MAX })),
    answerUrl: link(t),
  });

/** Support's decision: uphold or dismiss, with the reason the parties will read. */
export const decisionSchema = (t: T) =>
  z.object({
    decision: z.enum(["upheld", "dismissed"], { error: t("reports.error.decision") }),
    reason: z
      .string({ error: t("support.refusal.reasonRequired") })
      .trim()
      .min(AUDIT_REASON_MIN, t("support.refusal.reasonRequired"))
      .max(AUDIT_REASON_MAX, t("reports.error.bodyMax", { max: AUDIT_REASON_MAX })),
  });
