import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DIRECTORY_QUERY,
  DIRECTORY_SORTS,
  DIRECTORY_TEXT_MAX,
  RATING_MIN_REVIEWS,
  decodeDirectoryCursor,
  directorySearch,
  encodeDirectoryCursor,
  parseDirectoryQuery,
  ratingKey,
  type DirectoryCursor,
} from "~/modules/people/directory";

const cursorArb = fc.record({
  sort: fc.constantFrom(...DIRECTORY_SORTS),
  key: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  id: fc.stringMatching(/^[a-z0-9]{1,64}$/),
});

describe("the directory's cursor", () => {
  it("decodes to what was encoded, for any sort, key and id", () => {
    fc.assert(
      fc.property(cursorArb, (c: DirectoryCursor) => {
        const encoded = encodeDirectoryCursor(c);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe as it stands
        expect(decodeDirectoryCursor(encoded)).toEqual(c);
      }),
    );
  });

  it("refuses what we did not write: garbage, other shapes, negative or fractional keys, odd ids", () => {
    const b64 = (v: unknown) =>
      btoa(JSON.stringify(v)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const bad of [
      "",
      "not a cursor!",
      "%%%",
      "x".repeat(201),
      b64({ sort: "wins", key: 1, id: "abc" }),
      b64(["wins", 1]),
      b64(["best", 1, "abc"]),
      b64(["wins", -1, "abc"]),
      b64(["wins", 1.5, "abc"]),
      b64(["wins", "1", "abc"]),
      b64(["wins", 1, "ABC"]),
      b64(["wins", 1, "a'; drop table users"]),
      b64(["wins", 2 ** 60, "abc"]),
    ])
      expect(decodeDirectoryCursor(bad), bad).toBeNull();
  });

  it("never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const c = decodeDirectoryCursor(s);
        expect(c === null || DIRECTORY_SORTS.includes(c.sort)).toBe(true);
      }),
    );
  });
});

const parse = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs));

describe("the directory's query string", () => {
  it("reads every filter and the sort", () => {
    expect(
      parse("q=Chlo%C3%A9&category=logo&language=fr&level=mid&location=Qu%C3%A9bec&sort=rating"),
    ).toEqual({
      ok: true,
      query: {
        q: "Chloé",
        category: "logo",
        language: "fr",
        level: "mid",
        location: "Québec",
        sort: "rating",
        cursor: null,
      },
    });
  });

  it("reads an empty or missing value as the default, and unknown values as 'any'", () => {
    expect(parse("")).toEqual({ ok: true, query: DEFAULT_DIRECTORY_QUERY });
    expect(parse("q=&category=&sort=")).toEqual({ ok: true, query: DEFAULT_DIRECTORY_QUERY });
    expect(parse("category=rockets&language=klingon&level=grand&sort=random")).toEqual({
      ok: true,
      query: DEFAULT_DIRECTORY_QUERY,
    });
  });

  it("trims the boxes and keeps at most so many characters", () => {
    const r = parse(`q=${encodeURIComponent("  ana  ")}&location=${"m".repeat(500)}`);
    expect(r.ok && r.query.q).toBe("ana");
    expect(r.ok && r.query.location.length).toBeLessThanOrEqual(DIRECTORY_TEXT_MAX);
  });

  it("takes a cursor of its own sort, and refuses a tampered one or another sort's", () => {
    const cursor = encodeDirectoryCursor({ sort: "recent", key: 1_700_000_000_000, id: "abc123" });
    expect(parse(`sort=recent&cursor=${cursor}`)).toEqual({
      ok: true,
      query: { ...DEFAULT_DIRECTORY_QUERY, sort: "recent", cursor: decodeDirectoryCursor(cursor) },
    });
    expect(parse(`sort=wins&cursor=${cursor}`)).toEqual({ ok: false, problem: "cursor" });
    expect(parse(`sort=recent&cursor=${cursor.slice(0, -3)}x`)).toEqual({ ok: false, problem: "cursor" });
    expect(parse("cursor=hello")).toEqual({ ok: false, problem: "cursor" });
  });

  it("writes back the address it reads, defaults left out", () => {
    const r = parse("q=ana&category=logo&language=fr&level=top&location=Laval&sort=recent");
    if (!r.ok) throw new Error("parsed");
    expect(parse(directorySearch(r.query).slice(1))).toEqual(r);
    expect(directorySearch(DEFAULT_DIRECTORY_QUERY)).toBe("");
    const next = encodeDirectoryCursor({ sort: "recent", key: 5, id: "z9" });
    const paged = parse(directorySearch(r.query, next).slice(1));
    expect(paged.ok && paged.query.cursor).toEqual({ sort: "recent", key: 5, id: "z9" });
  });
});

describe("the rating sort's key", () => {
  it(`puts every designer with ${RATING_MIN_REVIEWS} or more reviews above those with fewer`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: RATING_MIN_REVIEWS, max: 5000 }),
        fc.integer({ min: 0, max: RATING_MIN_REVIEWS - 1 }),
        fc.integer({ min: 1, max: 5 }),
        (rated, few, star) => {
          expect(ratingKey(rated, rated)).toBeGreaterThan(ratingKey(few, few * star));
        },
      ),
    );
  });

  it("orders rated designers by their average, then by how many reviews", () => {
    expect(ratingKey(3, 15)).toBeGreaterThan(ratingKey(10, 49)); // 5.0 over 4.9
    expect(ratingKey(10, 45)).toBeGreaterThan(ratingKey(4, 18)); // 4.5 with more reviews over 4.5
    expect(ratingKey(4, 18)).toBeGreaterThan(ratingKey(3, 13)); // 4.5 over 4.33
    expect(ratingKey(2, 10)).toBeGreaterThan(ratingKey(1, 5)); // below the minimum: by count
    expect(ratingKey(0, 0)).toBe(0);
  });
});
