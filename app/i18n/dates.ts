import { DAY, HOUR, MINUTE } from "~/utils/durations";
import type { Locale } from "./index";

/**
 * Dates and times for people, in their language and time zone: the one place that builds date
 * formatters. Pages (through components/time.tsx), mail and documents all call these, so a date
 * reads the same on the server, after hydration and in a mail.
 */
export type DateStyle = "dateTime" | "date" | "long";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  date: { month: "short", day: "numeric", year: "numeric" },
  long: { dateStyle: "long" },
};

// Intl formatters are costly to build (tenths of a millisecond each): build each kind once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, timeZone: string, style: DateStyle) {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone })));
  return f;
}

/** "Dec 5, 2026, 9:30 PM" / "5 déc. 2026, 21 h 30"; `date` leaves the time out, `long` is "5 décembre 2026". */
export function formatDate(
  at: number,
  locale: Locale,
  timeZone: string,
  style: DateStyle = "dateTime",
): string {
  return dateFormat(locale, timeZone, style).format(at);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

const relatives = new Map<Locale, Intl.RelativeTimeFormat>();
function relativeFormat(locale: Locale) {
  let f = relatives.get(locale);
  if (!f) relatives.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  return f;
}

/**
 * "in 2 days" / "dans 2 jours", "3 hours ago" / "il y a 3 heures": the biggest unit that fits,
 * counted in whole units (with 3 days 23 hours to go, every phrasing says 3 days). Null for less
 * than 45 seconds ago, which the caller words as "just now".
 */
export function formatRelative(at: number, from: number, locale: Locale): string | null {
  const diff = at - from;
  const abs = Math.abs(diff);
  if (diff <= 0 && abs < 45_000) return null;
  const rtf = relativeFormat(locale);
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(Math.trunc(diff / 1000), "second");
}

const durations = new Map<string, Intl.NumberFormat>();

/** "3 days" / "3 jours", for counts of a unit of time. */
export function formatDuration(n: number, unit: "day" | "hour" | "minute", locale: Locale): string {
  const key = `${locale}|${unit}`;
  let f = durations.get(key);
  if (!f)
    durations.set(key, (f = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" })));
  return f.format(n);
}
