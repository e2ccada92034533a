import { describe, expect, it } from "vitest";
import { relativeTime, timeLeftText } from "~/components/time";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 8, 0);

describe("time in words", () => {
  it("says the same number of days for one deadline, however it is phrased", () => {
    // A dashboard card said "Ends in 4 days" above "3 days left" for one contest with 3 d 23 h 59 m to go.
    for (const left of [4 * DAY - 60_000, 3 * DAY + 1, 3.5 * DAY, 2 * DAY + 60_000]) {
      const days = Math.floor(left / DAY);
      expect(relativeTime(NOW + left, NOW, "en")).toBe(`in ${days} days`);
      expect(timeLeftText(NOW + left, NOW, "en")).toBe(`${days} days left`);
    }
  });

  it("counts whole units in the past too", () => {
    expect(relativeTime(NOW - (3 * 3_600_000 + 50 * 60_000), NOW, "en")).toBe("3 hours ago");
    expect(relativeTime(NOW - DAY, NOW, "en")).toBe("yesterday");
    expect(relativeTime(NOW + DAY + 3_600_000, NOW, "en")).toBe("tomorrow");
  });

  it("speaks the reader's language", () => {
    expect(relativeTime(NOW + 3 * DAY, NOW, "fr-CA")).toBe("dans 3 jours");
    expect(timeLeftText(NOW + 3 * DAY, NOW, "fr-CA")).toMatch(/^il reste 3\sjours$/);
  });
});
