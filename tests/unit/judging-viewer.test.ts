import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notificationText } from "~/modules/notify/notifications.server";
import { entryForKeys, filterEntries, parseFilter, pickEntries, progressOf } from "~/modules/judging/viewer";

const entry = (number: number, myStars: number | null = null, declined = false) => ({
  id: `e${number}`,
  number,
  myStars,
  declined,
});

describe("the rating viewer's navigation", () => {
  const entries = [entry(1, 5), entry(2), entry(3, 2), entry(4, null, true), entry(5, 4), entry(6)];

  it("filters: all leaves out declined entries, unrated is what I have not rated, top is 4–5 stars best first", () => {
    expect(filterEntries(entries, "all").map((e) => e.number)).toEqual([1, 2, 3, 5, 6]);
    expect(filterEntries(entries, "unrated").map((e) => e.number)).toEqual([2, 6]);
    expect(filterEntries(entries, "top").map((e) => e.number)).toEqual([1, 5]);
    expect(filterEntries(entries, "declined").map((e) => e.number)).toEqual([4]);
    expect(parseFilter("top")).toBe("top");
    expect(parseFilter("<script>")).toBe("all");
    expect(parseFilter(null)).toBe("all");
  });

  it("keeps an entry that just left the filter current, and moves on from where it was", () => {
    // e2 was just rated under "unrated": it stays on screen, and → goes to e6.
    const rated = entries.map((e) => (e.id === "e2" ? { ...e, myStars: 3 } : e));
    const pick = pickEntries(rated, "unrated", "e2");
    expect(pick.current?.id).toBe("e2");
    expect(pick.prev).toBeNull();
    expect(pick.next?.id).toBe("e6");
    expect(pickEntries(entries, "all", null).current?.id).toBe("e1");
    expect(pickEntries(entries, "all", "e3")).toMatchObject({ prev: { id: "e2" }, next: { id: "e5" } });
    expect(pickEntries(entries, "all", "nope").current?.id).toBe("e1");
    expect(pickEntries([], "all", null).current).toBeNull();
  });

  it("counts progress over the entries still in the running", () => {
    expect(progressOf(entries)).toEqual({ rated: 3, total: 5 });
  });

  it("walking → from the first entry visits every entry of the filter once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stars: fc.option(fc.integer({ min: 1, max: 5 })), declined: fc.boolean() }), {
          maxLength: 30,
        }),
        fc.constantFrom("all", "unrated", "top", "declined" as const),
        (specs, filter) => {
          const list = specs.map((s, i) => entry(i + 1, s.stars, s.declined));
          const expected = filterEntries(list, filter).map((e) => e.id);
          const seen: string[] = [];
          let at: { current: { id: string } | null; next: { id: string } | null } = pickEntries(
            list,
            filter,
            null,
          );
          while (at.current && seen.length <= list.length) {
            seen.push(at.current.id);
            at = at.next ? pickEntries(list, filter, at.next.id) : { current: null, next: null };
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });
});

describe("notification sentences", () => {
  it("reads every kind the contest machine sends as a sentence from the catalogue", () => {
    const machine = fs.readFileSync("app/modules/contests/machine.ts", "utf8");
    const kinds = [...new Set([...machine.matchAll(/kind: "(contest\.[a-z_]+)"/g)].map((m) => m[1]!))];
    expect(kinds.length).toBeGreaterThan(10);
    for (const kind of kinds) {
      const text = notificationText(kind, { contestTitle: "Logo for a bakery" }, "en");
      expect(text, kind).toContain("“Logo for a bakery”");
      expect(text, kind).not.toMatch(/\{|\}|notify\./);
      expect(text, kind).not.toBe(
        notificationText("something.unknown", { contestTitle: "Logo for a bakery" }, "en"),
      );
    }
  });

  it("reads the judging kinds with their details, and an unknown kind plainly", () => {
    const c = { contestTitle: "Logo for a bakery" };
    expect(notificationText("entry.rated", { ...c, number: 7, stars: 1 }, "en")).toBe(
      "The client gave your entry #7 in “Logo for a bakery” 1 star.",
    );
    expect(notificationText("entry.declined", { ...c, number: 3, reason: "off_brief" }, "en")).toBe(
      "Your entry #3 in “Logo for a bakery” was declined: it does not follow the brief.",
    );
    expect(notificationText("entry.replied", { ...c, number: 2, name: "Ana" }, "en")).toBe(
      "Ana replied about entry #2 in “Logo for a bakery”.",
    );
    expect(notificationText("judge.joined", { ...c, name: "Jules" }, "en")).toBe(
      "Jules accepted your invitation to judge “Logo for a bakery”.",
    );
    expect(notificationText("entry.new_kind", {}, "en")).toBe("Something new in “a contest”.");
    expect(notificationText("entry.declined", { ...c, number: 3, reason: "<b>" }, "en")).toContain(
      "another reason",
    );
  });
});

describe("the entry the keys act on (fast → then 3)", () => {
  const [e1, e2, e3] = [entry(1), entry(2), entry(3)];

  it("keeps the entry a key moved to while renders still show the one being left", () => {
    // → pressed on e2: the keys hold e3 at once; the answer to e2's rating re-renders e2 first.
    expect(entryForKeys(e3, "e2", e2)).toBe(e3);
    // The move lands: e3 is rendered and held.
    expect(entryForKeys(e3, "e2", e3)).toBe(e3);
  });

  it("follows the screen when it shows another entry, and refreshes the entry it holds", () => {
    expect(entryForKeys(e3, "e2", entry(5))).toEqual(entry(5)); // a click elsewhere
    const rated = { ...e2, myStars: 4 };
    expect(entryForKeys(e2, "e2", rated)).toBe(rated);
    expect(entryForKeys(null, null, e1)).toBe(e1);
    expect(entryForKeys(e1, "e1", null)).toBeNull(); // the filter left nothing to show
  });
});
