/** Trust and safety: the support console, suspensions and the audit log (issue 14). */
export const enSupport = {
  "entries.status.hidden": "Hidden by support",
  "auth.login.suspended":
    "This account is suspended. Write to support@concours.example if you think this is a mistake.",
  "support.refusal.reasonRequired":
    "Write the reason for this decision: the people it concerns will read it.",
} as const;
