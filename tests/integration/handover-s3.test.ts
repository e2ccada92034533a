import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { signAgreement } from "~/modules/handover/agreement.server";
import { authorizeDownload, downloadLink } from "~/modules/handover/downloads.server";
import { receiveFinalFile } from "~/modules/handover/files.server";
import type { Refusal } from "~/modules/refusal";
import { refusalStatus } from "~/utils/refusals.server";
import { Readable } from "node:stream";
import { BlobTooLargeError, blobStore, readAll, type S3BlobStore } from "~storage/index";
import { advanceClock } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { resetConfig } from "~/utils/env.server";
import { dropSingleton } from "~/utils/singleton.server";
import { FILES, ORIGINAL, finalVersions, handoverSetup } from "../helpers/handover";
import { multipartRequest } from "../helpers/multipart";
import { drainJobs } from "../helpers/jobs";
import { startS3rver } from "../helpers/s3rver";

// The same handover on the S3 driver: final files go to the bucket, downloads are presigned URLs.
let s3: Awaited<ReturnType<typeof startS3rver>>;

beforeAll(async () => {
  s3 = await startS3rver();
  Object.assign(process.env, {
    BLOB_DRIVER: "s3",
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: "concours-handover",
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  });
  resetConfig();
  dropSingleton("blobStore");
  await (blobStore() as S3BlobStore).client.send(new CreateBucketCommand({ Bucket: "concours-handover" }));
});

afterAll(async () => {
  dropSingleton("blobStore");
  await s3.close();
});

describe("streamed puts on S3", () => {
  it("sends a large stream as a multipart upload, one part in memory at a time, and refuses one past the cap with nothing left", async () => {
    const store = blobStore() as S3BlobStore;
    const size = 17 * 1024 * 1024 + 123; // three parts of 8 MiB, the last short
    const pattern = (i: number) => Buffer.alloc(1024 * 1024, i % 251);
    const source = () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < 17; i++) yield pattern(i);
          yield Buffer.alloc(123, 7);
        })(),
      );
    const info = await store.put("private/finals/s3test/big", source(), {
      contentType: "application/zip",
      maxBytes: size,
    });
    expect(info.size).toBe(size);
    const back = await store.get("private/finals/s3test/big");
    expect(back?.info.size).toBe(size);
    const bytes = await readAll(back!.body);
    expect(bytes.subarray(16 * 1024 * 1024, 16 * 1024 * 1024 + 4)).toEqual(Buffer.alloc(4, 16));
    expect(bytes.subarray(-123)).toEqual(Buffer.alloc(123, 7));

    await expect(
      store.put("private/finals/s3test/too-big", source(), {
        contentType: "application/zip",
        maxBytes: size - 1,
      }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.head("private/finals/s3test/too-big")).toBeNull();
  });
});

describe("the handover on S3", () => {
  it("stores the final file in the bucket and hands out presigned attachment links, which expire", async () => {
    expect(blobStore().driver).toBe("s3");
    const s = await handoverSetup();
    const upload = await receiveFinalFile(
      multipartRequest([
        { name: "file", fileName: "Café logo.svg", type: "image/svg+xml", bytes: FILES.svg },
      ]),
      { contestId: s.contestId, userId: s.winner },
    );
    expect(upload).toMatchObject({ ok: true, version: 1 });
    const [version] = await finalVersions(s.contestId);
    expect((await blobStore().head(version!.blob_key))?.size).toBe(FILES.svg.length);

    // A refused file leaves nothing in the bucket either.
    const refused = await receiveFinalFile(
      multipartRequest([{ name: "file", fileName: "logo.png", bytes: FILES.pdf }]),
      { contestId: s.contestId, userId: s.winner },
    );
    expect(refused).toMatchObject({ ok: false, area: "handover" });
    expect(refusalStatus(refused as Refusal<"handover">)).toBe(415);
    const keys: string[] = [];
    for await (const info of blobStore().list(`private/finals/${s.contestId}/`)) keys.push(info.key);
    expect(keys).toEqual([version!.blob_key]);

    // Before completion the client may open the final file (to check it) but not the originals;
    // after it, both, through a presigned URL with the attachment header.
    const target = { kind: "final", versionId: version!.id } as const;
    expect(await authorizeDownload({ contestId: s.contestId, viewerId: s.client, target })).toMatchObject({
      key: version!.blob_key,
    });
    const originalTarget = { kind: "original", revisionId: s.revisions[1]! } as const;
    expect(
      await authorizeDownload({ contestId: s.contestId, viewerId: s.client, target: originalTarget }),
    ).toBeNull();
    // Completed as the automatic approval would (approval itself has its own tests): the winner
    // has signed, the client stays silent.
    const signed = await signAgreement({
      contestId: s.contestId,
      userId: s.winner,
      legalName: "Ana Souza",
      ip: "127.0.0.1",
      userAgent: "test",
      language: "en",
    });
    expect(signed.ok).toBe(true);
    advanceClock(5 * DAY + HOUR);
    await drainJobs();
    advanceClock(-(5 * DAY + HOUR));
    expect((await loadContest(db(), s.contestId))!.status).toBe("completed");
    const grant = await authorizeDownload({ contestId: s.contestId, viewerId: s.client, target });
    expect(grant).not.toBeNull();
    const url = await downloadLink(grant!, s.client);
    expect(url.startsWith(s3.endpoint)).toBe(true);
    expect(url).toContain("X-Amz-Expires=300");
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Caf_ logo.svg"; filename*=UTF-8''Caf%C3%A9%20logo.svg`,
    );
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FILES.svg);

    const original = await authorizeDownload({
      contestId: s.contestId,
      viewerId: s.client,
      target: { kind: "original", revisionId: s.revisions[1]! },
    });
    const originalRes = await fetch(await downloadLink(original!, s.client));
    expect(Buffer.from(await originalRes.arrayBuffer())).toEqual(
      Buffer.concat([ORIGINAL, Buffer.from(" v2")]),
    );

    // Signed two hours ago for five minutes: S3 refuses it.
    advanceClock(-2 * HOUR);
    const old = await downloadLink(grant!, s.client);
    advanceClock(2 * HOUR);
    expect((await fetch(old)).status).toBe(403);
  });
});
