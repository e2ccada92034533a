import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PART_TARGETS,
  PIECES_FOR_COMPLETE,
  PROFILE_PARTS,
  profileCompleteness,
  type ProfileFacts,
} from "~/modules/people/completeness";

const empty: ProfileFacts = {
  hasAvatar: false,
  bio: "",
  location: "",
  languages: [],
  categories: [],
  works: 0,
};
const full: ProfileFacts = {
  hasAvatar: true,
  bio: "Logos for bakeries.",
  location: "Montréal",
  languages: ["fr"],
  categories: ["logo"],
  works: PIECES_FOR_COMPLETE,
};

describe("a profile's completeness", () => {
  it("is 0 % with every part missing, in the profile's order, each with where to add it", () => {
    const c = profileCompleteness(empty);
    expect(c.percent).toBe(0);
    expect(c.missing.map((m) => m.part)).toEqual([...PROFILE_PARTS]);
    expect(c.missing.find((m) => m.part === "pieces")?.href).toBe("/account/portfolio");
    expect(c.missing.find((m) => m.part === "avatar")?.href).toBe("/account#avatar");
  });

  it("is 100 % with nothing to add once every part is there", () => {
    expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [] });
  });

  it("counts each missing part once, rounding to a whole percentage", () => {
    for (const part of PROFILE_PARTS) {
      const facts: ProfileFacts = {
        ...full,
        ...{
          avatar: { hasAvatar: false },
          bio: { bio: "" },
          location: { location: "" },
          languages: { languages: [] },
          categories: { categories: [] },
          pieces: { works: 0 },
        }[part],
      };
      const c = profileCompleteness(facts);
      expect(c.percent, part).toBe(83); // 5 of 6
      expect(c.missing, part).toEqual([{ part, href: PART_TARGETS[part] }]);
    }
    expect(profileCompleteness({ ...empty, hasAvatar: true, bio: "Hi" }).percent).toBe(33);
  });

  it("reads a bio or location of spaces as missing, and wants enough work, not just some", () => {
    const c = profileCompleteness({ ...full, bio: "   ", location: "\n", works: PIECES_FOR_COMPLETE - 1 });
    expect(c.missing.map((m) => m.part)).toEqual(["bio", "location", "pieces"]);
    expect(profileCompleteness({ ...full, works: PIECES_FOR_COMPLETE + 10 }).missing).toEqual([]);
  });

  it("its percentage is the share of parts present, and more facts never lower it", () => {
    const facts = fc.record({
      hasAvatar: fc.boolean(),
      bio: fc.string({ maxLength: 5 }),
      location: fc.string({ maxLength: 5 }),
      languages: fc.array(fc.constantFrom("fr", "en"), { maxLength: 2 }),
      categories: fc.array(fc.constantFrom("logo"), { maxLength: 1 }),
      works: fc.nat({ max: 6 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const c = profileCompleteness(f);
        const present = PROFILE_PARTS.length - c.missing.length;
        expect(c.percent).toBe(Math.round((present / PROFILE_PARTS.length) * 100));
        expect(
          profileCompleteness({ ...f, hasAvatar: true, works: f.works + 1 }).percent,
        ).toBeGreaterThanOrEqual(c.percent);
      }),
    );
  });
});
