import { translate, type Locale, type MessageKey } from "~/i18n";
import { formatMoney } from "../money/money";
import { payoutFailureMessage } from "./provider";

/**
 * What to tell someone about a charge, refund or payout: a code and its values, no words. The
 * escrow module returns these; pages word them with {@link paymentNoticeText} in the reader's
 * language (a payout's notice is read again on the earnings page, in whatever language then).
 */
export type PaymentNotice =
  | {
      code: "charged" | "refunded" | "refund_pending" | "payout_sent" | "payout_in_flight";
      /** Minor units. */
      amount: number;
      currency: string;
    }
  /** `failure`: the provider's code, worded by {@link payoutFailureMessage}. */
  | { code: "payout_failed"; failure: string }
  | { code: "payout_needs_review" };

const AMOUNT_KEYS = {
  charged: "payments.charged",
  refunded: "refunds.sent",
  refund_pending: "refunds.pending",
  payout_sent: "payouts.sent",
  payout_in_flight: "payouts.inFlight",
} as const satisfies Record<string, MessageKey>;

/** "Your payout of $200.00 has been sent.": a notice in the reader's words and money. */
export function paymentNoticeText(notice: PaymentNotice, locale: Locale): string {
  switch (notice.code) {
    case "payout_failed":
      return translate(locale, payoutFailureMessage(notice.failure));
    case "payout_needs_review":
      return translate(locale, "payouts.needsReview");
    default:
      return translate(locale, AMOUNT_KEYS[notice.code], {
        amount: formatMoney(notice.amount, notice.currency, { locale }),
      });
  }
}
