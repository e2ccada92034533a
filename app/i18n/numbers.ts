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
