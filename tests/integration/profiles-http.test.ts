import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { publicMediaKey } from "~/modules/entries/entries.server";
import { now } from "~/utils/clock.server";
import { decode, fieldError, signUpAs } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const handleOf = async (userId: string) =>
  (await db().selectFrom("users").select("handle").where("id", "=", userId).executeTakeFirstOrThrow())
    .handle!;

async function thumbnailOf(entryId: string) {
  const r = await db()
    .selectFrom("entries")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select("entry_revisions.thumbnail_key")
    .where("entries.id", "=", entryId)
    .executeTakeFirstOrThrow();
  return r.thumbnail_key!;
}

/** A contest the designer entered; `won` makes them its winner (and a finalist) and ends it. */
async function contestEntered(
  client: string,
  designer: string,
  rival: string,
  kind: { title: string; won?: boolean; isPrivate?: boolean; blind?: boolean },
) {
  const contest = await makeLaunchedContest(client);
  const entry = await makeReadyEntry(contest.id, designer);
  const rivalEntry = await makeReadyEntry(contest.id, rival);
  await db()
    .updateTable("entries")
    .set({ title: `${kind.title} entry` })
    .where("id", "=", entry)
    .execute();
  await db()
    .updateTable("contests")
    .set({
      title: kind.title,
      is_private: kind.isPrivate ? 1 : 0,
      blind: kind.blind ? 1 : 0,
      ...(kind.won
        ? { status: "completed", winner_id: designer, winning_entry_id: entry, ended_at: now() }
        : {}),
    })
    .where("id", "=", contest.id)
    .execute();
  if (kind.won) {
    await db()
      .insertInto("contest_finalists")
      .values([designer, rival].map((d) => ({ contest_id: contest.id, designer_id: d, created_at: now() })))
      .execute();
  }
  return { contestId: contest.id, entry, rivalEntry };
}

/**
 * Ana's record: a public contest she won (completed), a private contest she won (completed), and a
 * blind contest still running with her entry in it. Only the first is public and completed.
 */
async function designerWithRecord() {
  const client = await makeUser("Camille Tremblay", "client");
  const ana = await makeUser("Ana Souza");
  const ben = await makeUser("Ben Okafor");
  await db()
    .updateTable("users")
    .set({
      bio: "Logos for bakeries & cafés.",
      location: "Montréal, Québec",
      languages: JSON.stringify(["fr", "en"]),
      categories: JSON.stringify(["logo", "brand_identity"]),
    })
    .where("id", "=", ana)
    .execute();
  const open = await contestEntered(client, ana, ben, { title: "Bakery crest", won: true });
  const hidden = await contestEntered(client, ana, ben, {
    title: "Secret launch",
    won: true,
    isPrivate: true,
  });
  const blind = await contestEntered(client, ana, ben, { title: "Blind cafe", blind: true });
  return { client, ana, ben, handle: await handleOf(ana), open, hidden, blind };
}

describe("a designer's public profile", () => {
  it("shows the 12 latest winning designs while the record counts every win", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const ben = await makeUser("Ben Okafor");
    for (let i = 1; i <= 13; i++) {
      const { contestId } = await contestEntered(client, ana, ben, { title: `Crest ${i}`, won: true });
      await db()
        .updateTable("contests")
        .set({ ended_at: now() + i })
        .where("id", "=", contestId)
        .execute();
    }
    const html = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(ana)}`)
        .then((r) => r.text()),
    );
    expect(html.match(/data-testid="portfolio-piece"/g)).toHaveLength(12);
    expect(html).toContain("“Crest 13”");
    expect(html).not.toContain("“Crest 1”");
    expect(html).toMatch(/data-testid="stat-won"><span class="profile__stat-n num">13</);
  });

  it("shows a stranger the bio, facts, stats and the winning entry of a completed public contest", async () => {
    const r = await designerWithRecord();
    const res = await server.client().get(`/designers/${r.handle}`);
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("<title>Ana Souza, designer profile · Concours</title>");
    expect(html).toMatch(/<h1[^>]*>Ana Souza<\/h1>/);
    expect(html).toContain(">AS<"); // the initials stand in for an avatar
    expect(html).toContain("Logos for bakeries & cafés.");
    expect(html).toContain("Montréal, Québec");
    expect(html).toMatch(/data-testid="profile-languages">French and English</);
    expect(html).toContain(">Logo<");
    expect(html).toContain(">Brand identity<");
    expect(html).toMatch(/Member since \w+ \d+, \d{4}/);
    const stat = (key: string) =>
      new RegExp(`data-testid="stat-${key}"><span class="profile__stat-n num">(\\d+)</span>`).exec(html)?.[1];
    expect([stat("entered"), stat("finalist"), stat("won")]).toEqual(["1", "1", "1"]);
    expect(html).toContain("contest won");

    const thumb = await thumbnailOf(r.open.entry);
    expect(html).toContain(`/entries/${r.open.entry}`);
    expect(html).toContain(thumb);
    expect(html).toContain("Won the contest “Bakery crest”");
    // The image it shows is one the media route serves to this stranger (no sign-in).
    expect(await publicMediaKey({ key: thumb, viewerId: null })).toBe(thumb);
  });

  it("never shows a private contest's entry nor a running blind contest's, not even as a count", async () => {
    const r = await designerWithRecord();
    for (const viewer of [server.client(), await loginAs(server, r.ben), await loginAs(server, r.client)]) {
      const html = decode(await (await viewer.get(`/designers/${r.handle}`)).text());
      for (const hidden of [r.hidden, r.blind]) {
        expect(html).not.toContain(hidden.entry);
        expect(html).not.toContain(hidden.contestId);
        expect(html).not.toContain(await thumbnailOf(hidden.entry));
      }
      expect(html).not.toContain("Secret launch");
      expect(html).not.toContain("Blind cafe");
      expect(html.match(/data-testid="portfolio-piece"/g)).toHaveLength(1);
      // Three contests entered, two won: the profile counts only the public, completed one.
      expect(html).toMatch(/data-testid="stat-entered"><span class="profile__stat-n num">1</);
      expect(html).toMatch(/data-testid="stat-won"><span class="profile__stat-n num">1</);
    }
  });

  it("speaks French to a French reader", async () => {
    const r = await designerWithRecord();
    const client = server.client();
    client.language = "fr-CA";
    const html = decode(await (await client.get(`/designers/${r.handle}`)).text());
    expect(html).toContain("<title>Profil de Ana Souza, designer · Concours</title>");
    expect(html).toMatch(/data-testid="profile-languages">français et anglais</);
    expect(html).toMatch(/Membre depuis le \d+ \S+ \d{4}/);
    expect(html).toContain("Réalisations");
  });

  it("answers 404 with the not-found page for a handle nobody has", async () => {
    const res = await server.client().get("/designers/nobody-has-this-handle");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("is empty but welcoming for a designer with no record yet", async () => {
    const newcomer = await makeUser("Zoé Nouvelle");
    const html = decode(await (await server.client().get(`/designers/${await handleOf(newcomer)}`)).text());
    expect(html).toContain("No work to show yet.");
    expect(html).not.toContain('data-testid="portfolio"');
  });
});

describe("designer names link to their profile", () => {
  it("in the gallery of a completed contest, and on the entry's page", async () => {
    const r = await designerWithRecord();
    const stranger = server.client();
    const gallery = decode(await (await stranger.get(`/contests/${r.open.contestId}`)).text());
    expect(gallery).toContain(`href="/designers/${r.handle}"`);
    const entry = decode(await (await stranger.get(`/entries/${r.open.entry}`)).text());
    expect(entry).toContain(`href="/designers/${r.handle}"`);
  });

  it("never where the page hides names: a rival in a running blind contest, a judge judging", async () => {
    const r = await designerWithRecord();
    const rival = await loginAs(server, r.ben);
    const blind = decode(await (await rival.get(`/contests/${r.blind.contestId}`)).text());
    expect(blind).not.toContain(`/designers/${r.handle}`);
    expect(blind).not.toContain("Ana Souza");

    const judge = await makeUser("Jules Judge", "client");
    const running = await makeLaunchedContest(r.client);
    const entry = await makeReadyEntry(running.id, r.ana);
    await db()
      .insertInto("contest_members")
      .values({ contest_id: running.id, user_id: judge, role: "judge", created_at: now() })
      .execute();
    const asJudge = await loginAs(server, judge);
    const page = decode(await (await asJudge.get(`/contests/${running.id}`)).text());
    expect(page).toContain(entry);
    expect(page).not.toContain(`/designers/${r.handle}`);
    const entryPage = decode(await (await asJudge.get(`/entries/${entry}`)).text());
    expect(entryPage).not.toContain(`/designers/${r.handle}`);
  });
});

describe("editing your profile on the account page", () => {
  const valid = {
    intent: "profile",
    handle: "ana-logos",
    bio: "Des logos qui tiennent sur une enseigne.",
    location: "Montréal",
  };
  const withChoices = (fields: Record<string, string>, languages: string[], categories: string[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const l of languages) form.append("languages", l);
    for (const c of categories) form.append("categories", c);
    return form;
  };

  it("sign-up gives a handle from the name, unique even for the same name", async () => {
    const first = await signUpAs(server.client(), "Chloé Martin", "designer");
    const second = await signUpAs(server.client(), "Chloé Martin", "designer");
    const [a, b] = [await handleOf(first.id), await handleOf(second.id)];
    expect(a).toMatch(/^chloe-martin(-\d+)?$/);
    expect(b).toMatch(/^chloe-martin/);
    expect(a).not.toBe(b);
  });

  it("saves a valid profile, which the public then sees, with a link to it", async () => {
    const client = server.client();
    const me = await signUpAs(client, "Ana Editor", "designer");
    const handle = `ana-${me.id.slice(0, 6)}`;
    const res = await client.post(
      "/account",
      withChoices({ ...valid, handle: handle.toUpperCase() }, ["fr", "pt"], ["logo", "illustration"]),
    );
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("Your profile is saved.");
    expect(html).toMatch(new RegExp(`href="/designers/${handle}"[^>]*>Preview your public profile<`));
    const page = decode(await (await server.client().get(`/designers/${handle}`)).text());
    expect(page).toContain("Des logos qui tiennent sur une enseigne.");
    expect(page).toMatch(/data-testid="profile-languages">French and Portuguese</);
    expect(page).toContain(">Illustration<");
    const account = decode(await (await client.get("/account")).text());
    const box = (value: string) =>
      new RegExp(`<input type="checkbox" name="languages"[^>]*value="${value}"`).exec(account)?.[0] ?? "";
    expect(box("pt")).toContain("checked");
    expect(box("en")).not.toContain("checked");
  });

  it("refuses a bad handle and a long bio with messages beside the fields, in English and in French", async () => {
    const client = server.client();
    const me = await signUpAs(client, "Ben Editor", "designer");
    const before = await handleOf(me.id);
    const bad = { ...valid, handle: "-No!", bio: "x".repeat(601) };
    const res = await client.post("/account", withChoices(bad, ["fr"], []));
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(fieldError(html, "profile-handle-error")).toMatch(/^Use 3 to 30 lowercase letters/);
    expect(fieldError(html, "profile-bio-error")).toBe("Keep this under 600 characters.");
    client.language = "fr-CA";
    await client.post("/language", { locale: "fr-CA", back: "/account" });
    const fr = decode(await (await client.post("/account", withChoices(bad, ["xx"], []))).text());
    expect(fieldError(fr, "profile-handle-error")).toMatch(/^Utilisez de 3 à 30 lettres minuscules/);
    expect(fieldError(fr, "profile-bio-error")).toBe("Ne dépassez pas 600 caractères.");
    expect(fieldError(fr, "profile-languages-error")).toBe("Veuillez choisir dans la liste.");
    expect(await handleOf(me.id)).toBe(before);
  });

  it("refuses a handle someone else has, and says so", async () => {
    const other = await makeUser("Taken Person");
    const taken = await handleOf(other);
    const client = server.client();
    const me = await signUpAs(client, "Chloe Editor", "designer");
    const res = await client.post("/account", withChoices({ ...valid, handle: taken }, [], []));
    expect(res.status).toBe(409);
    expect(fieldError(decode(await res.text()), "profile-handle-error")).toBe(
      "This address is already taken. Please choose another one.",
    );
    expect(await handleOf(me.id)).not.toBe(taken);
    // Keeping your own handle is no conflict.
    const mine = await handleOf(me.id);
    const again = await client.post("/account", withChoices({ ...valid, handle: mine }, [], []));
    expect(again.status).toBe(200);
  });
});
