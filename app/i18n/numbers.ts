import type { Locale } from "./index";

const scores = new Map<Locale, Intl.NumberFormat>();

/** An average of stars with one decimal, as the reader writes it: "4.3" / "4,3". */
export function formatScore(score: number, locale: Locale): string {
  let format = scores.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    scores.set(locale, format);
  }
  return format.format(score);
}

/** A part in basis points as a percentage, as the reader writes it: 1500 → "15%" / « 15 % ». */
export function formatBasisPoints(bps: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}
