import { z } from "zod";
import { t } from "~/i18n";

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

/** Prize packages, as multiples of the category's minimum, rounded to whole dollars. */
export const PRESETS = [
  { key: "bronze", factor: 1 },
  { key: "silver", factor: 1.6 },
  { key: "gold", factor: 2.8 },
  { key: "platinum", factor: 4.3 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

export function presetAmount(category: Category, preset: PresetKey): number {
  const factor = PRESETS.find((p) => p.key === preset)!.factor;
  return Math.round((CATEGORIES[category].min * factor) / 100) * 100;
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

/** Turn "$1,250.50" or "1250" into minor units, exactly (no floats), or null. */
export function parseMoney(input: string): number | null {
  const cleaned = input.replace(/[\s$,]/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export function formatMoney(minor: number, currency = CURRENCY, locale = "en-US"): string {
  const whole = minor % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: t("brief.error.tooLong", { max }) });
const required = (max: number) =>
  z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, { error: t("validation.required") })
    .max(max, { error: t("brief.error.tooLong", { max }) });
const list = (maxItems: number) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, maxItems),
    );
const days = (limits: { min: number; max: number }) =>
  z.coerce
    .number({ error: t("brief.error.days", limits) })
    .int({ error: t("brief.error.days", limits) })
    .min(limits.min, { error: t("brief.error.days", limits) })
    .max(limits.max, { error: t("brief.error.days", limits) });
const flag = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")])
  .optional()
  .transform((v) => v !== undefined);

// One schema per wizard step; a step's form posts only its own fields.
export const BasicsStep = z.object({
  category: z.enum(CATEGORY_KEYS as [Category, ...Category[]], { error: t("brief.error.category") }),
  title: required(120),
  businessName: text(120).optional().default(""),
});

export const AboutStep = z.object({
  description: required(5000),
  industry: text(120).optional().default(""),
  audience: text(2000).optional().default(""),
  mustHaves: text(2000).optional().default(""),
});

export const StyleStep = z.object({
  ...Object.fromEntries(
    STYLE_AXES.map((axis) => [axis, z.coerce.number().int().min(0).max(100).default(50)]),
  ),
  colorsUse: list(12),
  colorsAvoid: list(12),
  deliverables: z.array(z.enum(DELIVERABLES)).default([]),
}) as unknown as z.ZodType<
  Style & { colorsUse: string[]; colorsAvoid: string[]; deliverables: Deliverable[] }
>;

export const PrizeStep = z.object({
  prize: z.string({ error: t("brief.error.prize") }).transform((v, ctx) => {
    const minor = parseMoney(v);
    if (minor === null) {
      ctx.addIssue({ code: "custom", message: t("brief.error.prize") });
      return z.NEVER;
    }
    return minor;
  }),
  qualifyingDays: days(DURATION_LIMITS.qualifying),
  selectionDays: days(DURATION_LIMITS.selection),
  finalDays: days(DURATION_LIMITS.final),
  winnerDays: days(DURATION_LIMITS.winner),
  guaranteed: flag,
  blind: flag,
  isPrivate: flag,
  fastTrack: flag,
  ndaText: text(5000).optional().default(""),
});

/** A prize problem for this category, or null: never negative, zero, below the minimum or absurd. */
export function prizeProblem(category: Category, prizeMinor: number): string | null {
  if (!Number.isSafeInteger(prizeMinor) || prizeMinor <= 0) return t("brief.error.prizePositive");
  if (prizeMinor < CATEGORIES[category].min) {
    return t("brief.error.prizeMin", { min: formatMoney(CATEGORIES[category].min) });
  }
  if (prizeMinor > MAX_PRIZE) return t("brief.error.prizeMax", { max: formatMoney(MAX_PRIZE) });
  return null;
}
