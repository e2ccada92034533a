import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { claimDueJobs, runJob } from "~/modules/jobs/queue.server";
import { sweepOrphanBlobs } from "~/modules/entries/processing.server";
import { blobStore, readAll } from "~storage/index";
import { advanceClock } from "~/utils/clock.server";
import { DAY, MINUTE } from "~/utils/durations";
import { makeLaunchedContest, makeUser } from "../helpers/fixtures";
import { makePng, entryForm } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import type { TestClient } from "../helpers/http-client";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const as = (userId: string) => loginAs(server, userId);

async function upload(client: TestClient, contestId: string, bytes: Buffer, title = "Sunrise mark") {
  return client.post(
    `/contests/${contestId}/entries/new`,
    entryForm({ title, note: "Warm, round, friendly." }, { name: "logo.png", type: "image/png", bytes }),
  );
}

function entryIdFrom(res: Response) {
  const m = /^\/entries\/([a-z0-9]+)/.exec(res.headers.get("location") ?? "");
  expect(m).not.toBeNull();
  return m![1]!;
}

describe("submitting a design", () => {
  it("stores the original privately, then a job makes the thumbnail and watermarked preview", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const res = await upload(await as(ana), contest.id, await makePng(1));
    expect(res.status).toBe(302);
    const entryId = entryIdFrom(res);
    let entry = await db()
      .selectFrom("entries")
      .selectAll()
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe("processing");
    expect(entry.title).toBe("Sunrise mark");
    // Not ready, so not in the client's view of the entry yet.
    expect((await (await as(client)).get(`/entries/${entryId}`)).status).toBe(404);

    await drainJobs();
    entry = await db().selectFrom("entries").selectAll().where("id", "=", entryId).executeTakeFirstOrThrow();
    expect(entry.status).toBe("ready");
    const revision = await db()
      .selectFrom("entry_revisions")
      .selectAll()
      .where("id", "=", entry.current_revision_id!)
      .executeTakeFirstOrThrow();
    expect(revision.original_key.startsWith("private/originals/")).toBe(true);
    expect(revision.phash).toMatch(/^[0-9a-f]{16}$/);
    for (const [key, longSide] of [
      [revision.preview_key!, 640],
      [revision.thumbnail_key!, 400],
    ] as const) {
      const blob = await blobStore().get(key);
      const meta = await sharp(await readAll(blob!.body)).metadata();
      expect(meta.format).toBe("webp");
      expect(Math.max(meta.width!, meta.height!)).toBe(longSide);
      expect(meta.exif).toBeUndefined();
    }
    // The client sees it now, through the access-checked media route.
    const asClient = await as(client);
    expect((await asClient.get(`/entries/${entryId}`)).status).toBe(200);
    const preview = await asClient.get(`/media/${revision.preview_key}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/webp");
    const notes = await db()
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("entry_id", "=", entryId)
      .execute();
    expect(notes).toContainEqual({ user_id: client, kind: "entry.new" });
  });

  it("refuses a file that is not an image we accept, with words, leaving nothing behind", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const tiff = await sharp(await makePng(2))
      .tiff()
      .toBuffer();
    const res = await (
      await as(ana)
    ).post(
      `/contests/${contest.id}/entries/new`,
      entryForm({}, { name: "logo.png", type: "image/png", bytes: tiff }),
    );
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("TIFF");
    expect(
      await db().selectFrom("entries").selectAll().where("contest_id", "=", contest.id).execute(),
    ).toEqual([]);
    const left: string[] = [];
    for await (const b of blobStore().list(`private/originals/${contest.id}/`)) left.push(b.key);
    expect(left).toEqual([]);
  });

  it("answers the JavaScript path with JSON", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const res = await (
      await as(ana)
    ).post(
      `/api/contests/${contest.id}/entries`,
      entryForm({}, { name: "a.png", type: "image/png", bytes: await makePng(3) }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true, location: expect.stringMatching(/^\/entries\//) });
    const bad = await (
      await as(ana)
    ).post(
      `/api/contests/${contest.id}/entries`,
      entryForm({}, { name: "a.png", type: "image/png", bytes: Buffer.alloc(0) }),
    );
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect((await bad.json()).message).toMatch(/empty/i);
  });

  it("accepts no entry outside an open round, nor from the contest's client", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const fromClient = await upload(await as(client), contest.id, await makePng(4));
    expect(fromClient.status).toBe(403);
    advanceClock(4 * DAY + MINUTE);
    await drainJobs();
    const late = await upload(await as(ana), contest.id, await makePng(5));
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("not taking new designs");
  });

  it("limits a designer's active entries per contest", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const asAna = await as(ana);
    for (let i = 0; i < 10; i++)
      expect((await upload(asAna, contest.id, await makePng(10 + i, 64))).status).toBe(302);
    const eleventh = await upload(asAna, contest.id, await makePng(30, 64));
    expect(eleventh.status).toBe(409);
    expect(await eleventh.text()).toContain("10 active entries");
  });

  it("keeps every version; the entry shows the newest once it is ready", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const asAna = await as(ana);
    const entryId = entryIdFrom(await upload(asAna, contest.id, await makePng(40)));
    await drainJobs();
    const v2 = await asAna.post(
      `/entries/${entryId}/revise`,
      entryForm({}, { name: "v2.png", type: "image/png", bytes: await makePng(41) }),
    );
    expect(v2.status).toBe(302);
    let entry = await db()
      .selectFrom("entries")
      .selectAll()
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    const first = entry.current_revision_id;
    expect(entry.status).toBe("ready"); // still showing version 1 while version 2 processes
    await drainJobs();
    entry = await db().selectFrom("entries").selectAll().where("id", "=", entryId).executeTakeFirstOrThrow();
    expect(entry.current_revision_id).not.toBe(first);
    const versions = await db()
      .selectFrom("entry_revisions")
      .select("version")
      .where("entry_id", "=", entryId)
      .orderBy("version")
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const page = await (await as(client)).get(`/entries/${entryId}`);
    expect(await page.text()).toContain("Version 2");
  });
});

describe("copied work", () => {
  it("flags a near-identical image by another designer to the client and the earlier designer", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const ben = await makeUser("Ben");
    const contest = await makeLaunchedContest(client);
    const original = await makePng(50);
    const anaEntry = entryIdFrom(await upload(await as(ana), contest.id, original));
    await drainJobs();
    // Ben re-encodes Ana's image as a JPEG and sends it.
    const copy = await sharp(original).jpeg({ quality: 80 }).toBuffer();
    const benEntry = entryIdFrom(await upload(await as(ben), contest.id, copy));
    // And an honest, different design from Ben.
    await upload(await as(ben), contest.id, await makePng(77));
    await drainJobs();
    // Earlier tests of this file had two designers send one picture elsewhere: flagged there too.
    const flags = await db()
      .selectFrom("similarity_flags")
      .selectAll()
      .where("earlier_contest_id", "=", contest.id)
      .execute();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ entry_id: benEntry, earlier_entry_id: anaEntry });
    const notes = await db().selectFrom("notifications").select(["user_id", "kind"]).execute();
    expect(notes).toContainEqual({ user_id: client, kind: "entry.similar_flagged" });
    expect(notes).toContainEqual({ user_id: ana, kind: "entry.similar_to_yours" });
  });
});

describe("crash safety", () => {
  it("runs the job again after the worker died mid-job; the entry is ready once, with its previews", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const entryId = entryIdFrom(await upload(await as(ana), contest.id, await makePng(60)));
    const claimed = await claimDueJobs("worker-that-dies", 10);
    expect(claimed.map((j) => j.kind)).toContain("entries.process");
    // ...the worker dies here. After the lease, another worker picks the job up.
    advanceClock(6 * MINUTE);
    await drainJobs();
    const entry = await db()
      .selectFrom("entries")
      .selectAll()
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe("ready");
    const rev = await db()
      .selectFrom("entry_revisions")
      .selectAll()
      .where("id", "=", entry.current_revision_id!)
      .executeTakeFirstOrThrow();
    expect(await blobStore().head(rev.preview_key!)).not.toBeNull();
    expect(await blobStore().head(rev.thumbnail_key!)).not.toBeNull();
    // The dead worker's late finish changes nothing.
    for (const job of claimed) await runJob(job, "worker-that-dies");
    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", entryId).executeTakeFirstOrThrow())
        .status,
    ).toBe("ready");
  });

  it("sweeps blobs that no committed row references, after a grace period", async () => {
    await blobStore().put("private/originals/c0/e0/r0", Buffer.from("orphan"), { contentType: "image/png" });
    expect(await sweepOrphanBlobs(Date.now() - 60_000)).toBe(0); // too young
    expect(await sweepOrphanBlobs(Date.now() + 60_000)).toBe(1);
    expect(await blobStore().head("private/originals/c0/e0/r0")).toBeNull();
  });

  it("keeps an entry processing (never ready) while its preview cannot be stored, and finishes later", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    const entryId = entryIdFrom(await upload(await as(ana), contest.id, await makePng(61)));
    const store = blobStore();
    const put = store.put.bind(store);
    store.put = async (key, body, options) => {
      if (key.startsWith("public/previews/")) throw new Error("disk full");
      return put(key, body, options);
    };
    try {
      await drainJobs();
    } finally {
      store.put = put;
    }
    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", entryId).executeTakeFirstOrThrow())
        .status,
    ).toBe("processing");
    advanceClock(10 * MINUTE);
    await drainJobs();
    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", entryId).executeTakeFirstOrThrow())
        .status,
    ).toBe("ready");
  });
});

describe("elimination and closed contests", () => {
  it("refuses an eliminated designer", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const contest = await makeLaunchedContest(client);
    await db()
      .insertInto("contest_members")
      .values({
        contest_id: contest.id,
        user_id: ana,
        role: "designer",
        eliminated_at: Date.now(),
        created_at: Date.now(),
      })
      .execute();
    const res = await upload(await as(ana), contest.id, await makePng(70));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("closed this contest to your entries");
  });

  it("lets only finalists send designs in the final round", async () => {
    const client = await makeUser("Client", "client");
    const ana = await makeUser("Ana");
    const ben = await makeUser("Ben");
    const contest = await makeLaunchedContest(client);
    entryIdFrom(await upload(await as(ana), contest.id, await makePng(80)));
    entryIdFrom(await upload(await as(ben), contest.id, await makePng(81)));
    await drainJobs();
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: {
        type: "select_finalists",
        designerIds: [ana],
        verdict: { ranking: [], designersWithEntries: [ana, ben] },
      },
    });
    expect((await upload(await as(ben), contest.id, await makePng(82))).status).toBe(409);
    expect((await upload(await as(ana), contest.id, await makePng(83))).status).toBe(302);
  });
});
