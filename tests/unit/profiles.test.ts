import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import {
  HANDLE_PATTERN,
  handleFromName,
  initials,
  PROFILE_LANGUAGES,
  profileSchema,
  readCodes,
} from "~/modules/people/profiles";

describe("profile handles", () => {
  it("are made from names with accents folded and punctuation as hyphens", () => {
    expect(handleFromName("Chloé Martin")).toBe("chloe-martin");
    expect(handleFromName("  Ana  Souza! ")).toBe("ana-souza");
    expect(handleFromName("Li")).toBe("designer-li");
    expect(handleFromName("✦")).toBe("designer");
  });

  it("property: a handle made from any name is a valid handle, with room for a -N suffix", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const handle = handleFromName(name);
        expect(handle).toMatch(HANDLE_PATTERN);
        expect(`${handle}-99999`).toMatch(HANDLE_PATTERN);
      }),
    );
  });

  it("accept lowercase letters, digits and inner hyphens, 3 to 30 characters", () => {
    for (const ok of ["ana", "ana-souza", "a1b", "x".repeat(30)]) expect(ok).toMatch(HANDLE_PATTERN);
    for (const bad of ["an", "-ana", "ana-", "ana--b", "Ana", "ana_b", "x".repeat(31), "é-é"])
      expect(bad).not.toMatch(HANDLE_PATTERN);
  });
});

describe("the profile form", () => {
  const t = translator("en");
  it("lowercases the handle, keeps only listed codes in list order, and refuses others", () => {
    const ok = profileSchema(t).safeParse({
      handle: " Ana-Souza ",
      languages: ["pt", "fr"],
      categories: ["logo"],
    });
    expect(ok.success && ok.data).toEqual({
      handle: "ana-souza",
      bio: "",
      location: "",
      languages: ["fr", "pt"],
      categories: ["logo"],
    });
    const bad = profileSchema(t).safeParse({ handle: "ana", languages: ["klingon"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Please choose from the list.");
  });

  it("reads stored codes defensively and names people by their initials", () => {
    expect(readCodes('["en","xx","fr"]', PROFILE_LANGUAGES)).toEqual(["fr", "en"]);
    expect(readCodes("not json", PROFILE_LANGUAGES)).toEqual([]);
    expect(readCodes('{"fr":1}', PROFILE_LANGUAGES)).toEqual([]);
    expect(initials("Ana Souza")).toBe("AS");
    expect(initials("chloé de la Martinière")).toBe("CM");
    expect(initials("Zoé")).toBe("Z");
  });
});
