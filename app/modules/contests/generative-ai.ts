import type { Category } from "./brief";

/**
 * Generative AI in a contest (ADR 0041). 99designs bans it in logo, illustration and icon contests
 * unless the client opts in, and asks designers to declare it elsewhere. Our categories that carry
 * a mark whose originality matters most: a logo, a brand identity (built around a logo) and an
 * illustration. Every entry declares, whatever the rule.
 */
export const AI_FORBIDDEN_BY_DEFAULT: readonly Category[] = ["logo", "brand_identity", "illustration"];

/** Whether a new brief of this category accepts work made with generative AI. */
export function aiAllowedByDefault(category: Category): boolean {
  return !AI_FORBIDDEN_BY_DEFAULT.includes(category);
}

/** The contest's rule: the client's choice, else (a draft that has not chosen) its category's default. */
export function aiAllowed(stored: number | null, category: Category): boolean {
  return stored === null ? aiAllowedByDefault(category) : stored === 1;
}

/** What a designer declared with a version: made with generative AI, not, or nothing (sent before declarations). */
export type AiDeclaration = "ai" | "none" | "undeclared";

export function aiDeclaration(stored: number | null): AiDeclaration {
  return stored === null ? "undeclared" : stored === 1 ? "ai" : "none";
}

/** The upload form's answer ("yes" / "no"); anything else is no answer. */
export const AI_FIELD = "generativeAi";
export function readAiAnswer(value: FormDataEntryValue | null): boolean | null {
  return value === "yes" ? true : value === "no" ? false : null;
}
