import { z } from "zod";
import { LOCALES, type Locale, type T } from "~/i18n";
import { readAmount } from "../money/money";

/** The handover page's small forms (pure: shared by the route's action and the browser's checks). */

export const MAX_MESSAGE_LENGTH = 4000;

export const messageSchema = (t: T) =>
  z.object({
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

export const signSchema = (t: T) =>
  z.object({
    intent: z.literal("sign"),
    legalName: z.string({ error: t("agreement.error.name") }).transform((v, ctx) => {
      const name = cleanLegalName(v);
      if (!name) {
        ctx.addIssue({ code: "custom", message: t("agreement.error.name") });
        return z.NEVER;
      }
      return name;
    }),
    // The language of the text signed: the radio (French preselected) before the first signature,
    // a hidden field with the stored language after it.
    language: z.enum(LOCALES, { error: t("agreement.error.language") }),
    agree: z.literal("on", { error: t("agreement.error.agree") }),
  });

const payoutShape = (t: T) => ({
  amount: z.string({ error: t("earnings.payout.error.amount") }).trim(),
  currency: z.string().default("USD"),
  destination: z
    .string({ error: t("earnings.payout.error.destination") })
    .trim()
    .min(1, { error: t("earnings.payout.error.destination") })
    .max(120, { error: t("earnings.payout.error.destination") }),
});

/** The typed amount, read as the reader's language writes it ("120,50", "1,200.50"), in minor units above zero. */
const readPayoutAmount =
  (t: T, locale: Locale) =>
  <V extends { amount: string; currency: string }>(value: V, ctx: z.RefinementCtx) => {
    const read = readAmount(value.amount, locale, value.currency);
    if (!read.ok || read.minor <= 0) {
      const cents = !read.ok && read.reason === "too_many_decimals";
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: t(cents ? "brief.error.prizeCents" : "earnings.payout.error.amount"),
      });
      return z.NEVER;
    }
    return { ...value, amount: read.minor };
  };

export const payoutReviewSchema = (t: T, locale: Locale) =>
  z.object(payoutShape(t)).transform(readPayoutAmount(t, locale));

export const payoutConfirmSchema = (t: T, locale: Locale) =>
  z
    .object({
      ...payoutShape(t),
      key: z.string().min(8).max(100),
      confirm: z.literal("on", { error: t("contest.confirm.required") }),
    })
    .transform(readPayoutAmount(t, locale));
