import { describe, expect, it } from "vitest";
import { CATEGORY_KEYS } from "~/modules/contests/brief";
import { aiAllowed, aiAllowedByDefault, aiDeclaration, readAiAnswer } from "~/modules/contests/generative-ai";

describe("the generative-AI rule (ADR 0041)", () => {
  it("is off by default for logo, brand identity and illustration, on for every other category", () => {
    const off = CATEGORY_KEYS.filter((c) => !aiAllowedByDefault(c));
    expect(off.sort()).toEqual(["brand_identity", "illustration", "logo"]);
    expect(aiAllowedByDefault("web_page")).toBe(true);
  });

  it("reads a stored choice over the category's default, and the default while nothing is chosen", () => {
    expect(aiAllowed(null, "logo")).toBe(false);
    expect(aiAllowed(1, "logo")).toBe(true);
    expect(aiAllowed(null, "packaging")).toBe(true);
    expect(aiAllowed(0, "packaging")).toBe(false);
  });

  it("reads a declaration as AI, none, or not declared (never a false no for old entries)", () => {
    expect(aiDeclaration(1)).toBe("ai");
    expect(aiDeclaration(0)).toBe("none");
    expect(aiDeclaration(null)).toBe("undeclared");
  });

  it("takes only 'yes' and 'no' as answers", () => {
    expect(readAiAnswer("yes")).toBe(true);
    expect(readAiAnswer("no")).toBe(false);
    for (const other of [null, "", "on", "Yes", "true"]) expect(readAiAnswer(other)).toBeNull();
  });
});
