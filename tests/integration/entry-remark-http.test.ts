import { Migrator } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { migrationProvider, migrations } from "~db/migrations/index";
import { enqueueJob } from "~/modules/jobs/queue.server";
import { blobStore, readAll } from "~storage/index";
import { makeLaunchedContest, makeUser } from "../helpers/fixtures";
import { logoPng, pixelsOf } from "../helpers/image-fixtures";
import { entryForm } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A transparent logo sent through the real upload and pipeline; its revision once ready. */
async function uploadedLogo() {
  const client = await makeUser("Client", "client");
  const ana = await makeUser("Ana");
  const contest = await makeLaunchedContest(client);
  const original = await logoPng(900);
  const res = await (
    await loginAs(server, ana)
  ).post(
    `/contests/${contest.id}/entries/new`,
    entryForm({ title: "Round mark" }, { name: "logo.png", type: "image/png", bytes: original }),
  );
  expect(res.status).toBe(302);
  await drainJobs();
  const revision = await db()
    .selectFrom("entry_revisions")
    .selectAll()
    .where("contest_id", "=", contest.id)
    .executeTakeFirstOrThrow();
  expect(revision.status).toBe("ready");
  return { client, contest, original, revision };
}

/** What the pipeline made before thumbnails were marked: a clean resize, under the old key. */
async function asMadeBeforeMarking(revision: { id: string; contest_id: string; preview_key: string | null }) {
  const legacy = {
    preview: `public/previews/${revision.contest_id}/${revision.id}.webp`,
    thumbnail: `public/thumbs/${revision.contest_id}/${revision.id}.webp`,
  };
  const original = await readAll(
    (await blobStore().get(
      (
        await db()
          .selectFrom("entry_revisions")
          .select("original_key")
          .where("id", "=", revision.id)
          .executeTakeFirstOrThrow()
      ).original_key,
    ))!.body,
  );
  const clean = await sharp(original).resize(400).webp({ quality: 80 }).toBuffer();
  const preview = await readAll((await blobStore().get(revision.preview_key!))!.body);
  await blobStore().put(legacy.thumbnail, clean, { contentType: "image/webp" });
  await blobStore().put(legacy.preview, preview, { contentType: "image/webp" });
  await db()
    .updateTable("entry_revisions")
    .set({ preview_key: legacy.preview, thumbnail_key: legacy.thumbnail, watermark_version: 1 })
    .where("id", "=", revision.id)
    .execute();
  return { legacy, clean };
}

/** Share of the transparent part of `original` (resized like `marked`) that the mark covers. */
async function markedInTransparentArea(marked: Buffer, original: Buffer) {
  const out = await pixelsOf(marked);
  const plain = await pixelsOf(await sharp(original).resize(out.width).png().toBuffer());
  let clear = 0;
  let inked = 0;
  for (let i = 3; i < plain.data.length; i += 4) {
    if (plain.data[i] !== 0) continue;
    clear++;
    if (out.data[i]! > 24) inked++;
  }
  return inked / clear;
}

describe("images made before thumbnails were watermarked", () => {
  it("are never served clean, and the re-mark job draws them again, marked, under new keys", async () => {
    const { client, contest, original, revision } = await uploadedLogo();
    const { legacy, clean } = await asMadeBeforeMarking(revision);
    const asClient = await loginAs(server, client);

    // Before the job: the old thumbnail's address answers with the watermarked preview, not the
    // clean copy stored there.
    const before = await asClient.get(`/media/${legacy.thumbnail}`);
    expect(before.status).toBe(200);
    const served = Buffer.from(await before.arrayBuffer());
    expect(served.equals(clean)).toBe(false);
    expect((await sharp(served).metadata()).width).toBe(900);
    expect(await markedInTransparentArea(served, original)).toBeGreaterThan(0.02);

    // The periodic job (it runs at start) queues one re-mark per stale revision.
    await enqueueJob(db(), { kind: "entries.remark" });
    await drainJobs();
    const after = await db()
      .selectFrom("entry_revisions")
      .selectAll()
      .where("id", "=", revision.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ watermark_version: 2, status: "ready", phash: revision.phash });
    expect(after.thumbnail_key).toMatch(/-w2\.webp$/);
    expect(after.preview_key).toMatch(/-w2\.webp$/);

    // The clean copy is gone from the store and from the web; the new thumbnail is marked.
    expect(await blobStore().head(legacy.thumbnail)).toBeNull();
    expect(await blobStore().head(legacy.preview)).toBeNull();
    expect((await asClient.get(`/media/${legacy.thumbnail}`)).status).toBe(404);
    const thumb = await asClient.get(`/media/${after.thumbnail_key}`);
    expect(thumb.status).toBe(200);
    const thumbBytes = Buffer.from(await thumb.arrayBuffer());
    expect((await sharp(thumbBytes).metadata()).width).toBe(400);
    expect(await markedInTransparentArea(thumbBytes, original)).toBeGreaterThan(0.02);
    const page = await (await asClient.get(`/contests/${contest.id}`)).text();
    expect(page).toContain(`/media/${after.thumbnail_key}`);
    expect(page).not.toContain(legacy.thumbnail);
  });

  it("the migration counts every revision that existed before it as made with the old watermark", async () => {
    const { revision } = await uploadedLogo();
    expect(revision.watermark_version).toBe(2);
    const names = Object.keys(migrations);
    const mine = names.indexOf("0008_images_watermark_version");
    const migrator = new Migrator({ db: db(), provider: migrationProvider });
    expect((await migrator.migrateTo(names[mine - 1]!)).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const row = await db()
      .selectFrom("entry_revisions")
      .select("watermark_version")
      .where("id", "=", revision.id)
      .executeTakeFirstOrThrow();
    expect(row.watermark_version).toBe(1);
  });
});
