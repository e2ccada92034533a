import { useEffect, useState } from "react";
import { translator, type Locale } from "~/i18n";
import { formatDate, formatDuration, formatRelative } from "~/i18n/dates";
import { useI18n, useLocale, useT } from "~/i18n/react";
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

/**
 * A timestamp in the reader's language and time zone. The server knows both (the zone from the
 * browser's cookie, else Québec's), so the text it sends is the text after hydration.
 */
export function LocalTime({ at, dateOnly = false }: { at: number; dateOnly?: boolean }) {
  const { locale, timeZone } = useI18n();
  return (
    <time dateTime={new Date(at).toISOString()} className="num">
      {formatDate(at, locale, timeZone, dateOnly ? "date" : "dateTime")}
    </time>
  );
}

/**
 * "in 2 days", "3 hours ago" — the biggest unit that fits, counted in whole units (as the countdown
 * and "2 days left" count them: with 3 days 23 hours to go, every phrasing says 3 days). Less than
 * 45 seconds ago is "just now".
 */
export function relativeTime(at: number, from: number, locale: Locale): string {
  return formatRelative(at, from, locale) ?? translator(locale)("time.justNow");
}

/** A relative hint with the exact time as its tooltip and machine-readable date. */
export function RelativeTime({ at, serverNow }: { at: number; serverNow: number }) {
  const { locale, timeZone } = useI18n();
  const current = useServerClock(serverNow);
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDate(at, locale, timeZone)}>
      {relativeTime(at, current, locale)}
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
export function timeLeftText(endsAt: number, current: number, locale: Locale): string {
  const t = translator(locale);
  const { d, h, m, left } = countdownParts(endsAt, current);
  if (left <= 0) return t("time.ended", { relative: relativeTime(endsAt, current, locale) });
  if (d >= 1) return t("time.left", { n: formatDuration(d, "day", locale) });
  if (h >= 1) return t("time.left", { n: formatDuration(h, "hour", locale) });
  if (m >= 1) return t("time.left", { n: formatDuration(m, "minute", locale) });
  return t("time.left", { n: t("time.lessThanMinute") });
}

export function TimeLeft({ endsAt, serverNow }: { endsAt: number; serverNow: number }) {
  const locale = useLocale();
  const current = useServerClock(serverNow, 60_000);
  return (
    <time dateTime={new Date(endsAt).toISOString()} className="num" suppressHydrationWarning>
      {timeLeftText(endsAt, current, locale)}
    </time>
  );
}

/** The round's countdown in tabular figures, ticking every second in the browser. */
export function Countdown({ endsAt, serverNow }: { endsAt: number; serverNow: number }) {
  const t = useT();
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
