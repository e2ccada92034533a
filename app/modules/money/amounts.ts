/**
 * Reading an amount a person typed, as minor units. People type amounts the way their language
 * writes them: "499.99" and "1,234.50" in English, "499,99" and "1 234,50" in French (with an
 * ordinary, no-break or narrow no-break space between thousands). What could be read two ways and
 * would differ by a factor of 100 or 1000 is refused with a reason, never guessed.
 */
export type AmountRefusal = "empty" | "negative" | "too_many_decimals" | "too_large" | "invalid";
export type AmountReading = { ok: true; minor: number } | { ok: false; reason: AmountRefusal };

/** The separators each language writes, for the one case only the reader's language decides. */
const GROUPING: Record<string, "," | "."> = { en: ",", fr: "." };

/** Largest whole part we read (nine digits): far above any prize or payout, far below 2^53 minor units. */
const MAX_WHOLE_DIGITS = 9;
/** Dollars and cents, euros and cents: two decimals (every currency the ledger holds today). */
const DECIMALS = 2;

function isGrouped(whole: string, separator: string) {
  const groups = whole.split(separator);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

export function readAmount(input: string, locale = "en"): AmountReading {
  // Spaces of every kind group thousands; currency signs and codes around the number are dropped.
  const cleaned = input
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^(?:[$€£]|CAD|USD|EUR)|(?:[$€£]|CAD|USD|EUR)$/gi, "");
  if (cleaned === "") return { ok: false, reason: "empty" };
  if (/^-/.test(cleaned))
    return /^-[\d.,]+$/.test(cleaned) ? { ok: false, reason: "negative" } : { ok: false, reason: "invalid" };
  if (!/^\d[\d.,]*$/.test(cleaned)) return { ok: false, reason: "invalid" };

  let whole = cleaned;
  let fraction = "";
  const lastComma = cleaned.lastIndexOf(",");
  const lastDot = cleaned.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands ("1.234,50", "1,234.50").
    const decimal = lastComma > lastDot ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    whole = cleaned.slice(0, Math.max(lastComma, lastDot));
    fraction = cleaned.slice(Math.max(lastComma, lastDot) + 1);
    if (whole.includes(decimal) || !isGrouped(whole, grouping)) return { ok: false, reason: "invalid" };
    whole = whole.split(grouping).join("");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? "," : ".";
    const parts = cleaned.split(separator);
    const last = parts[parts.length - 1]!;
    if (parts.length > 2 || (last.length === 3 && separator === (GROUPING[locale] ?? ","))) {
      // "1,234,567", or "1,234" where a comma groups thousands: thousands, if they are grouped by three.
      if (!isGrouped(cleaned, separator)) return { ok: false, reason: "invalid" };
      whole = parts.join("");
    } else {
      // "499,99", "499.99", "0.5": the one separator is the decimal one.
      whole = parts[0]!;
      fraction = last;
      if (whole === "" || fraction === "") return { ok: false, reason: "invalid" };
    }
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return { ok: false, reason: "invalid" };
  if (fraction.length > DECIMALS) return { ok: false, reason: "too_many_decimals" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_WHOLE_DIGITS) return { ok: false, reason: "too_large" };
  return { ok: true, minor: Number(digits) * 10 ** DECIMALS + Number(fraction.padEnd(DECIMALS, "0")) };
}
