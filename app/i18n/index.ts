import { IntlMessageFormat } from "intl-messageformat";
import { en, type MessageKey } from "./en";
import { frCA } from "./fr-CA";

export type { MessageKey };

/**
 * The languages Concours speaks, French first (Charter of the French language): a reader with no
 * preference we can read gets French. Tags are BCP 47 and go as they are to `<html lang>`, `Intl`
 * and the message formatter.
 */
export const LOCALES = ["fr-CA", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr-CA";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A catalogue: every key of the English reference, as an ICU MessageFormat message. */
export type Messages = Record<MessageKey, string>;
const catalogues: Record<Locale, Messages> = { en, "fr-CA": frCA };

/** What a message's {placeholders} take. Numbers go through the locale's plural rules and digits. */
export type MessageVars = Record<string, string | number | Date>;
/** A translator bound to one reader's language: what components and loaders call `t`. */
export type T = (key: MessageKey, vars?: MessageVars) => string;

// Parsing a message costs far more than formatting it: parse each (locale, key) once per process.
const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(catalogues[locale][key], locale, undefined, { ignoreTag: true });
    compiled.set(id, f);
  }
  return f;
}

/** One message in one language, its placeholders filled. */
export function translate(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  return String(formatter(locale, key).format(vars));
}

const translators = new Map<Locale, T>();

/** The `t` of a language: `translator(locale)("nav.login")`. */
export function translator(locale: Locale): T {
  let bound = translators.get(locale);
  if (!bound) {
    bound = (key, vars) => translate(locale, key, vars);
    translators.set(locale, bound);
  }
  return bound;
}

/** The raw catalogue of a language, for the catalogue tests. */
export function catalogue(locale: Locale): Messages {
  return catalogues[locale];
}

/** The other language, for the switch in the header. */
export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "fr-CA" : "en";
}
