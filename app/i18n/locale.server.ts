import { parseCookie, serializeCookie } from "~/modules/auth/sessions.server";
import { DAY } from "~/utils/durations";
import type { Locale } from "./index";
import { negotiateLocale, readLocale } from "./negotiate";
import { DEFAULT_TIME_ZONE, readTimeZone, TIME_ZONE_COOKIE } from "./zone";

/** The language switch's cookie, for visitors and for people who have not chosen in their account. */
export const LOCALE_COOKIE = "concours_lang";
const YEAR_SECONDS = (365 * DAY) / 1000;

export interface LocaleSources {
  /** `?lang=` of this request: the address names its language (hreflang alternates, shared links). */
  query: string | null;
  /** The account's choice. */
  account: string | null | undefined;
  cookieHeader: string | null | undefined;
  acceptLanguage: string | null | undefined;
}

/**
 * The reader's language, the one owner of that rule: the address's `?lang=`, else their account's
 * setting, else the switch's cookie, else what their browser prefers (French when it says nothing
 * we speak).
 */
export function resolveLocale(sources: LocaleSources): Locale {
  return (
    readLocale(sources.query) ??
    readLocale(sources.account) ??
    readLocale(parseCookie(sources.cookieHeader, LOCALE_COOKIE)) ??
    negotiateLocale(sources.acceptLanguage)
  );
}

/** The reader's time zone: the one their browser reported, else Québec's. */
export function resolveTimeZone(cookieHeader: string | null | undefined): string {
  return readTimeZone(parseCookie(cookieHeader, TIME_ZONE_COOKIE)) ?? DEFAULT_TIME_ZONE;
}

export function localeCookie(locale: Locale): string {
  return serializeCookie(LOCALE_COOKIE, locale, YEAR_SECONDS);
}
