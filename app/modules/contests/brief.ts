import { z } from "zod";
import type { Locale, T } from "~/i18n";
import { amountInputValue, formatPrize, readAmount, type AmountRefusal } from "../money/money";

/** What a client can ask for, with the smallest prize we accept for each (minor units, USD). */
export const CATEGORIES = {
  logo: { min: 29_900 },
  brand_identity: { min: 59_900 },
  business_card: { min: 19_900 },
  web_page: { min: 59_900 },
  app: { min: 79_900 },
  social_media_kit: { min: 29_900 },
  packaging: { min: 49_900 },
  illustration: { min: 29_900 },
  book_cover: { min: 34_900 },
  other: { min: 19_900 },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];

export const CURRENCY = "USD";
/** Above this a prize is refused as absurd (a typo more likely than a budget). */
export const MAX_PRIZE = 100_000_00;

/** Prize packages, as multiples of the category's minimum, rounded to tens of dollars ($480, not $478). */
export const PRESETS = [
  { key: "bronze", factor: 1 },
  { key: "silver", factor: 1.6 },
  { key: "gold", factor: 2.8 },
  { key: "platinum", factor: 4.3 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

export function presetAmount(category: Category, preset: PresetKey): number {
  const factor = PRESETS.find((p) => p.key === preset)!.factor;
  return Math.round((CATEGORIES[category].min * factor) / 1000) * 1000;
}

export const STYLE_AXES = [
  "classic_modern",
  "playful_serious",
  "simple_detailed",
  "feminine_masculine",
  "economical_luxurious",
] as const;
export type StyleAxis = (typeof STYLE_AXES)[number];
export type Style = Record<StyleAxis, number>;
export const NEUTRAL_STYLE: Style = Object.fromEntries(STYLE_AXES.map((a) => [a, 50])) as Style;

export const DELIVERABLES = ["svg", "ai", "eps", "pdf", "png", "jpg", "psd", "figma"] as const;
export type Deliverable = (typeof DELIVERABLES)[number];

export const DURATION_LIMITS = {
  qualifying: { min: 1, max: 14, default: 4, fastTrackDefault: 2 },
  selection: { min: 1, max: 7, default: 4 },
  final: { min: 1, max: 7, default: 3 },
  winner: { min: 1, max: 14, default: 14 },
} as const;

/** Turn "$1,250.50" or "1250" ("1 250,50" in French) into minor units, exactly (no floats), or null. */
export function parseMoney(input: string, locale: Locale): number | null {
  const read = readAmount(input, locale, CURRENCY);
  return read.ok ? read.minor : null;
}

/** The brief wizard, in order; the last step reviews the brief and launches the contest. */
export const WIZARD_STEPS = ["basics", "about", "style", "prize", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const STEP_COUNT = WIZARD_STEPS.length;
export const REVIEW_STEP = STEP_COUNT;

/** Fields a client may still change after launch (recorded on the timeline, shown to designers). */
export const EDITABLE_AFTER_LAUNCH = [
  "description",
  "industry",
  "audience",
  "mustHaves",
  "style",
  "colorsUse",
  "colorsAvoid",
  "deliverables",
  "references",
] as const;
export type EditableField = (typeof EDITABLE_AFTER_LAUNCH)[number];

export const MAX_COLOURS = 12;
const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
const COLOUR_WORD = /^[\p{L}][\p{L} '-]{0,29}$/u;

/** "#1f6feb" or "1F6FEB" or "#abc" → "#1F6FEB"; anything else → null. */
export function normalizeHex(value: string): string | null {
  const m = HEX.exec(value.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return `#${h.toUpperCase()}`;
}

/** Split a colour list typed by a person ("navy, #1F6FEB") into its items. */
export function splitColours(value: string): string[] {
  return value
    .split(/[,\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * What is wrong with a typed prize, or its amount in minor units, read as the reader's language
 * writes amounts. Distinguishes the mistakes people make (a minus sign, a third decimal, a typo of
 * many digits) so the message can say which.
 */
export function readPrize(
  input: string,
  t: T,
  locale: Locale,
): { ok: true; minor: number } | { ok: false; message: string } {
  const read = readAmount(input, locale, CURRENCY);
  if (read.ok) {
    if (read.minor > MAX_PRIZE) return { ok: false, message: prizeMaxMessage(t, locale) };
    return read;
  }
  return { ok: false, message: prizeRefusal(read.reason, t, locale) };
}

function prizeMaxMessage(t: T, locale: Locale) {
  return t("brief.error.prizeMax", { max: formatPrize(MAX_PRIZE, CURRENCY, locale) });
}

function prizeRefusal(reason: AmountRefusal, t: T, locale: Locale): string {
  switch (reason) {
    case "empty":
      return t("brief.error.prizeRequired");
    case "negative":
      return t("brief.error.prizePositive");
    case "too_many_decimals":
      return t("brief.error.prizeCents");
    case "too_large":
      return prizeMaxMessage(t, locale);
    case "invalid":
      return t("brief.error.prize");
  }
}

/** Longest answer to a brief's longer free-text questions (audience, must-haves). */
export const BRIEF_TEXT_MAX = 2000;

const text = (t: T, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: t("brief.error.tooLong", { max }) });
const required = (t: T, max: number) =>
  z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, { error: t("validation.required") })
    .max(max, { error: t("brief.error.tooLong", { max }) });
const days = (t: T, limits: { min: number; max: number }) =>
  z.coerce
    .number({ error: t("brief.error.days", limits) })
    .int({ error: t("brief.error.days", limits) })
    .min(limits.min, { error: t("brief.error.days", limits) })
    .max(limits.max, { error: t("brief.error.days", limits) });
const flag = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")])
  .optional()
  .transform((v) => v !== undefined);

/** A list of colours: hex codes (normalised to #RRGGBB) or plain names, at most 12. */
const colours = (t: T) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const items = splitColours(value ?? "");
      if (items.length > MAX_COLOURS) {
        ctx.addIssue({ code: "custom", message: t("brief.error.colourCount", { max: MAX_COLOURS }) });
        return z.NEVER;
      }
      const out: string[] = [];
      for (const item of items) {
        const hex = normalizeHex(item);
        if (hex) out.push(hex);
        else if (COLOUR_WORD.test(item) && !/^#/.test(item)) out.push(item.toLowerCase());
        else {
          ctx.addIssue({ code: "custom", message: t("brief.error.colour", { value: item.slice(0, 40) }) });
          return z.NEVER;
        }
      }
      return [...new Set(out)];
    });

const categoryField = (t: T) =>
  z.enum(CATEGORY_KEYS as [Category, ...Category[]], { error: t("brief.error.category") });

// One schema per wizard step; a step's form posts only its own fields. Shared by the browser
// (instant feedback) and the server (the authority).
export const basicsStep = (t: T) =>
  z.object({
    category: categoryField(t),
    title: required(t, 120),
    businessName: text(t, 120).optional().default(""),
  });

const aboutShape = (t: T) => ({
  description: required(t, 5000),
  industry: text(t, 120).optional().default(""),
  audience: text(t, BRIEF_TEXT_MAX).optional().default(""),
  mustHaves: text(t, BRIEF_TEXT_MAX).optional().default(""),
});
export const aboutStep = (t: T) => z.object(aboutShape(t));

const styleShape = (t: T) => ({
  ...(Object.fromEntries(
    STYLE_AXES.map((axis) => [
      axis,
      z.coerce
        .number({ error: t("brief.error.slider") })
        .int({ error: t("brief.error.slider") })
        .min(0, { error: t("brief.error.slider") })
        .max(100, { error: t("brief.error.slider") })
        .default(50),
    ]),
  ) as Record<StyleAxis, z.ZodDefault<z.ZodCoercedNumber>>),
  colorsUse: colours(t),
  colorsAvoid: colours(t),
  // Checked as a whole, so the message sits beside the checkboxes (not on one item's path).
  deliverables: z
    .array(z.string())
    .default([])
    .transform((items, ctx) => {
      if (items.some((d) => !(DELIVERABLES as readonly string[]).includes(d))) {
        ctx.addIssue({ code: "custom", message: t("brief.error.deliverable") });
        return z.NEVER;
      }
      return [...new Set(items)] as Deliverable[];
    }),
});
export const styleStep = (t: T) => z.object(styleShape(t));
export type StyleValues = z.output<ReturnType<typeof styleStep>>;

/** After launch: the descriptive parts only (never the category, the prize or the options). */
export const launchedBriefEdit = (t: T) => z.object({ ...aboutShape(t), ...styleShape(t) });
export type LaunchedBriefValues = z.output<ReturnType<typeof launchedBriefEdit>>;

export const PRIZE_CHOICES = [...PRESETS.map((p) => p.key), "custom"] as const;
export type PrizeChoice = (typeof PRIZE_CHOICES)[number];

/**
 * The prize and timing step. The prize is checked against the category's minimum, so the schema is
 * built for the draft's category. A preset wins over the typed amount (the typed one is for "custom").
 */
export function prizeStepSchema(t: T, locale: Locale, category: Category) {
  const prizeField = z.string({ error: t("brief.error.prizeRequired") }).transform((value, ctx) => {
    const read = readPrize(value, t, locale);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    const problem = prizeProblem(category, read.minor, t, locale);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return read.minor;
  });
  const base = z.object({
    prizeChoice: z.enum(PRIZE_CHOICES, { error: t("brief.error.prizeChoice") }).default("custom"),
    prize: prizeField,
    qualifyingDays: days(t, DURATION_LIMITS.qualifying),
    selectionDays: days(t, DURATION_LIMITS.selection),
    finalDays: days(t, DURATION_LIMITS.final),
    winnerDays: days(t, DURATION_LIMITS.winner),
    guaranteed: flag,
    blind: flag,
    isPrivate: flag,
    fastTrack: flag,
    ndaText: text(t, 5000).optional().default(""),
  });
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const input = raw as Record<string, unknown>;
    const choice = input.prizeChoice;
    const preset = PRESETS.find((p) => p.key === choice);
    return preset
      ? { ...input, prize: amountInputValue(presetAmount(category, preset.key), CURRENCY, locale) }
      : input;
  }, base);
}
export type PrizeValues = z.output<ReturnType<typeof prizeStepSchema>>;

/** The plain shape of the prize step, for form constraints (the preprocess hides it). */
export const prizeStepShape = (t: T) =>
  z.object({
    prizeChoice: z.enum(PRIZE_CHOICES).optional(),
    prize: z.string(),
    qualifyingDays: days(t, DURATION_LIMITS.qualifying),
    selectionDays: days(t, DURATION_LIMITS.selection),
    finalDays: days(t, DURATION_LIMITS.final),
    winnerDays: days(t, DURATION_LIMITS.winner),
    ndaText: text(t, 5000).optional(),
  });

/** What is wrong with a prize for this category, or null: never negative, zero, below the minimum or absurd. */
export function prizeIssue(category: Category, prizeMinor: number): "positive" | "min" | "max" | null {
  if (!Number.isSafeInteger(prizeMinor) || prizeMinor <= 0) return "positive";
  if (prizeMinor < CATEGORIES[category].min) return "min";
  if (prizeMinor > MAX_PRIZE) return "max";
  return null;
}

/** {@link prizeIssue} in the reader's words. */
export function prizeProblem(category: Category, prizeMinor: number, t: T, locale: Locale): string | null {
  switch (prizeIssue(category, prizeMinor)) {
    case "positive":
      return t("brief.error.prizePositive");
    case "min":
      return t("brief.error.prizeMin", { min: formatPrize(CATEGORIES[category].min, CURRENCY, locale) });
    case "max":
      return prizeMaxMessage(t, locale);
    default:
      return null;
  }
}

// ---- launch: the card form ---------------------------------------------------------------------

/** Luhn's checksum over the digits of a card number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The card form of the review step; expiry is checked against `nowMs` (the server's clock decides). */
export function cardSchema(t: T, nowMs: number) {
  return z.object({
    cardName: required(t, 100),
    cardNumber: z.string({ error: t("card.error.number") }).transform((value, ctx) => {
      const digits = value.replace(/[\s-]/g, "");
      if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
        ctx.addIssue({ code: "custom", message: t("card.error.number") });
        return z.NEVER;
      }
      return digits;
    }),
    cardExpiry: z.string({ error: t("card.error.expiry") }).transform((value, ctx) => {
      const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
      const month = m ? Number(m[1]) : 0;
      const year = m ? (m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2])) : 0;
      if (!m || month < 1 || month > 12) {
        ctx.addIssue({ code: "custom", message: t("card.error.expiry") });
        return z.NEVER;
      }
      const today = new Date(nowMs);
      if (
        year < today.getUTCFullYear() ||
        (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)
      ) {
        ctx.addIssue({ code: "custom", message: t("card.error.expired") });
        return z.NEVER;
      }
      return { month, year };
    }),
    cardCvc: z
      .string({ error: t("card.error.cvc") })
      .trim()
      .regex(/^\d{3,4}$/, { error: t("card.error.cvc") }),
    idempotencyKey: z
      .string({ error: t("card.error.key") })
      .regex(/^[a-z0-9-]{8,64}$/, { error: t("card.error.key") }),
    confirm: z.literal("on", { error: t("card.error.confirm") }),
  });
}

// ---- running contests ------------------------------------------------------------------------

export const extendSchema = (t: T) =>
  z.object({
    intent: z.literal("extend"),
    days: z.coerce
      .number({ error: t("contest.extend.error") })
      .int({ error: t("contest.extend.error") })
      .min(1, { error: t("contest.extend.error") })
      .max(7, { error: t("contest.extend.error") }),
  });

export const confirmSchema = (t: T) =>
  z.object({ confirm: z.literal("on", { error: t("contest.confirm.required") }) });

export const MAX_INVITES_AT_ONCE = 20;
/** An invitation link works once, for this many days. */
export const INVITATION_TTL_DAYS = 14;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export const inviteSchema = (t: T) =>
  z.object({
    emails: z.string({ error: t("invite.error.empty") }).transform((value, ctx) => {
      const items = [
        ...new Set(
          value
            .split(/[\s,;]+/)
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      if (items.length === 0) {
        ctx.addIssue({ code: "custom", message: t("invite.error.empty") });
        return z.NEVER;
      }
      if (items.length > MAX_INVITES_AT_ONCE) {
        ctx.addIssue({ code: "custom", message: t("invite.error.tooMany", { max: MAX_INVITES_AT_ONCE }) });
        return z.NEVER;
      }
      const bad = items.find((e) => !EMAIL.test(e) || e.length > 254);
      if (bad) {
        ctx.addIssue({ code: "custom", message: t("invite.error.email", { value: bad.slice(0, 60) }) });
        return z.NEVER;
      }
      return items;
    }),
  });
