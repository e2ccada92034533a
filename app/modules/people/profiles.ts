import { z } from "zod";
import type { T } from "~/i18n";
import { CATEGORY_KEYS, type Category } from "../contests/brief";

/** A profile's address: lowercase letters, digits and single hyphens inside, 3 to 30 characters. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,29}$/;
export const BIO_MAX = 600;
export const LOCATION_MAX = 80;
/** The languages a designer may say they work in (ISO 639-1), named by Intl.DisplayNames. */
export const PROFILE_LANGUAGES = ["fr", "en", "es", "pt", "de", "it", "ar", "zh"] as const;
export type ProfileLanguage = (typeof PROFILE_LANGUAGES)[number];

/** Where a designer's profile lives (shared by routes, components and modules). */
export const profilePath = (handle: string) => `/designers/${handle}`;

/** A handle made from a display name: "Chloé Martin" → "chloe-martin"; at least 3 characters. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `designer${base ? `-${base}` : ""}`;
}

/** Initials for the avatar placeholder: "Ana Souza" → "AS". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join("") || "?";
}

/** A stored JSON array of codes, keeping only those on the list (a bad value reads as empty). */
export function readCodes<C extends string>(json: string, allowed: readonly C[]): C[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return allowed.filter((code) => value.includes(code));
  } catch {
    return [];
  }
}

const checkboxes = <C extends string>(allowed: readonly C[], t: T) =>
  z
    .array(z.string())
    .optional()
    .transform((values, ctx) => {
      const list = values ?? [];
      if (list.some((v) => !(allowed as readonly string[]).includes(v))) {
        ctx.addIssue({ code: "custom", message: t("people.edit.error.choice") });
        return z.NEVER;
      }
      return allowed.filter((code) => list.includes(code));
    });

/** The profile form, built per request with the reader's messages (the server is the authority). */
export const profileSchema = (t: T) =>
  z.object({
    handle: z
      .string({ error: t("validation.required") })
      .trim()
      .toLowerCase()
      .regex(HANDLE_PATTERN, { error: t("people.edit.error.handle") }),
    bio: z
      .string()
      .trim()
      .max(BIO_MAX, { error: t("brief.error.tooLong", { max: BIO_MAX }) })
      .optional()
      .transform((v) => v ?? ""),
    location: z
      .string()
      .trim()
      .max(LOCATION_MAX, { error: t("brief.error.tooLong", { max: LOCATION_MAX }) })
      .optional()
      .transform((v) => v ?? ""),
    languages: checkboxes(PROFILE_LANGUAGES, t),
    categories: checkboxes(CATEGORY_KEYS as readonly Category[], t),
  });

export type ProfileInput = z.output<ReturnType<typeof profileSchema>>;
