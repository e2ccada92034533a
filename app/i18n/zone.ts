/**
 * Dates and times are shown in the reader's time zone. The server cannot see it, so the browser
 * writes it in a cookie on its first visit; until then, and for mail, Québec's (Montréal keeps
 * Toronto's clock). Server and browser render with the same zone, so hydration never changes a date.
 */
export const DEFAULT_TIME_ZONE = "America/Toronto";
export const TIME_ZONE_COOKIE = "tz";

/** An IANA zone this runtime knows, or null. */
export function readTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
