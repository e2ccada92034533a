import { useEffect, useState } from "react";
import { t } from "~/i18n";
import { DAY, HOUR, MINUTE } from "~/utils/durations";
import "./time.css";

/** False on the server and in the first render in the browser (hydration), true afterwards. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * "Now" on the server's clock (which tests may move), ticking in the browser. The first render
 * uses the server's value so the hydrated markup matches what the server sent.
 */
export function useServerClock(serverNow: number, tickMs = 30_000) {
  const [current, setCurrent] = useState(serverNow);
  useEffect(() => {
    const offset = serverNow - Date.now();
    const tick = () => setCurrent(Date.now() + offset);
    tick();
    const id = window.setInterval(tick, tickMs);
    return () => window.clearInterval(id);
  }, [serverNow, tickMs]);
  return current;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
};
const DATE_ONLY: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", year: "numeric" };

// Intl formatters are costly to build (tenths of a millisecond each): build each kind once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
const UTC_DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE_TIME, timeZone: "UTC" };
let relative: Intl.RelativeTimeFormat | null = null;

/**
 * A timestamp: rendered in UTC on the server (labelled so), then in the viewer's own time zone
 * once the page is running in their browser.
 */
export function LocalTime({ at, dateOnly = false }: { at: number; dateOnly?: boolean }) {
  const hydrated = useHydrated();
  const options = dateOnly ? DATE_ONLY : DATE_TIME;
  const text = hydrated
    ? dateFormat(undefined, options).format(at)
    : `${dateFormat("en-US", { ...options, timeZone: "UTC" }).format(at)}${dateOnly ? "" : " UTC"}`;
  return (
    <time dateTime={new Date(at).toISOString()} className="num" suppressHydrationWarning>
      {text}
    </time>
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/**
 * "in 2 days", "3 hours ago" — the biggest unit that fits, counted in whole units (as the countdown
 * and "2 days left" count them: with 3 days 23 hours to go, every phrasing says 3 days). Less than
 * 45 seconds ago is "just now".
 */
export function relativeTime(at: number, from: number): string {
  const diff = at - from;
  const abs = Math.abs(diff);
  if (diff <= 0 && abs < 45_000) return t("time.justNow");
  const rtf = (relative ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" }));
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(Math.trunc(diff / 1000), "second");
}

/** A relative hint with the exact time as its tooltip and machine-readable date. */
export function RelativeTime({ at, serverNow }: { at: number; serverNow: number }) {
  const current = useServerClock(serverNow);
  const hydrated = useHydrated();
  const exact = hydrated
    ? dateFormat(undefined, DATE_TIME).format(at)
    : `${dateFormat("en-US", UTC_DATE_TIME).format(at)} UTC`;
  return (
    <time dateTime={new Date(at).toISOString()} title={exact} suppressHydrationWarning>
      {relativeTime(at, current)}
    </time>
  );
}

/** Days, hours, minutes (and seconds in the last hour) until `endsAt`. */
export function countdownParts(endsAt: number, current: number) {
  const left = Math.max(0, endsAt - current);
  const d = Math.floor(left / DAY);
  const h = Math.floor((left % DAY) / HOUR);
  const m = Math.floor((left % HOUR) / MINUTE);
  const s = Math.floor((left % 60_000) / 1000);
  return { d, h, m, s, left };
}

/** "2 days left", "5 hours left" — for cards. */
export function timeLeftText(endsAt: number, current: number): string {
  const { d, h, m, left } = countdownParts(endsAt, current);
  if (left <= 0) return t("time.ended", { relative: relativeTime(endsAt, current) });
  const rtf = (n: number, unit: Intl.RelativeTimeFormatUnit) =>
    new Intl.NumberFormat("en", { style: "unit", unit, unitDisplay: "long" }).format(n);
  if (d >= 1) return t("time.left", { n: rtf(d, "day") });
  if (h >= 1) return t("time.left", { n: rtf(h, "hour") });
  if (m >= 1) return t("time.left", { n: rtf(m, "minute") });
  return t("time.left", { n: t("time.lessThanMinute") });
}

export function TimeLeft({ endsAt, serverNow }: { endsAt: number; serverNow: number }) {
  const current = useServerClock(serverNow, 60_000);
  return (
    <time dateTime={new Date(endsAt).toISOString()} className="num" suppressHydrationWarning>
      {timeLeftText(endsAt, current)}
    </time>
  );
}

/** The round's countdown in tabular figures, ticking every second in the browser. */
export function Countdown({ endsAt, serverNow }: { endsAt: number; serverNow: number }) {
  const current = useServerClock(serverNow, 1000);
  const { d, h, m, s, left } = countdownParts(endsAt, current);
  const pad = (n: number) => String(n).padStart(2, "0");
  const cells: [string, string, string][] =
    d > 0
      ? [
          [String(d), t("time.unit.d"), t("time.days")],
          [pad(h), t("time.unit.h"), t("time.hours")],
          [pad(m), t("time.unit.m"), t("time.minutes")],
        ]
      : [
          [pad(h), t("time.unit.h"), t("time.hours")],
          [pad(m), t("time.unit.m"), t("time.minutes")],
          [pad(s), t("time.unit.s"), t("time.seconds")],
        ];
  return (
    <div className="countdown" data-ended={left <= 0 ? "true" : undefined}>
      <span className="visually-hidden">{t("time.countdown")}: </span>
      <time
        dateTime={new Date(endsAt).toISOString()}
        className="countdown__cells num"
        suppressHydrationWarning
      >
        {cells.map(([value, unit, long]) => (
          <span className="countdown__cell" key={unit}>
            <span className="countdown__value">{value}</span>
            <span className="countdown__unit" aria-hidden="true">
              {unit}
            </span>
            <span className="visually-hidden"> {long} </span>
          </span>
        ))}
      </time>
    </div>
  );
}
