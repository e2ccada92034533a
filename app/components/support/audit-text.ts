import type { T } from "~/i18n";

/**
 * One support action as a sentence for the people who read a timeline or the audit log: what support
 * did, and why ("Support extended the deadline by 2 days: the client asked"). A hide that a
 * suspension made says so without the suspension's reason, which is the account's own business.
 */
export function supportActionText(
  data: Record<string, unknown>,
  names: Record<string, string>,
  t: T,
): string {
  const reason = String(data.reason ?? "");
  const number = Number(data.number ?? 0);
  const name = typeof data.designerId === "string" ? (names[data.designerId] ?? "") : "";
  switch (data.action) {
    case "contest.extend":
      return t("support.audit.text.extend", { days: Number(data.days ?? 0), reason });
    case "contest.refund":
      return t("support.audit.text.refund", { reason });
    case "contest.award":
      return data.mode === "winner"
        ? t("support.audit.text.pickWinner", { number, name, reason })
        : t("support.audit.text.award", { name, reason });
    case "prize.release":
      return t("support.audit.text.release", { name, reason });
    case "entry.hide":
      return data.bySuspension
        ? t("support.audit.text.hideBySuspension", { number })
        : t("support.audit.text.hide", { number, reason });
    case "entry.unhide":
      return data.bySuspension
        ? t("support.audit.text.unhideByReinstatement", { number })
        : t("support.audit.text.unhide", { number, reason });
    default:
      return t("support.audit.text.other", { reason });
  }
}
