import { describe, expect, it } from "vitest";
import { negotiateLocale } from "~/i18n/negotiate";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { formatDate, formatRelative } from "~/i18n/dates";
import { translate } from "~/i18n";
import { formatScore } from "~/i18n/numbers";
import { DAY } from "~/utils/durations";

describe("the reader's language", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr-CA"],
    ["fr-FR", "fr-CA"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB;q=0.5, fr;q=0.9", "fr-CA"],
    ["de-DE, en;q=0.3", "en"],
    ["de-DE", "fr-CA"],
    ["*", "fr-CA"],
    ["", "fr-CA"],
    ["fr;q=0, en", "en"],
  ])("Accept-Language %j reads as %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("is the address's ?lang=, then the account's, then the switch's cookie, then the browser's", () => {
    const base = { query: null, account: null, cookieHeader: null, acceptLanguage: "en-US" };
    expect(resolveLocale(base)).toBe("en");
    expect(resolveLocale({ ...base, cookieHeader: "a=1; concours_lang=fr-CA" })).toBe("fr-CA");
    expect(resolveLocale({ ...base, cookieHeader: "concours_lang=fr-CA", account: "en" })).toBe("en");
    expect(resolveLocale({ ...base, account: "en", query: "fr-CA" })).toBe("fr-CA");
    // What is not one of ours is ignored, never trusted.
    expect(resolveLocale({ ...base, query: "xx", account: "de", cookieHeader: "concours_lang=<b>" })).toBe(
      "en",
    );
  });

  it("keeps the browser's time zone when it is a real one, else Québec's", () => {
    expect(resolveTimeZone("tz=Europe%2FParis")).toBe("Europe/Paris");
    expect(resolveTimeZone("tz=Mars%2FOlympus")).toBe("America/Toronto");
    expect(resolveTimeZone(null)).toBe("America/Toronto");
  });
});

describe("dates in the reader's language and zone", () => {
  const at = Date.UTC(2026, 11, 5, 2, 30); // 21 h 30 on December 4 in Montréal

  it("writes the date and time as each language does, in the reader's zone", () => {
    expect(formatDate(at, "fr-CA", "America/Toronto", "long")).toBe("4 décembre 2026");
    expect(formatDate(at, "en", "America/Toronto", "long")).toBe("December 4, 2026");
    expect(formatDate(at, "fr-CA", "America/Toronto")).toMatch(/4 déc\. 2026.*21 h 30/);
    expect(formatDate(at, "en", "Europe/Paris")).toMatch(/Dec 5, 2026.*3:30/);
  });

  it("says when in words", () => {
    expect(formatRelative(at + 3 * DAY, at, "fr-CA")).toBe("dans 3 jours");
    expect(formatRelative(at + 2 * DAY, at, "fr-CA")).toBe("après-demain");
    expect(formatRelative(at - 3 * DAY, at, "en")).toBe("3 days ago");
    expect(formatRelative(at - 10_000, at, "en")).toBeNull();
  });
});

describe("numbers and labels in the reader's language", () => {
  it("writes a score with one decimal, a comma in French", () => {
    expect(formatScore(4.25, "en")).toBe("4.3");
    expect(formatScore(4, "fr-CA")).toBe("4,0");
  });

  it("puts a non-breaking space before a French colon", () => {
    expect(translate("en", "common.label", { label: "Round 1" })).toBe("Round 1:");
    expect(translate("fr-CA", "common.label", { label: "Ronde 1" })).toBe("Ronde 1\u00a0:");
  });
});
