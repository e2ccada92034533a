import { DEFAULT_LOCALE, isLocale, type Locale } from "./index";

/** The query parameter of the `hreflang` alternates: one address per language for every page. */
export const LOCALE_PARAM = "lang";

/** The language of a BCP 47 tag we speak ("fr-FR" reads French, "en-GB" English), or null. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "fr") return "fr-CA";
  if (primary === "en") return "en";
  return null;
}

/**
 * The language an Accept-Language header prefers among ours, by q-value then order; French when it
 * names neither (or is absent, or is `*`).
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { locale: localeOfTag(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r): r is { locale: Locale; q: number; index: number } => r.locale !== null && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.locale ?? DEFAULT_LOCALE;
}

/** A stored or submitted language, or null when it is not one of ours. */
export function readLocale(value: unknown): Locale | null {
  return isLocale(value) ? value : null;
}
