import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { indexAndFlagSimilar } from "~/modules/entries/similarity.server";
import { describeQuery } from "~/modules/similarity/features";
import { advanceClock, now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { makeJudge } from "../helpers/judging";
import { loginAs, startTestServer } from "../helpers/server";
import {
  copyImage,
  flagSimilar as runDetection,
  giveImage,
  imageOf,
  lookAlikes,
  readyPieceWithImage,
  sameImage,
} from "../helpers/similarity";
import { makeCopy, random } from "../../scripts/similarity-corpus";

// "Similar, please review" notes as an attacker would probe them: the blind and private rules of
// access.server.ts still hold through the note, and only the contest's client may dismiss it.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function blindWorld() {
  const client = await makeUser("Camille Client", "client");
  const contest = await makeLaunchedContest(client);
  await db().updateTable("contests").set({ blind: 1 }).where("id", "=", contest.id).execute();
  const ana = await makeUser("Ana Earlier");
  const ben = await makeUser("Ben Later");
  const earlier = await makeReadyEntry(contest.id, ana);
  const later = await makeReadyEntry(contest.id, ben);
  await sameImage(earlier, later);
  const flag = await flagSimilar(later);
  const thumb = await db()
    .selectFrom("entries")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select("entry_revisions.thumbnail_key")
    .where("entries.id", "=", later)
    .executeTakeFirstOrThrow();
  return { client, contest, ana, ben, earlier, later, flag, laterThumb: thumb.thumbnail_key! };
}

async function flagSimilar(entryId: string) {
  await runDetection(entryId);
  return db()
    .selectFrom("similarity_flags")
    .select("id")
    .where("entry_id", "=", entryId)
    .executeTakeFirstOrThrow();
}

describe("similar entries in a blind contest", () => {
  it("the earlier designer is told on their entry, without learning anything of the other designer's entry", async () => {
    const w = await blindWorld();
    const ana = await loginAs(server, w.ana);
    const res = await ana.get(`/contests/${w.contest.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("A later entry is similar to this one, the client will review it");
    // Nothing of Ben's entry: not its id, its number, its thumbnail nor its designer.
    expect(html).not.toContain(w.later);
    expect(html).not.toContain(w.laterThumb);
    expect(html).not.toContain("Ben Later");
    expect(html).not.toMatch(/later entry \(#2\)/);
    // The entry's own page says the same, and no more.
    const entryPage = await (await ana.get(`/entries/${w.earlier}`)).text();
    expect(entryPage).toContain("A later entry is similar to this one, the client will review it");
    expect(entryPage).not.toContain(w.later);
    expect(entryPage).not.toContain("Ben Later");
    // …and the later designer sees no note at all (nothing was flagged against their work).
    const ben = await loginAs(server, w.ben);
    const benHtml = await (await ben.get(`/contests/${w.contest.id}`)).text();
    expect(benHtml).not.toMatch(/similar to|later entry|please review/i);
    expect(benHtml).not.toContain(w.earlier);
  });

  it("the client sees the note with the pair; only the client can dismiss it (404 for everyone else)", async () => {
    const w = await blindWorld();
    const client = await loginAs(server, w.client);
    const page = await (await client.get(`/contests/${w.contest.id}`)).text();
    expect(page).toContain("Similar to #1, please review");

    const judge = await makeJudge(w.contest.id, "Jules Judge");
    const stranger = await makeUser("Stranger", "client");
    const form = { intent: "dismiss-similar", flagId: w.flag.id, entryId: w.later };
    for (const who of [w.ana, w.ben, judge, stranger]) {
      const res = await (await loginAs(server, who)).post(`/contests/${w.contest.id}/judge`, form);
      expect(res.status, who).toBe(404);
    }
    // A flag of another contest cannot be dismissed through this one.
    const other = await makeLaunchedContest(w.client);
    expect((await client.post(`/contests/${other.id}/judge`, form)).status).toBe(404);
    const still = await db()
      .selectFrom("similarity_flags")
      .select("dismissed_at")
      .where("id", "=", w.flag.id)
      .executeTakeFirstOrThrow();
    expect(still.dismissed_at).toBeNull();

    // Without JavaScript: a POST, then back to the same entry.
    const res = await client.post(`/contests/${w.contest.id}/judge`, form);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${w.contest.id}/judge?entry=${w.later}`);
    const after = await db()
      .selectFrom("similarity_flags")
      .select(["dismissed_at", "dismissed_by"])
      .where("id", "=", w.flag.id)
      .executeTakeFirstOrThrow();
    expect(after.dismissed_by).toBe(w.client);
    expect(after.dismissed_at).not.toBeNull();
    expect(await (await client.get(`/contests/${w.contest.id}`)).text()).not.toContain("please review");
    // The earlier designer now reads that the client looked at it.
    const ana = await loginAs(server, w.ana);
    expect(await (await ana.get(`/contests/${w.contest.id}`)).text()).toContain(
      "The client reviewed a similar later entry and kept it in the contest",
    );
  });

  it("a flag against an entry of a private contest names nothing of it to the later contest's client", async () => {
    const privateClient = await makeUser("Private Client", "client");
    const hidden = await makeLaunchedContest(privateClient);
    await db().updateTable("contests").set({ is_private: 1 }).where("id", "=", hidden.id).execute();
    const ana = await makeUser("Ana Private");
    const hiddenEntry = await makeReadyEntry(hidden.id, ana);
    const client = await makeUser("Camille Client", "client");
    const contest = await makeLaunchedContest(client);
    const ben = await makeUser("Ben Public");
    const later = await makeReadyEntry(contest.id, ben);
    await sameImage(hiddenEntry, later);
    await flagSimilar(later);
    const html = await (await (await loginAs(server, client)).get(`/contests/${contest.id}`)).text();
    expect(html).toContain("Similar to an entry in another contest, please review");
    expect(html).not.toContain(hiddenEntry);
    expect(html).not.toContain(hidden.id);
  });
});

describe("who copied whom", () => {
  it("does not flag a designer's new version against a later copy of her own earlier version", async () => {
    const client = await makeUser("Camille Client", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Original");
    const ben = await makeUser("Ben Copier");
    const original = await makeReadyEntry(contest.id, ana);
    advanceClock(60_000);
    const copy = await makeReadyEntry(contest.id, ben);
    await sameImage(original, copy);
    await flagSimilar(copy); // Ben's copy of Ana's first version is flagged.

    // Ana sends version 2, a small change of her own design: it resembles Ben's copy, which came later
    // than her version 1, so it is not a copy of Ben's.
    advanceClock(60_000);
    const v1 = await db()
      .selectFrom("entry_revisions")
      .selectAll()
      .where("entry_id", "=", original)
      .executeTakeFirstOrThrow();
    const v2 = { ...v1, id: newId(), version: 2, created_at: now() };
    await db().insertInto("entry_revisions").values(v2).execute();
    const features = await describeQuery(imageOf(original));
    const flagged = await transaction((trx) =>
      indexAndFlagSimilar(trx, {
        id: v2.id,
        entryId: original,
        contestId: contest.id,
        designerId: ana,
        features,
      }),
    );
    expect(flagged).toBe(0);
    const flags = await db()
      .selectFrom("similarity_flags")
      .select("entry_id")
      .where("contest_id", "=", contest.id)
      .execute();
    expect(flags.map((f) => f.entry_id)).toEqual([copy]);

    // A designer who copies a design that was there before her own first version is still flagged.
    const chloe = await makeUser("Chloé Later");
    advanceClock(60_000);
    const third = await makeReadyEntry(contest.id, chloe);
    copyImage(third, original);
    expect((await flagSimilar(third)).id).toBeTruthy();
  });
});

describe("what is compared", () => {
  it("an entry that copies another designer's portfolio piece (mirrored, cropped) is flagged for the client", async () => {
    const client = await makeUser("Camille Client", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Portfolio");
    const ben = await makeUser("Ben Copier");
    const piece = await readyPieceWithImage(ana);
    const entry = await makeReadyEntry(contest.id, ben);
    giveImage(entry, await makeCopy(piece.image, ["mirror", "crop"], random(1)));
    expect(await runDetection(entry)).toBe(1);
    const flag = await db()
      .selectFrom("similarity_flags")
      .select(["earlier_piece_id", "earlier_contest_id"])
      .where("entry_id", "=", entry)
      .executeTakeFirstOrThrow();
    expect(flag).toEqual({ earlier_piece_id: piece.id, earlier_contest_id: "" });
    const page = await (await (await loginAs(server, client)).get(`/contests/${contest.id}`)).text();
    expect(page).toContain("Similar to a portfolio piece by another designer, please review");
    expect(page).not.toContain(piece.id);
    // Ben's own piece is his: an entry of his showing it is not a copy.
    const own = await readyPieceWithImage(ben);
    const second = await makeReadyEntry(contest.id, ben);
    giveImage(second, own.image);
    expect(await runDetection(second)).toBe(0);
  });

  it("a look-alike on the same template (other initials) is not flagged; a recoloured copy of it is", async () => {
    const client = await makeUser("Camille Client", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Emblem");
    const ben = await makeUser("Ben Emblem");
    const [first, second] = lookAlikes();
    const earlier = await makeReadyEntry(contest.id, ana);
    giveImage(earlier, first!);
    expect(await runDetection(earlier)).toBe(0);
    const lookAlike = await makeReadyEntry(contest.id, ben);
    giveImage(lookAlike, second!);
    expect(await runDetection(lookAlike)).toBe(0);
    const chloe = await makeUser("Chloé Copier");
    const copy = await makeReadyEntry(contest.id, chloe);
    giveImage(copy, await makeCopy(first!, ["recolour"], random(2)));
    expect(await runDetection(copy)).toBe(1);
    const page = await (await (await loginAs(server, client)).get(`/contests/${contest.id}`)).text();
    expect(page).toContain("Similar to #1, please review");
    expect(page).not.toContain("Similar to #2");
  });
});
