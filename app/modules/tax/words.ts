/**
 * Tax lines in the reader's words: the tax's name from the catalogue, its rate through Intl in the
 * reader's locale (5 %, 9,975 % in French; 9.975% in English), the amount, the registration number.
 * Pure: the review step, the receipts page and the launch notification all word lines here.
 */

import type { Locale, T } from "~/i18n";
import { formatMoney } from "~/modules/money/money";
import type { ChargedTaxLine } from "./charge";
import { RATE_SCALE, type TaxRate } from "./tax";

export function formatTaxRate(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 }).format(
    rate / RATE_SCALE,
  );
}

/** "GST (5%)", « TPS (5 %) ». */
export function taxLineLabel(line: TaxRate, t: T, locale: Locale): string {
  return t("tax.line", { tax: t(`tax.${line.tax}`), rate: formatTaxRate(line.rate, locale) });
}

/** The number printed beside a line, said to be the sandbox's when it is; null for none. */
export function taxNumberText(line: ChargedTaxLine, t: T): string | null {
  if (!line.number) return null;
  return line.sandbox ? t("tax.sandboxNumber", { number: line.number }) : line.number;
}

/** One line of a receipt: "GST (5%): $3.74 (registration no. 123456789 RT0001)". */
export function taxReceiptLine(line: ChargedTaxLine, currency: string, t: T, locale: Locale): string {
  const vars = {
    line: taxLineLabel(line, t, locale),
    amount: formatMoney(line.amount, currency, { locale }),
  };
  const number = taxNumberText(line, t);
  return number ? t("tax.receiptLine", { ...vars, number }) : t("tax.receiptLine.unnumbered", vars);
}

/** Every line of a receipt, as one list in the reader's language. */
export function taxReceiptLines(
  lines: readonly ChargedTaxLine[],
  currency: string,
  t: T,
  locale: Locale,
): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(
    lines.map((line) => taxReceiptLine(line, currency, t, locale)),
  );
}
