import { z } from "zod";
import type { Locale, T } from "~/i18n";
import type { Currency } from "../escrow/ledger";
import { PROVINCES } from "../tax/tax";
import { formatPrize, readAmount, type AmountRefusal } from "../money/money";

/**
 * The currencies a contest may be run in. The client chooses one in the brief; it is fixed at
 * launch (the escrow holds the prize in it and the designer is paid in it).
 */
export const CONTEST_CURRENCIES = ["CAD", "USD", "EUR"] as const satisfies readonly Currency[];
export type ContestCurrency = (typeof CONTEST_CURRENCIES)[number];

export function isContestCurrency(value: string): value is ContestCurrency {
  return (CONTEST_CURRENCIES as readonly string[]).includes(value);
}

/** A draft's currency as the brief edits it (a stored currency outside the list reads as the default). */
export function briefCurrency(value: string): ContestCurrency {
  return isContestCurrency(value) ? value : CURRENCY;
}

/**
 * A new brief's currency: Canadian dollars for a reader of French (the product's home is Québec),
 * US dollars otherwise. The client can change it until launch.
 */
export function defaultCurrency(locale: Locale): ContestCurrency {
  return locale === "fr-CA" ? "CAD" : "USD";
}

/**
 * What a client can ask for, with the smallest prize we accept for each, in each contest currency
 * (minor units). Set by hand, not converted at a rate: a minimum is a price people read, so it is a
 * round one in every currency.
 */
export const CATEGORIES = {
  logo: { min: { CAD: 399_00, USD: 299_00, EUR: 279_00 } },
  brand_identity: { min: { CAD: 799_00, USD: 599_00, EUR: 549_00 } },
  business_card: { min: { CAD: 269_00, USD: 199_00, EUR: 189_00 } },
  web_page: { min: { CAD: 799_00, USD: 599_00, EUR: 549_00 } },
  app: { min: { CAD: 1099_00, USD: 799_00, EUR: 749_00 } },
  social_media_kit: { min: { CAD: 399_00, USD: 299_00, EUR: 279_00 } },
  packaging: { min: { CAD: 669_00, USD: 499_00, EUR: 459_00 } },
  illustration: { min: { CAD: 399_00, USD: 299_00, EUR: 279_00 } },
  book_cover: { min: { CAD: 469_00, USD: 349_00, EUR: 329_00 } },
  other: { min: { CAD: 269_00, USD: 199_00, EUR: 189_00 } },
} as const satisfies Record<string, { min: Record<ContestCurrency, number> }>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];
export const isCategory = (value: string): value is Category => Object.hasOwn(CATEGORIES, value);

/** The smallest prize for a category in a currency (minor units). */
export function categoryMinimum(category: Category, currency: ContestCurrency): number {
  return CATEGORIES[category].min[currency];
}

/**
 * The currency browse filters read amounts in: contests in other currencies are compared by their
 * amount as it stands (the filter is a rough price range, not a conversion).
 */
export const CURRENCY: ContestCurrency = "USD";
/** Above this a prize is refused as absurd (a typo more likely than a budget). */
export const MAX_PRIZE = 100_000_00;

/** Prize packages, as multiples of the category's minimum, rounded to tens ($480, not $478). */
export const PRESETS = [
  { key: "bronze", factor: 1 },
  { key: "silver", factor: 1.6 },
  { key: "gold", factor: 2.8 },
  { key: "platinum", factor: 4.3 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

export function presetAmount(category: Category, preset: PresetKey, currency: ContestCurrency): number {
  const factor = PRESETS.find((p) => p.key === preset)!.factor;
  return Math.round((categoryMinimum(category, currency) * factor) / 1000) * 1000;
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
export function parseMoney(
  input: string,
  locale: Locale,
  currency: ContestCurrency = CURRENCY,
): number | null {
  const read = readAmount(input, locale, currency);
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
  currency: ContestCurrency,
): { ok: true; minor: number } | { ok: false; message: string } {
  const read = readAmount(input, locale, currency);
  if (read.ok) {
    if (read.minor > MAX_PRIZE) return { ok: false, message: prizeMaxMessage(t, locale, currency) };
    return read;
  }
  return { ok: false, message: prizeRefusal(read.reason, t, locale, currency) };
}

function prizeMaxMessage(t: T, locale: Locale, currency: ContestCurrency) {
  return t("brief.error.prizeMax", { max: formatPrize(MAX_PRIZE, currency, locale) });
}

function prizeRefusal(reason: AmountRefusal, t: T, locale: Locale, currency: ContestCurrency): string {
  switch (reason) {
    case "empty":
      return t("brief.error.prizeRequired");
    case "negative":
      return t("brief.error.prizePositive");
    case "too_many_decimals":
      return t("brief.error.prizeCents");
    case "too_large":
      return prizeMaxMessage(t, locale, currency);
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
 * The prize and timing step. The prize is read in the currency chosen on the same form and checked
 * against the category's minimum in it, so the schema is built for the draft's category. A preset
 * wins over the typed amount (the typed one is for "custom").
 */
export function prizeStepSchema(t: T, locale: Locale, category: Category) {
  // The prize's field sees what it needs from its neighbours (the package and the currency), so
  // its message comes beside the others' in one pass rather than after them.
  const prizeField = z
    .object({ typed: z.unknown(), choice: z.unknown(), currency: z.unknown() })
    .transform((v, ctx) => {
      // A missing or unknown currency is the currency field's own error.
      if (typeof v.currency !== "string" || !isContestCurrency(v.currency)) return z.NEVER;
      const currency = v.currency;
      const preset = PRESETS.find((p) => p.key === v.choice);
      if (preset) return presetAmount(category, preset.key, currency);
      const refuse = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      const read = readPrize(typeof v.typed === "string" ? v.typed : "", t, locale, currency);
      if (!read.ok) return refuse(read.message);
      const problem = prizeProblem(category, read.minor, currency, t, locale);
      return problem ? refuse(problem) : read.minor;
    });
  const base = z.object({
    currency: z.enum(CONTEST_CURRENCIES, { error: t("brief.error.currency") }),
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
    portfolioOptOut: flag,
    /** Entries made with generative AI are accepted (ADR 0041); the form starts at the category's default. */
    aiAllowed: flag,
    ndaText: text(t, 5000).optional().default(""),
  });
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const input = raw as Record<string, unknown>;
    return { ...input, prize: { typed: input.prize, choice: input.prizeChoice, currency: input.currency } };
  }, base);
}
export type PrizeValues = z.output<ReturnType<typeof prizeStepSchema>>;

/** The plain shape of the prize step, for form constraints (the preprocess hides it). */
export const prizeStepShape = (t: T) =>
  z.object({
    currency: z.enum(CONTEST_CURRENCIES),
    prizeChoice: z.enum(PRIZE_CHOICES).optional(),
    prize: z.string(),
    qualifyingDays: days(t, DURATION_LIMITS.qualifying),
    selectionDays: days(t, DURATION_LIMITS.selection),
    finalDays: days(t, DURATION_LIMITS.final),
    winnerDays: days(t, DURATION_LIMITS.winner),
    ndaText: text(t, 5000).optional(),
  });

/** What is wrong with a prize for this category, or null: never negative, zero, below the minimum or absurd. */
export function prizeIssue(
  category: Category,
  prizeMinor: number,
  currency: ContestCurrency,
): "positive" | "min" | "max" | null {
  if (!Number.isSafeInteger(prizeMinor) || prizeMinor <= 0) return "positive";
  if (prizeMinor < categoryMinimum(category, currency)) return "min";
  if (prizeMinor > MAX_PRIZE) return "max";
  return null;
}

/** {@link prizeIssue} in the reader's words. */
export function prizeProblem(
  category: Category,
  prizeMinor: number,
  currency: ContestCurrency,
  t: T,
  locale: Locale,
): string | null {
  switch (prizeIssue(category, prizeMinor, currency)) {
    case "positive":
      return t("brief.error.prizePositive");
    case "min":
      return t("brief.error.prizeMin", {
        min: formatPrize(categoryMinimum(category, currency), currency, locale),
      });
    case "max":
      return prizeMaxMessage(t, locale, currency);
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

/**
 * The billing countries the review step offers: Canada first, then the countries clients come from
 * most; "ZZ" (ISO 3166's code for an unknown region) is "another country", billed outside Canada.
 */
// prettier-ignore
export const BILLING_COUNTRIES = ["CA", "US", "FR", "BE", "CH", "GB", "DE", "MX", "AU", "ZZ"] as const;
export type BillingCountry = (typeof BILLING_COUNTRIES)[number];

/**
 * The card form of the review step; expiry is checked against `nowMs` (the server's clock decides).
 * The billing country and, in Canada, the province decide the sales taxes on the fee;
 * `confirmedTotal` is the total (minor units) the client saw beside the box they ticked.
 */
export function cardSchema(t: T, nowMs: number) {
  return cardFields(t, nowMs).superRefine((v, ctx) => {
    if (v.billingCountry === "CA" && !v.billingProvince) {
      ctx.addIssue({ code: "custom", path: ["billingProvince"], message: t("billing.error.province") });
    }
  });
}

function cardFields(t: T, nowMs: number) {
  return z.object({
    billingCountry: z.enum(BILLING_COUNTRIES, { error: t("billing.error.country") }),
    // Ignored outside Canada (the select is always there, without JavaScript too).
    billingProvince: z
      .enum(PROVINCES, { error: t("billing.error.province") })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    confirmedTotal: z.coerce.number().int().nonnegative().optional(),
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
