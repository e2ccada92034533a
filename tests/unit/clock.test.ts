import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, now, orderedNow, resetClock } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";

afterEach(() => resetClock());

describe("orderedNow: the clock for rows listed by time", () => {
  it("hands out strictly increasing instants while the clock stands still, close to it", () => {
    const at = Date.UTC(2026, 10, 29, 12);
    freezeClock(at);
    const stamps = Array.from({ length: 5 }, () => orderedNow());
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(5);
    expect(stamps[0]).toBeGreaterThanOrEqual(at);
    expect(stamps[4]! - at).toBeLessThan(50);
  });

  it("never answers before notBefore, and follows the clock when it moves on", () => {
    freezeClock(Date.UTC(2026, 10, 29, 12));
    const later = now() + 500;
    expect(orderedNow(later)).toBe(later);
    advanceClock(HOUR);
    expect(orderedNow()).toBe(now());
  });

  it("starts again from the clock when the clock is moved back (tests do)", () => {
    freezeClock(Date.UTC(2026, 10, 29, 12));
    orderedNow();
    advanceClock(-DAY);
    expect(orderedNow()).toBe(now());
  });
});
