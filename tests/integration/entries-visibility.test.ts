import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { contestAccess } from "~/modules/contests/access.server";
import { loadContest } from "~/modules/contests/contests.server";
import { listGallery } from "~/modules/entries/entries.server";
import { blobStore } from "~storage/index";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const as = (userId: string) => loginAs(server, userId);

async function previewKeyOf(entryId: string) {
  const r = await db()
    .selectFrom("entries")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select("entry_revisions.preview_key")
    .where("entries.id", "=", entryId)
    .executeTakeFirstOrThrow();
  await blobStore().put(r.preview_key!, Buffer.from("RIFF....WEBPVP8 fake bytes for the route"), {
    contentType: "image/webp",
  });
  return r.preview_key!;
}

async function blindContestWithTwoDesigners() {
  const client = await makeUser("Client", "client");
  const a = await makeUser("Ana");
  const b = await makeUser("Ben");
  const contest = await makeLaunchedContest(client);
  await db().updateTable("contests").set({ blind: 1 }).where("id", "=", contest.id).execute();
  const entryA = await makeReadyEntry(contest.id, a);
  const entryB = await makeReadyEntry(contest.id, b);
  return { client, a, b, contestId: contest.id, entryA, entryB };
}

describe("who sees what in a blind contest", () => {
  it("shows designer B only their own entries and a count of the others, in the gallery data", async () => {
    const { b, contestId, entryB, client } = await blindContestWithTwoDesigners();
    const contest = (await loadContest(db(), contestId))!;
    const forB = await listGallery({ contest, access: await contestAccess(db(), contest, b), viewerId: b });
    expect(forB.entries.map((e) => e.id)).toEqual([entryB]);
    expect(forB.hiddenCount).toBe(1);
    const forClient = await listGallery({
      contest,
      access: await contestAccess(db(), contest, client),
      viewerId: client,
    });
    expect(forClient.entries).toHaveLength(2);
    expect(forClient.hiddenCount).toBe(0);
  });

  it("refuses designer B designer A's entry by URL and by loader data (404, nothing leaked)", async () => {
    const { b, entryA, client } = await blindContestWithTwoDesigners();
    const asB = await as(b);
    const page = await asB.get(`/entries/${entryA}`);
    expect(page.status).toBe(404);
    const loaderData = await asB.get(`/entries/${entryA}.data`);
    const body = await loaderData.text();
    expect(body).not.toContain("Ana");
    expect(body).not.toContain("preview");
    expect((await (await as(client)).get(`/entries/${entryA}`)).status).toBe(200);
  });

  it("refuses designer B designer A's preview by its key, and serves it to the client and to A", async () => {
    const { a, b, client, entryA } = await blindContestWithTwoDesigners();
    const key = await previewKeyOf(entryA);
    expect((await (await as(b)).get(`/media/${key}`)).status).toBe(404);
    expect((await server.client().get(`/media/${key}`)).status).toBe(404);
    for (const viewer of [client, a]) {
      const res = await (await as(viewer)).get(`/media/${key}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toContain("immutable");
    }
  });

  it("shows everything to everyone once the contest has ended", async () => {
    const { b, entryA, contestId } = await blindContestWithTwoDesigners();
    await db().updateTable("contests").set({ status: "completed" }).where("id", "=", contestId).execute();
    expect((await (await as(b)).get(`/entries/${entryA}`)).status).toBe(200);
  });
});

describe("who sees what in a private contest", () => {
  it("hides entries and previews from anyone not invited", async () => {
    const client = await makeUser("Client", "client");
    const invited = await makeUser("Invited designer");
    const stranger = await makeUser("Stranger");
    const contest = await makeLaunchedContest(client);
    await db().updateTable("contests").set({ is_private: 1 }).where("id", "=", contest.id).execute();
    await db()
      .insertInto("contest_members")
      .values({ contest_id: contest.id, user_id: invited, role: "designer", created_at: Date.now() })
      .execute();
    const entry = await makeReadyEntry(contest.id, invited);
    const key = await previewKeyOf(entry);
    const asStranger = await as(stranger);
    expect((await asStranger.get(`/entries/${entry}`)).status).toBe(404);
    expect((await asStranger.get(`/media/${key}`)).status).toBe(404);
    expect((await server.client().get(`/entries/${entry}`)).status).toBe(404);
    expect((await (await as(invited)).get(`/entries/${entry}`)).status).toBe(200);
  });
});

describe("withdrawing", () => {
  it("takes the entry out of the gallery, keeps its history, and only its designer may do it", async () => {
    const client = await makeUser("Client", "client");
    const a = await makeUser("Ana");
    const b = await makeUser("Ben");
    const contest = await makeLaunchedContest(client);
    const entry = await makeReadyEntry(contest.id, a);
    const byB = await (await as(b)).post(`/entries/${entry}`, { intent: "withdraw", confirm: "yes" });
    expect(byB.status).toBe(404);
    const noConfirm = await (await as(a)).post(`/entries/${entry}`, { intent: "withdraw" });
    expect(noConfirm.status).toBe(400);
    const ok = await (await as(a)).post(`/entries/${entry}`, { intent: "withdraw", confirm: "yes" });
    expect(ok.status).toBe(302);
    const c = (await loadContest(db(), contest.id))!;
    const gallery = await listGallery({
      contest: c,
      access: await contestAccess(db(), c, client),
      viewerId: client,
    });
    expect(gallery.entries).toHaveLength(0);
    const row = await db()
      .selectFrom("entries")
      .select(["status", "withdrawn_at"])
      .where("id", "=", entry)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
    expect(row.withdrawn_at).not.toBeNull();
    expect((await (await as(client)).get(`/entries/${entry}`)).status).toBe(404);
  });
});
