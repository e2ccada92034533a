import type { Locale } from "~/i18n";
/**
 * Money for people: the one place that writes an amount of minor units as text, and reads an amount
 * a person typed back into minor units. Both go by the currency's exponent (from the ledger's
 * currency rules) and the reader's locale; nothing else divides or multiplies minor units for display.
 * Formatting is exact: the minor units never go through a float.
 */
import { CURRENCIES, isCurrency } from "../escrow/ledger";

/** "exact" always writes the minor units ("$499.00"); "short" drops them when they are zero ("$499"). */
export type MoneyStyle = "exact" | "short";

const formats = new Map<string, (value: string) => string>();

function exponentOf(currency: string) {
  return isCurrency(currency) ? CURRENCIES[currency].exponent : DECIMALS;
}

/** "1234.5" style decimal text of an amount of minor units, exactly. */
function decimalText(minor: number, exponent: number) {
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return exponent ? `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : `${sign}${digits}`;
}

/**
 * An amount for people in the reader's locale: "$1,234.56" in English. A currency the ledger does
 * not know is written as the bare count and its code, never guessed.
 */
export function formatMoney(
  minor: number,
  currency: string,
  options: { locale: Locale; style?: MoneyStyle },
): string {
  if (!isCurrency(currency)) return `${minor} ${currency}`;
  const exponent = exponentOf(currency);
  const locale = options.locale;
  const short = options.style === "short" && minor % 10 ** exponent === 0;
  const key = `${locale}|${currency}|${short}`;
  let format = formats.get(key);
  if (!format) {
    const digits = short ? 0 : exponent;
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: exponent,
    }).format as (value: string) => string;
    formats.set(key, format);
  }
  return format(decimalText(minor, exponent));
}

/** A prize as contest pages write it: whole amounts without cents ("$499", "$1,250.50"). */
export function formatPrize(minor: number, currency: string, locale: Locale): string {
  return formatMoney(minor, currency, { locale, style: "short" });
}

/** The sign a form writes beside an amount field ("$", "€"), as the reader's locale writes it. */
export function currencySymbol(currency: string, locale: Locale): string {
  if (!isCurrency(currency)) return currency;
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value ?? currency;
}

/**
 * An amount as a form field shows it, so that reading it back gives the same minor units: no currency
 * sign, no grouping, the locale's decimal separator, cents only when there are some ("499", "1250,50").
 */
export function amountInputValue(minor: number, currency: string, locale: Locale): string {
  const exponent = exponentOf(currency);
  const text = minor % 10 ** exponent === 0 ? String(minor / 10 ** exponent) : decimalText(minor, exponent);
  return locale.startsWith("fr") ? text.replace(".", ",") : text;
}

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
/** Decimals of a currency the ledger does not know (read and written as dollars and cents). */
const DECIMALS = 2;

function isGrouped(whole: string, separator: string) {
  const groups = whole.split(separator);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

export function readAmount(input: string, locale: Locale, currency = "USD"): AmountReading {
  const decimals = exponentOf(currency);
  // Spaces of every kind group thousands; currency signs and codes around the number ("CA$",
  // "$ US", "CAD") are dropped.
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(/^[A-Za-z$€£]+|[A-Za-z$€£]+$/g, "");
  if (cleaned === "") return { ok: false, reason: input.trim() === "" ? "empty" : "invalid" };
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
    if (parts.length > 2 || (last.length === 3 && separator === (GROUPING[locale.split("-")[0]!] ?? ","))) {
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
  if (fraction.length > decimals) return { ok: false, reason: "too_many_decimals" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_WHOLE_DIGITS) return { ok: false, reason: "too_large" };
  return { ok: true, minor: Number(digits) * 10 ** decimals + Number(fraction.padEnd(decimals, "0")) };
}
