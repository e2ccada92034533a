import { z } from "zod";
import { t } from "~/i18n";

/** The handover page's small forms (pure: shared by the route's action and the browser's checks). */

export const MAX_MESSAGE_LENGTH = 4000;

export const MessageSchema = z.object({
  intent: z.literal("message"),
  body: z
    .string({ error: t("handover.thread.required") })
    .trim()
    .min(1, { error: t("handover.thread.required") })
    .max(MAX_MESSAGE_LENGTH, { error: t("handover.thread.tooLong", { max: MAX_MESSAGE_LENGTH }) }),
});

/** A legal name: 2–120 characters with at least one letter, inner spaces made single. */
export function cleanLegalName(raw: string): string | null {
  const name = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (name.length < 2 || name.length > 120 || !/\p{L}/u.test(name)) return null;
  return name;
}

export const SignSchema = z.object({
  intent: z.literal("sign"),
  legalName: z.string({ error: t("agreement.error.name") }).transform((v, ctx) => {
    const name = cleanLegalName(v);
    if (!name) {
      ctx.addIssue({ code: "custom", message: t("agreement.error.name") });
      return z.NEVER;
    }
    return name;
  }),
  agree: z.literal("on", { error: t("agreement.error.agree") }),
});

export const PayoutReviewSchema = z.object({
  amount: z
    .string({ error: t("earnings.payout.error.amount") })
    .trim()
    .min(1, { error: t("earnings.payout.error.amount") }),
  currency: z.string().default("USD"),
  destination: z
    .string({ error: t("earnings.payout.error.destination") })
    .trim()
    .min(1, { error: t("earnings.payout.error.destination") })
    .max(120, { error: t("earnings.payout.error.destination") }),
});

export const PayoutConfirmSchema = PayoutReviewSchema.extend({
  key: z.string().min(8).max(100),
  confirm: z.literal("on", { error: t("contest.confirm.required") }),
});
