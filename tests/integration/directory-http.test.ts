import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { refreshDesignerRecords } from "~/modules/people/designer-records.server";
import {
  DIRECTORY_PAGE_SIZE,
  DIRECTORY_SORTS,
  encodeDirectoryCursor,
  parseDirectoryQuery,
  type DirectorySort,
} from "~/modules/people/directory";
import { listDesigners } from "~/modules/people/directory.server";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { decode, signUpAs } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A word no other test's designers carry in their bio: each test searches within its own people. */
const tagOf = () =>
  `tag${newId()
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;

interface Profile {
  bio?: string;
  location?: string;
  languages?: string[];
  categories?: string[];
  role?: "client" | "designer";
}

async function person(name: string, tag: string, p: Profile = {}) {
  const id = await makeUser(name, p.role ?? "designer");
  await db()
    .updateTable("users")
    .set({
      bio: `${p.bio ?? "Designer."} ${tag}`,
      location: p.location ?? "",
      languages: JSON.stringify(p.languages ?? []),
      categories: JSON.stringify(p.categories ?? []),
    })
    .where("id", "=", id)
    .execute();
  return id;
}

/** The fixtures write rows directly: bring these people's directory records up to date. */
const refresh = (...ids: string[]) => transaction((trx) => refreshDesignerRecords(trx, ids));

let clientId: string | null = null;
const theClient = async () => (clientId ??= await makeUser("Camille Tremblay", "client"));

/** A contest the designer entered (with a rival); `won` makes them its winner and completes it. */
async function contest(
  designer: string,
  kind: {
    won?: boolean;
    completed?: boolean;
    isPrivate?: boolean;
    blind?: boolean;
    category?: string;
    title?: string;
    endedAt?: number;
  } = {},
) {
  const c = await makeLaunchedContest(await theClient());
  const entry = await makeReadyEntry(c.id, designer);
  const done = kind.won || kind.completed;
  await db()
    .updateTable("contests")
    .set({
      title: kind.title ?? `Contest ${c.id}`,
      category: kind.category ?? "logo",
      is_private: kind.isPrivate ? 1 : 0,
      blind: kind.blind ? 1 : 0,
      ...(done ? { status: "completed", ended_at: kind.endedAt ?? now(), round_ends_at: null } : {}),
      ...(kind.won ? { winner_id: designer, winning_entry_id: entry } : {}),
    })
    .where("id", "=", c.id)
    .execute();
  return { contestId: c.id, entry };
}

async function review(contestId: string, designer: string, stars: number, at = now()) {
  await db()
    .insertInto("reviews")
    .values({
      contest_id: contestId,
      client_id: await theClient(),
      designer_id: designer,
      stars,
      body: "Good work.",
      created_at: at,
    })
    .execute();
}

interface Card {
  handle: string;
  wins: number;
  level: string;
  html: string;
}

function cardsOf(html: string): Card[] {
  return [
    ...html.matchAll(/<article class="designer-card"[^>]*data-handle="([^"]+)"[^>]*>([\s\S]*?)<\/article>/g),
  ].map((m) => ({
    handle: m[1]!,
    wins: Number(/data-wins="(\d+)"/.exec(m[2]!)?.[1]),
    level: /class="level level--(\w+)"/.exec(m[2]!)?.[1] ?? "",
    html: decode(m[2]!),
  }));
}

const nextHref = (html: string) => {
  const tag = /<a[^>]*data-testid="directory-next"[^>]*>/.exec(html)?.[0];
  const href = tag && /href="(\/designers\?[^"]*)"/.exec(tag)?.[1];
  return href ? decode(href) : null;
};

async function page(path: string, client = server.client()) {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { html, cards: cardsOf(html), next: nextHref(html) };
}

const handleOf = async (id: string) =>
  (await db().selectFrom("users").select("handle").where("id", "=", id).executeTakeFirstOrThrow()).handle!;

describe("the designers directory", () => {
  it("is a plain GET form and cards that link to profiles, with a Designers link in the header", async () => {
    const tag = tagOf();
    const ana = await person("Ana Souza", tag, { location: "Montréal, Québec", categories: ["logo"] });
    await refresh(ana);
    const res = await server.client().get(`/designers?q=${tag}`);
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/designers"/);
    expect(html).toMatch(/<a[^>]*href="\/designers"[^>]*>Designers<\/a>/);
    expect(html).toContain("<title>Find designers · Concours</title>");
    const [card] = cardsOf(html);
    expect(card?.handle).toBe(await handleOf(ana));
    expect(card!.html).toContain(`href="/designers/${card!.handle}"`);
    expect(card!.html).toContain(">AS<");
    expect(card!.html).toContain("Montréal, Québec");
    expect(card!.html).toContain(">Logo<");
    expect(card!.html).toContain("No contest won yet");
    expect(card!.html).toContain("Entry level");
    expect(html).not.toContain("@example.com"); // never an e-mail address
    expect(html).not.toContain(ana); // nor the account's id
  });

  it("finds designers by name, handle and bio with accents and case folded", async () => {
    const tag = tagOf();
    const chloe = await person("Chloé Martin", tag, { bio: "Identités visuelles pour les cafés" });
    const ben = await person("Ben Okafor", tag, { bio: "Packaging and illustration" });
    await refresh(chloe, ben);
    const found = async (q: string) =>
      (await page(`/designers?q=${encodeURIComponent(`${q} ${tag}`)}`)).cards.map((c) => c.handle);
    const [chloeHandle, benHandle] = [await handleOf(chloe), await handleOf(ben)];
    expect(await found("chloe")).toEqual([chloeHandle]);
    expect(await found("CHLOÉ martin")).toEqual([chloeHandle]);
    expect(await found("identites cafe")).toEqual([chloeHandle]);
    expect(await found("okaf")).toEqual([benHandle]);
    expect(await found(benHandle.split("-").slice(-1)[0]!)).toEqual([benHandle]); // the handle's tail
    expect(await found("nobody")).toEqual([]);
    const none = decode((await page(`/designers?q=nobody+${tag}`)).html);
    expect(none).toContain("No designer matches this search.");
    expect(none).toContain("Clear the filters");
  });

  it("filters by category, language, level (in the category, else the best) and location", async () => {
    const tag = tagOf();
    const a = await person("Alice Logo", tag, {
      categories: ["logo"],
      languages: ["fr"],
      location: "Montréal",
    });
    const b = await person("Bruno Web", tag, {
      categories: ["web_page"],
      languages: ["en"],
      location: "Québec",
    });
    const c = await person("Carla Both", tag, {
      categories: ["logo", "brand_identity"],
      languages: ["fr", "es"],
      location: "Laval, Québec",
    });
    await contest(c, { won: true });
    await contest(c, { won: true }); // two logo wins: mid level in logo
    await refresh(a, b, c);
    const [ha, hb, hc] = [await handleOf(a), await handleOf(b), await handleOf(c)];
    const only = async (qs: string) =>
      (await page(`/designers?q=${tag}&${qs}`)).cards.map((card) => card.handle).sort();
    expect(await only("category=logo")).toEqual([ha, hc].sort());
    expect(await only("category=web_page")).toEqual([hb]);
    expect(await only("language=es")).toEqual([hc]);
    expect(await only("language=fr")).toEqual([ha, hc].sort());
    expect(await only("location=montreal")).toEqual([ha]);
    expect(await only("location=QUEBEC")).toEqual([hb, hc].sort());
    expect(await only("level=mid")).toEqual([hc]);
    expect(await only("level=entry")).toEqual([ha, hb].sort());
    expect(await only("level=mid&category=logo")).toEqual([hc]);
    expect(await only("level=mid&category=brand_identity")).toEqual([]);
    expect(await only("level=entry&category=brand_identity")).toEqual([hc]);
    // In a category, the card shows that category's record.
    const inBrand = (await page(`/designers?q=${tag}&category=brand_identity`)).cards[0]!;
    expect([inBrand.wins, inBrand.level]).toEqual([0, "entry"]);
    const inLogo = (await page(`/designers?q=${tag}&category=logo&level=mid`)).cards[0]!;
    expect([inLogo.wins, inLogo.level]).toEqual([2, "mid"]);
    // A value no form sends is ignored, not an error.
    expect((await only("category=rockets&level=grand")).length).toBe(3);
  });

  it("sorts by wins, by rating (from 3 reviews) and by recent activity", async () => {
    const tag = tagOf();
    const many = await person("Many Wins", tag);
    const rated = await person("Well Rated", tag);
    const once = await person("One Review", tag);
    const idle = await person("Idle Person", tag);
    const later = now() + 10 * DAY;
    for (let i = 0; i < 3; i++) await contest(many, { won: true, endedAt: later - 5 * DAY });
    const reviewed: string[] = [];
    for (let i = 0; i < 3; i++)
      reviewed.push((await contest(rated, { won: true, endedAt: later - 9 * DAY })).contestId);
    for (const [i, id] of reviewed.entries()) await review(id, rated, i === 0 ? 4 : 5, later - 8 * DAY); // 4.67
    for (let i = 0; i < 2; i++)
      await review((await contest(many, { won: true })).contestId, many, 3, later - 6 * DAY);
    await review((await contest(once, { won: true, endedAt: later })).contestId, once, 5, later - 7 * DAY);
    await refresh(many, rated, once, idle);
    const order = async (sort: DirectorySort) =>
      (await page(`/designers?q=${tag}&sort=${sort}`)).cards.map((c) => c.handle);
    const h = {
      many: await handleOf(many),
      rated: await handleOf(rated),
      once: await handleOf(once),
      idle: await handleOf(idle),
    };
    expect(await order("wins")).toEqual([h.many, h.rated, h.once, h.idle]);
    // Well Rated has 3 reviews (4.7); One Review's single 5 does not put them first; Many Wins has 2.
    expect(await order("rating")).toEqual([h.rated, h.many, h.once, h.idle]);
    expect(await order("recent")).toEqual([h.once, h.many, h.rated, h.idle]);
    const rating = (await page(`/designers?q=${tag}&sort=rating`)).cards[0]!.html;
    expect(rating).toContain("4.7");
    expect(rating).toContain("from 3 reviews");
    expect(rating).toMatch(/role="img" aria-label="[^"]*5[^"]*"/); // the stars, named
  });

  it("walks every designer page by page, with ties, without a duplicate or a gap (each sort)", async () => {
    const tag = tagOf();
    const ids: string[] = [];
    for (let i = 0; i < DIRECTORY_PAGE_SIZE + 6; i++) ids.push(await person(`Tied Designer ${i}`, tag));
    for (const id of ids.slice(0, 3)) await contest(id, { won: true }); // three tied at 1 win, the rest at 0
    await refresh(...ids);
    const everyone = new Set(await Promise.all(ids.map(handleOf)));
    for (const sort of DIRECTORY_SORTS) {
      const seen: Card[] = [];
      let path: string | null = `/designers?q=${tag}&sort=${sort}`;
      let pages = 0;
      while (path) {
        const p = await page(path);
        expect(p.cards.length).toBeLessThanOrEqual(DIRECTORY_PAGE_SIZE);
        seen.push(...p.cards);
        path = p.next;
        pages++;
      }
      expect(pages, sort).toBe(2);
      expect(seen.map((c) => c.handle).sort(), sort).toEqual([...everyone].sort());
      expect(new Set(seen.map((c) => c.handle)).size).toBe(seen.length);
      if (sort === "wins")
        expect(seen.map((c) => c.wins)).toEqual([1, 1, 1, ...Array(ids.length - 3).fill(0)]);
    }
    // Smaller pages through the module: many page breaks inside runs of equal keys.
    for (const sort of DIRECTORY_SORTS) {
      const parsed = parseDirectoryQuery(new URLSearchParams({ q: tag, sort }));
      if (!parsed.ok) throw new Error("parsed");
      const seen: string[] = [];
      let query = parsed.query;
      for (;;) {
        const result = await listDesigners(query, { limit: 4 });
        seen.push(...result.items.map((d) => d.id));
        if (!result.nextCursor) break;
        const next = parseDirectoryQuery(new URLSearchParams({ q: tag, sort, cursor: result.nextCursor }));
        if (!next.ok) throw new Error("cursor");
        query = next.query;
      }
      expect(seen.sort(), sort).toEqual([...ids].sort());
    }
  });

  it("answers a tampered cursor, or another sort's, with 400 and a message, never a 500", async () => {
    for (const cursor of [
      "garbage",
      encodeDirectoryCursor({ sort: "wins", key: 3, id: "abc" }).slice(0, -2) + "%%",
      btoa(JSON.stringify(["wins", -4, "abc"])),
      encodeDirectoryCursor({ sort: "rating", key: 3, id: "abc" }), // with sort=wins (the default)
    ]) {
      const res = await server.client().get(`/designers?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(decode(await res.text())).toContain("This page link is damaged or out of date.");
    }
    const french = server.client();
    french.language = "fr-CA";
    const res = await french.get("/designers?cursor=garbage");
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Ce lien de page est abîmé ou périmé.");
  });

  it("never reveals a private or a running blind contest, whoever looks (role × contest kind)", async () => {
    const tag = tagOf();
    // Wins only in private contests: 0 public wins; the level counts them (ADR 0034).
    const hidden = await person("Priya Private", tag);
    const secret1 = await contest(hidden, { won: true, isPrivate: true, title: "Secret launch one" });
    const secret2 = await contest(hidden, { won: true, isPrivate: true, title: "Secret launch two" });
    // A designer whose only entry is in a running blind contest, and a client-role person in it too.
    const blindDesigner = await person("Blaise Blind", tag);
    const blindClient = await person("Clara Client", tag, { role: "client" });
    const blind = await contest(blindDesigner, { blind: true, title: "Blind cafe" });
    await makeReadyEntry(blind.contestId, blindClient);
    // A client-role person with an entry in a public completed contest is on record: listed.
    const publicClient = await person("Paul Public", tag, { role: "client" });
    await contest(publicClient, { completed: true });
    await refresh(hidden, blindDesigner, blindClient, publicClient);
    const before = await db()
      .selectFrom("designer_records")
      .select(["last_active_at"])
      .where("designer_id", "=", blindDesigner)
      .where("category", "=", "all")
      .executeTakeFirstOrThrow();
    const created = await db()
      .selectFrom("users")
      .select("created_at")
      .where("id", "=", blindDesigner)
      .executeTakeFirstOrThrow();
    expect(Number(before.last_active_at)).toBe(Number(created.created_at)); // the blind entry is no activity

    const viewers = [
      ["stranger", server.client()],
      ["the private contests' client", await loginAs(server, await theClient())],
      ["the private winner", await loginAs(server, hidden)],
      ["a blind entrant", await loginAs(server, blindDesigner)],
    ] as const;
    const seenBy: string[] = [];
    for (const [who, client] of viewers) {
      for (const sort of DIRECTORY_SORTS) {
        const { html, cards } = await page(`/designers?q=${tag}&sort=${sort}`, client);
        const text = decode(html);
        for (const hiddenThing of [
          secret1.contestId,
          secret2.contestId,
          blind.contestId,
          secret1.entry,
          blind.entry,
        ])
          expect(text, who).not.toContain(hiddenThing);
        for (const title of ["Secret launch", "Blind cafe"]) expect(text, who).not.toContain(title);
        const byHandle = new Map(cards.map((c) => [c.handle, c]));
        expect(byHandle.get(await handleOf(hidden))).toMatchObject({ wins: 0, level: "mid" });
        expect(byHandle.get(await handleOf(blindDesigner))).toMatchObject({ wins: 0, level: "entry" });
        expect(byHandle.has(await handleOf(blindClient)), who).toBe(false);
        expect(byHandle.has(await handleOf(publicClient)), who).toBe(true);
        if (sort === "wins") seenBy.push(JSON.stringify(cards.map((c) => [c.handle, c.wins, c.level])));
      }
      // The level filter finds the private winner by the level their wins earned, not by a count.
      const mid = await page(`/designers?q=${tag}&level=mid`, client);
      expect(mid.cards.map((c) => c.handle)).toEqual([await handleOf(hidden)]);
    }
    expect(new Set(seenBy).size).toBe(1); // the same page for every viewer
  });

  it("follows the real flows: sign-up, a saved profile, a contest completed and a review, in their transactions", async () => {
    const tag = tagOf();
    // Signed up over HTTP as a designer: in the directory at once.
    const browser = server.client();
    const signed = await signUpAs(browser, "Zoé Nouvelle", "designer");
    const handle = await handleOf(signed.id);
    expect((await page(`/designers?q=zoe+nouvelle`)).cards.map((c) => c.handle)).toContain(handle);
    // The profile form saved: its words are searchable, its categories have rows.
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: "profile",
      handle,
      bio: `Affiches ${tag}`,
      location: "Sherbrooke",
    }))
      form.set(k, v);
    form.append("languages", "fr");
    form.append("categories", "packaging");
    expect((await browser.post("/account", form)).status).toBe(200);
    const found = await page(
      `/designers?q=affiches+${tag}&category=packaging&location=sherbrooke&language=fr`,
    );
    expect(found.cards.map((c) => c.handle)).toEqual([handle]);

    // A contest completed through the machine (handover approved) and a review, over HTTP.
    const s = await handoverSetup();
    await refresh(s.winner, s.other); // written by the fixtures, as sign-up would have
    const winner = await handleOf(s.winner);
    const asWinner = await loginAs(server, s.winner);
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    const asClient = await loginAs(server, s.client);
    expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
    const cardOf = async () =>
      (await page(`/designers?q=${encodeURIComponent(winner)}`)).cards.find((c) => c.handle === winner)!;
    expect((await cardOf()).wins).toBe(0); // in handover: not yet on record
    expect((await asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" })).status).toBe(
      302,
    );
    expect((await cardOf()).wins).toBe(1);
    expect((await cardOf()).html).toContain("No client review yet");
    const reviewed = await asClient.post(`/contests/${s.contestId}/handover`, {
      intent: "review",
      stars: "4",
      body: "Clear and quick.",
    });
    expect(reviewed.status).toBe(302);
    const card = await cardOf();
    expect(card.html).toContain("4.0");
    expect(card.html).toContain("from 1 review");
    // The other entrant's public activity moved too (the contest's end), not their wins.
    const other = await db()
      .selectFrom("designer_records")
      .select(["public_wins", "last_active_at"])
      .where("designer_id", "=", s.other)
      .where("category", "=", "all")
      .executeTakeFirstOrThrow();
    const ended = await db()
      .selectFrom("contests")
      .select("ended_at")
      .where("id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    expect([Number(other.public_wins), Number(other.last_active_at)]).toEqual([0, Number(ended.ended_at)]);
  });

  it("keeps both of two changes to one designer made at the same moment (no lost update)", async () => {
    const tag = tagOf();
    const x = await person("Xavier Twice", tag);
    const a = await contest(x);
    const b = await contest(x);
    await refresh(x);
    // Two contests completed at once, each in its own transaction with its refresh: the first
    // holds its transaction open while the second starts (on PostgreSQL they truly overlap).
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const complete = (c: { contestId: string; entry: string }, startAfter: number, holdFor: number) =>
      sleep(startAfter).then(() =>
        transaction(async (trx) => {
          await trx
            .updateTable("contests")
            .set({ status: "completed", winner_id: x, winning_entry_id: c.entry, ended_at: now() })
            .where("id", "=", c.contestId)
            .execute();
          await refreshDesignerRecords(trx, [x]);
          await sleep(holdFor);
        }),
      );
    await Promise.all([complete(a, 0, 300), complete(b, 100, 0)]);
    const rows = await db()
      .selectFrom("designer_records")
      .select(["category", "public_wins", "level"])
      .where("designer_id", "=", x)
      .orderBy("category")
      .execute();
    expect(rows).toEqual([
      { category: "all", public_wins: 2, level: "mid" },
      { category: "logo", public_wins: 2, level: "mid" },
    ]);
  });
});
