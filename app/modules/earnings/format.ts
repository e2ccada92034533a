import { formatMoney, isCurrency } from "../escrow/ledger";

/** An amount of minor units for people ("$1,234.56"), in any currency the ledger knows. */
export function formatAmount(amount: number, currency: string) {
  return isCurrency(currency) ? formatMoney(amount, currency) : `${amount} ${currency}`;
}
