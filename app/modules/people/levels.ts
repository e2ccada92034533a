/**
 * Designer levels, computed from the record by one pure function, with thresholds shown to
 * designers as they are written here (ADR 0034). A level belongs to a category: winning logos says
 * little about packaging. A designer's level in a category comes from their wins there and the
 * stars clients gave them there; nothing else (no paid upgrade, no hand-picked list).
 */

export const LEVELS = ["entry", "mid", "top"] as const;
export type Level = (typeof LEVELS)[number];

/** A designer's record in one category: completed contests won, and the clients' reviews. */
export interface CategoryRecord {
  wins: number;
  reviews: number;
  /** The sum of the reviews' stars (1–5 each). */
  stars: number;
}

export interface LevelRule {
  /** Contests won in the category. */
  wins: number;
  /** Client reviews in the category (0: none needed). */
  reviews: number;
  /**
   * The lowest average of those reviews, in tenths of a star (35 = 3.5). Without any review the
   * average is not held against anyone; a level that needs reviews needs them to reach it.
   */
  minAverageTenths: number;
}

/** What each level above entry needs; entry is where everyone starts. */
export const LEVEL_RULES: Record<Exclude<Level, "entry">, LevelRule> = {
  mid: { wins: 2, reviews: 0, minAverageTenths: 35 },
  top: { wins: 6, reviews: 3, minAverageTenths: 45 },
};

const rank = (level: Level) => LEVELS.indexOf(level);

/** Whether a record meets a rule (integer arithmetic: an average compared in tenths, exactly). */
function meets(record: CategoryRecord, rule: LevelRule): boolean {
  if (record.wins < rule.wins || record.reviews < rule.reviews) return false;
  return record.reviews === 0 || record.stars * 10 >= rule.minAverageTenths * record.reviews;
}

/** The level a record earns: the highest whose rule it meets (each rule includes the one below). */
export function levelOf(record: CategoryRecord): Level {
  if (meets(record, LEVEL_RULES.top)) return "top";
  if (meets(record, LEVEL_RULES.mid)) return "mid";
  return "entry";
}

/** Whether `level` is at least `floor` (a contest tier open "from mid up"). */
export const atLeast = (level: Level, floor: Level) => rank(level) >= rank(floor);

/** The highest of several levels (a designer's best category), entry for none. */
export const highest = (levels: Iterable<Level>): Level =>
  [...levels].reduce<Level>((best, l) => (rank(l) > rank(best) ? l : best), "entry");

/** What a designer still needs for the next level: "3 more wins in logo to reach mid". */
export interface NextLevel {
  level: Exclude<Level, "entry">;
  wins: number;
  reviews: number;
  /** The average they must bring their reviews up to, in tenths, when it is below; else null. */
  averageTenths: number | null;
}

export function nextLevel(record: CategoryRecord): NextLevel | null {
  const current = levelOf(record);
  if (current === "top") return null;
  const level = current === "entry" ? "mid" : "top";
  const rule = LEVEL_RULES[level];
  const reviews = Math.max(0, rule.reviews - record.reviews);
  const averageLow = record.reviews > 0 && record.stars * 10 < rule.minAverageTenths * record.reviews;
  return {
    level,
    wins: Math.max(0, rule.wins - record.wins),
    reviews,
    averageTenths: averageLow ? rule.minAverageTenths : null,
  };
}
