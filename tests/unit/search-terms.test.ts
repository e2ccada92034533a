import { describe, expect, it } from "vitest";
import { foldForSearch, searchTerms, withoutPlural } from "~db/search";

describe("folding text for search", () => {
  it.each([
    ["écusson", "ecusson"],
    ["ÉCUSSON", "ecusson"],
    ["Crème brûlée", "creme brulee"],
    ["Fromagerie", "fromagerie"],
    ["Ça, c'est à Montréal-Nord!", "ca, c'est a montreal-nord!"],
    ["naïve cœur Noël", "naive cœur noel"],
    ["ﬁne", "fine"],
    ["", ""],
  ])("%s → %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("folds the decomposed and the composed forms alike", () => {
    expect(foldForSearch("e\u0301cusson")).toBe(foldForSearch("\u00e9cusson"));
  });

  it("keeps letters that have no accent to remove, and recomposes what it does not strip", () => {
    expect(foldForSearch("한국어 Ελλάδα Straße")).toBe("한국어 ελλαδα straße");
    expect(foldForSearch("한국어")).toBe("한국어".normalize("NFC"));
  });
});

describe("the words of a search box", () => {
  it("folds, splits on anything but letters and digits, and keeps at most eight", () => {
    expect(searchTerms("  Crème-BRÛLÉE!! 2024 ")).toEqual(["creme", "brulee", "2024"]);
    expect(searchTerms(`'"; drop table contests; --`)).toEqual(["drop", "table", "contests"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTerms("*:&|!()")).toEqual([]);
  });
});

describe("a word without its plural, for SQLite's prefix match", () => {
  it("drops the final s or x of words of five letters or more", () => {
    expect(["fromageries", "logos", "bateaux", "cafes", "contests"].map(withoutPlural)).toEqual([
      "fromagerie",
      "logo",
      "bateau",
      "cafe",
      "contest",
    ]);
  });

  it("keeps short words and double s", () => {
    expect(["prix", "jeux", "bus", "glass", "brass", "logo"].map(withoutPlural)).toEqual([
      "prix",
      "jeux",
      "bus",
      "glass",
      "brass",
      "logo",
    ]);
  });
});
