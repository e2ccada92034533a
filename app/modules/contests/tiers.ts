import { atLeast, type Level } from "../people/levels";
import { PRESETS, presetAmount, type Category, type ContestCurrency, type PresetKey } from "./brief";

/**
 * Contest tiers (ADR 0039): the prize packages of the brief are tiers too. A tier says which
 * designers may enter (from a level up, in the contest's category) and whether the finalists who
 * do not win share part of the prize. The rules are stated in the brief before anyone enters.
 */
export type Tier = PresetKey;
export const TIERS: readonly Tier[] = PRESETS.map((p) => p.key);

/** The lowest level, in the contest's category, that may enter a contest of each tier. */
export const TIER_FLOOR: Record<Tier, Level> = {
  bronze: "entry",
  silver: "entry",
  gold: "mid",
  platinum: "top",
};

/**
 * The part of the prize, in basis points, shared among the finalists who do not win, paid when the
 * prize is released (99designs pays finalists nothing; a finalist's work is real work).
 */
export const FINALIST_SHARE_BPS: Record<Tier, number> = {
  bronze: 0,
  silver: 0,
  gold: 1500,
  platinum: 1500,
};

/** The tier a prize reaches: the highest package whose amount it meets (bronze at the minimum). */
export function tierOf(category: Category, prize: number, currency: ContestCurrency): Tier {
  let tier: Tier = "bronze";
  for (const p of PRESETS) if (prize >= presetAmount(category, p.key, currency)) tier = p.key;
  return tier;
}

/** Whether a designer of this level may enter a contest of this tier. */
export const tierOpenTo = (tier: Tier, level: Level) => atLeast(level, TIER_FLOOR[tier]);

/**
 * An entry-level designer takes part in at most this many contests in a rolling window (99designs:
 * 10–15): newcomers spread over fewer contests and finish what they start.
 */
export const ENTRY_LEVEL_CONTESTS = 10;
export const ENTRY_LEVEL_WINDOW_DAYS = 28;
