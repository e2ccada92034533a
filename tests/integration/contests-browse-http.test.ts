import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, dialectOf } from "~db/index";
import { PAGE_SIZE } from "~/modules/contests/browse";
import { advanceClock, now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { drainJobs } from "../helpers/jobs";
import { makeUser } from "../helpers/fixtures";
import { cardIds, decode, makeCompleteDraft, makeLiveContest } from "../helpers/contests";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ids = async (path: string) => cardIds(await (await server.client().get(path)).text());

/** The "Show more" link of a list page (a plain link: it works without JavaScript). */
function nextLink(html: string): string | null {
  const m = /<a class="btn btn--secondary"[^>]*href="(\/contests\?[^"]*cursor=[^"]+)"/.exec(html);
  return m ? decode(m[1]!) : null;
}

async function set(
  id: string,
  patch: {
    round_ends_at?: number;
    prize_minor?: number;
    launched_at?: number;
    guaranteed?: number;
    currency?: string;
  },
) {
  await db().updateTable("contests").set(patch).where("id", "=", id).execute();
}

describe("browsing contests", () => {
  it("filters by category, prize range, guarantee, ending soon and stage, and sorts", async () => {
    const client = await makeUser("Client", "client");
    // One contest past its qualifying round (its deadline fires through the scheduler).
    const judged = await makeLiveContest(client, { title: "Marmoset poster", category: "illustration" });
    advanceClock(4 * DAY + 1000);
    await drainJobs();
    const a = await makeLiveContest(client, { title: "Marmoset logo", prize: 30_000 });
    const b = await makeLiveContest(client, {
      title: "Marmoset label",
      category: "packaging",
      prize: 100_000,
    });
    const c = await makeLiveContest(client, { title: "Marmoset mark", prize: 200_000, guaranteed: true });
    await set(b, { guaranteed: 1 });
    await set(c, { round_ends_at: now() + 20 * HOUR });
    await makeCompleteDraft(client, { title: "Marmoset draft" });

    expect(await ids("/contests?q=marmoset")).toEqual([c, a, b]);
    expect(await ids("/contests?q=marmoset&category=logo")).toEqual([c, a]);
    expect(await ids("/contests?q=marmoset&category=logo&category=packaging")).toEqual([c, a, b]);
    expect(await ids("/contests?q=marmoset&min=500&max=1500")).toEqual([b]);
    expect(await ids("/contests?q=marmoset&min=1500&max=500")).toEqual([b]);
    expect(await ids("/contests?q=marmoset&guaranteed=on")).toEqual([c, b]);
    expect(await ids("/contests?q=marmoset&ending=on")).toEqual([c]);
    expect(await ids("/contests?q=marmoset&status=judging")).toEqual([judged]);
    expect(await ids("/contests?q=marmoset&sort=prize")).toEqual([c, b, a]);
    expect(await ids("/contests?q=marmoset&sort=newest")).toEqual([c, b, a]);
    // A currency narrows the list to contests run in it; the price range is then read in it.
    await set(a, { currency: "CAD" });
    expect(await ids("/contests?q=marmoset&currency=CAD")).toEqual([a]);
    expect(await ids("/contests?q=marmoset&currency=USD&min=500")).toEqual([c, b]);
    expect(await ids("/contests?q=marmoset&currency=GBP")).toEqual([c, a, b]);
    const form = decode(await (await server.client().get("/contests?currency=CAD")).text());
    expect(form).toContain('<option value="CAD" selected="">CAD</option>');
    // Nonsense in the address is ignored, not an error.
    const lenient = await server
      .client()
      .get("/contests?q=marmoset&sort=bogus&min=abc&status=x&category=spaceship");
    expect(lenient.status).toBe(200);
    expect(cardIds(await lenient.text())).toEqual([c, a, b]);
  });

  it("shows the filters as a form that works without JavaScript, keeping what was chosen", async () => {
    const html = await (
      await server.client().get("/contests?q=marmoset&category=logo&guaranteed=on&sort=prize")
    ).text();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/contests"/);
    expect(html).toContain('<input type="checkbox" name="category" checked="" value="logo"/>');
    expect(html).toContain('<input type="checkbox" name="category" value="packaging"/>');
    expect(html).toContain('<input type="checkbox" name="guaranteed" checked="" value="on"/>');
    expect(html).toMatch(/<option value="prize" selected="">/);
    expect(html).toContain('value="marmoset"');
    expect(html).toContain("Filters (2)");
  });

  it("says so when nothing matches, with a way out", async () => {
    const html = await (await server.client().get("/contests?q=nothingmatchesthisword")).text();
    expect(html).toContain("No contest matches these filters.");
    expect(html).toContain("Clear all");
  });
});

describe("text search over titles and briefs", () => {
  it("finds words, prefixes and several words at once; ignores punctuation and quotes", async () => {
    const client = await makeUser("Client", "client");
    const hit = await makeLiveContest(client, {
      title: "Mark for Quillwort Bakery",
      description: "We bake sourdough and croissants at dawn for the whole street.",
    });
    const miss = await makeLiveContest(client, {
      title: "Quillwort pizza oven",
      description: "Wood-fired pizza on Fridays.",
    });
    expect(await ids("/contests?q=sourdough")).toEqual([hit]);
    expect(await ids("/contests?q=sourd")).toEqual([hit]);
    expect(await ids("/contests?q=croissant")).toEqual([hit]);
    expect((await ids("/contests?q=quillwort")).sort()).toEqual([hit, miss].sort());
    expect(await ids("/contests?q=quillwort+sourdough")).toEqual([hit]);
    expect(await ids("/contests?q=QUILLWORT+Pizza")).toEqual([miss]);
    expect(await ids("/contests?q=%22sourdough%22!!")).toEqual([hit]);
    for (const q of ['"', "'", "'; drop table contests; --", "*", "a:b & c | !d", "()"]) {
      const res = await server.client().get(`/contests?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(await ids("/contests?q=quillwort+lasagne")).toEqual([]);
  });

  it("finds French words with or without their accents, in any case, singular or plural", async () => {
    const client = await makeUser("Client", "client");
    const cheese = await makeLiveContest(client, {
      title: "Écusson pour la Fromagerie Beaulac",
      description: "Une crème brûlée dessinée sur l'écusson, des meules affinées au village.",
    });
    const cafe = await makeLiveContest(client, {
      title: "Enseigne du Café Quatre-Saisons",
      description: "Des bateaux, des chandails, un cheval de trait et des tartes au sucre.",
    });
    for (const q of ["ecusson", "écusson", "ECUSSON", "Écusson", "ÉCUSSON", "ecussons"]) {
      expect(await ids(`/contests?q=${encodeURIComponent(q)}`), q).toEqual([cheese]);
    }
    for (const q of ["fromagerie", "Fromagerie", "FROMAGERIE", "fromageries", "fromag", "beaulac"]) {
      expect(await ids(`/contests?q=${encodeURIComponent(q)}`), q).toEqual([cheese]);
    }
    for (const q of ["creme", "crème", "CRÈME", "creme brulee", "crème brûlée", "brulee", "affinee"]) {
      expect(await ids(`/contests?q=${encodeURIComponent(q)}`), q).toEqual([cheese]);
    }
    for (const q of ["cafe", "café", "CAFÉ", "cafes", "bateau", "bateaux", "chandail", "saisons"]) {
      expect(await ids(`/contests?q=${encodeURIComponent(q)}`), q).toEqual([cafe]);
    }
    expect(await ids(`/contests?q=${encodeURIComponent("écusson café")}`)).toEqual([]);
    // PostgreSQL stems French ("chevaux" → "cheval"); SQLite has no French stemmer, only prefixes.
    expect(await ids("/contests?q=cheval")).toEqual([cafe]);
    expect(await ids("/contests?q=chevaux")).toEqual(dialectOf(db()) === "postgres" ? [cafe] : []);
  });

  it("searches a brief changed after launch by its new words", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeLiveContest(client, { title: "Logo for Pangolin Press" });
    expect(await ids("/contests?q=letterpress")).toEqual([]);
    await db()
      .updateTable("contests")
      .set({ must_haves: "A nod to letterpress printing." })
      .where("id", "=", id)
      .execute();
    expect(await ids("/contests?q=letterpress")).toEqual([id]);
  });
});

describe("keyset pagination", () => {
  it("walks every page once, in order, even while new contests launch", async () => {
    const client = await makeUser("Client", "client");
    const base = now();
    const original: string[] = [];
    for (let i = 0; i < PAGE_SIZE * 2 + 5; i++) {
      const id = await makeLiveContest(client, { title: `Axolotl ${i}` });
      // Ties on purpose: the id breaks them.
      await set(id, {
        prize_minor: 30_000 + (i % 4) * 10_000,
        round_ends_at: base + DAY + (i % 5) * HOUR,
        launched_at: base - (i % 3) * 1000,
      });
      original.push(id);
    }
    for (const sort of ["ending", "newest", "prize"] as const) {
      const seen: string[] = [];
      let path: string | null = `/contests?q=axolotl&sort=${sort}`;
      let pages = 0;
      while (path) {
        const html = await (await server.client().get(path)).text();
        const page = cardIds(html);
        expect(page.length).toBeLessThanOrEqual(PAGE_SIZE);
        seen.push(...page);
        path = nextLink(html);
        pages++;
        if (pages === 1) {
          // New contests launch while someone reads the first page.
          for (let j = 0; j < 3; j++) {
            const fresh = await makeLiveContest(client, { title: `Axolotl fresh ${sort} ${j}` });
            await set(fresh, {
              prize_minor: 100_000,
              round_ends_at: base + 10 * DAY,
              launched_at: base + DAY,
            });
          }
        }
        expect(pages).toBeLessThan(10);
      }
      expect(new Set(seen).size, `${sort}: no duplicates`).toBe(seen.length);
      for (const id of original) expect(seen, `${sort}: nothing missed`).toContain(id);
      // The order across pages is the sort's order (its key, then the id).
      const rows = await db()
        .selectFrom("contests")
        .select(["id", "prize_minor", "round_ends_at", "launched_at"])
        .where("id", "in", seen)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const key = (id: string) => {
        const r = byId.get(id)!;
        return sort === "ending" ? r.round_ends_at! : sort === "newest" ? -r.launched_at! : -r.prize_minor;
      };
      for (let i = 1; i < seen.length; i++) {
        const [p, q] = [seen[i - 1]!, seen[i]!];
        const ordered = key(p) < key(q) || (key(p) === key(q) && (sort === "ending" ? p < q : p > q));
        expect(ordered, `${sort}: ${p} before ${q}`).toBe(true);
      }
    }
  });

  it("starts from the beginning when the cursor is nonsense", async () => {
    const first = await ids("/contests?q=axolotl&sort=prize");
    expect(first).toHaveLength(PAGE_SIZE);
    expect(await ids("/contests?q=axolotl&sort=prize&cursor=not-a-cursor")).toEqual(first);
    expect(await ids(`/contests?q=axolotl&sort=prize&cursor=${btoa('[1,"../x"]')}`)).toEqual(first);
  });
});

describe("the landing page", () => {
  it("shows live open contests with their prizes, and never drafts", async () => {
    const client = await makeUser("Client", "client");
    const live = await makeLiveContest(client, { title: "Very rich contest", prize: 9_000_000 });
    const draft = await makeCompleteDraft(client, { title: "Unlaunched rich draft", prize: 9_500_000 });
    await set(draft, { prize_minor: 9_900_000 });
    const html = decode(await (await server.client().get("/")).text());
    expect(cardIds(html)[0]).toBe(live);
    expect(html).toContain("$90,000");
    expect(cardIds(html)).not.toContain(draft);
    expect(html).toContain("Open contests");
  });
});
