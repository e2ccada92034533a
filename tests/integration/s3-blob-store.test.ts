import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { http, HttpResponse, passthrough } from "msw";
import { setupServer } from "msw/node";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { advanceClock } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { attachmentDisposition, BlobTooLargeError, readAll } from "~storage/blob-store";
import { S3BlobStore, S3RequestError, type S3BlobStoreOptions } from "~storage/s3-store";
import { blobStoreContract } from "../helpers/blob-store-contract";
import { startS3rver } from "../helpers/s3rver";

const BUCKET = "concours-test";
let s3: Awaited<ReturnType<typeof startS3rver>>;
let store: S3BlobStore;

function makeStore(overrides: Partial<S3BlobStoreOptions> = {}) {
  return new S3BlobStore({
    bucket: BUCKET,
    region: "us-east-1",
    endpoint: s3.endpoint,
    credentials: s3.credentials,
    forcePathStyle: true,
    maxAttempts: 4,
    retryBaseDelayMs: 5,
    requestTimeoutMs: 2_000,
    listPageSize: 2, // so that listing always crosses pages
    ...overrides,
  });
}

beforeAll(async () => {
  s3 = await startS3rver();
  store = makeStore();
  await store.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  store?.client.destroy();
  await s3?.close();
});

blobStoreContract("S3 (s3rver)", () => store);

describe("S3 blob store specifics", () => {
  it("pages through ListObjectsV2 with continuation tokens", async () => {
    for (let i = 0; i < 5; i++)
      await store.put(`paged/k${i}`, Buffer.from(`v${i}`), { contentType: "text/plain" });
    const send = vi.spyOn(store.client, "send");
    const keys: string[] = [];
    for await (const info of store.list("paged/")) keys.push(info.key);
    const listCalls = send.mock.calls.filter(([command]) => command instanceof ListObjectsV2Command);
    send.mockRestore();
    expect(keys.sort()).toEqual(["paged/k0", "paged/k1", "paged/k2", "paged/k3", "paged/k4"]);
    expect(listCalls).toHaveLength(3); // 2 + 2 + 1
  });

  it("stores a streamed body byte for byte (no aws-chunked framing)", async () => {
    const parts = [Buffer.from("first part, "), Buffer.from("second part")];
    await store.put("framing/check", Readable.from(parts), { contentType: "text/plain" });
    const got = await store.get("framing/check");
    expect((await readAll(got!.body)).toString()).toBe("first part, second part");
    expect(got!.info.size).toBe(23);
  });

  it("refuses a Buffer over the cap without sending anything", async () => {
    await expect(
      store.put("capped/buffer", Buffer.alloc(11), { contentType: "image/png", maxBytes: 10 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.head("capped/buffer")).toBeNull();
  });
});

describe("S3 signed URLs", () => {
  it("lets plain fetch download the blob, with the Content-Disposition asked for", async () => {
    await store.put("private/originals/c1/e1/r1", Buffer.from("original bytes"), {
      contentType: "image/png",
    });
    const url = await store.signedUrl("private/originals/c1/e1/r1", {
      expiresInSeconds: 60,
      contentDisposition: attachmentDisposition("Logo für Café.png"),
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("original bytes");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Logo f_r Caf_.png"; filename*=UTF-8''Logo%20f%C3%BCr%20Caf%C3%A9.png`,
    );
  });

  it("stops working once expired (signed two hours ago for one minute)", async () => {
    await store.put("private/originals/c1/e1/r2", Buffer.from("secret"), { contentType: "image/png" });
    advanceClock(-2 * HOUR); // the store signs at the app clock's "now"
    const url = await store.signedUrl("private/originals/c1/e1/r2", { expiresInSeconds: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Request has expired");
  });

  it("refuses expiries S3 would not honour", async () => {
    await expect(store.signedUrl("a/b", { expiresInSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(store.signedUrl("a/b", { expiresInSeconds: 8 * 24 * 3600 })).rejects.toThrow(RangeError);
  });
});

describe("S3 faults (msw in front of s3rver)", () => {
  const msw = setupServer();
  // A client made after msw starts: connections pooled before it would slip past the interception.
  let faulty: S3BlobStore;
  beforeAll(() => {
    msw.listen({ onUnhandledRequest: "bypass" });
    faulty = makeStore();
  });
  afterEach(() => msw.resetHandlers());
  afterAll(() => {
    faulty.client.destroy();
    msw.close();
  });

  /** Count the PUTs of one key the server saw; answer them from `answers` in turn, then pass through. */
  function onPut(key: string, answers: Array<() => Response | Promise<Response>>) {
    const seen = { count: 0 };
    msw.use(
      http.put(`${s3.endpoint}/${BUCKET}/${key}`, () => {
        const answer = answers[seen.count++];
        return answer ? answer() : passthrough();
      }),
    );
    return seen;
  }

  const slowDown = () =>
    new HttpResponse(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`,
      { status: 503, headers: { "Content-Type": "application/xml" } },
    );

  it("retries a 503 SlowDown twice, then the put succeeds", async () => {
    const seen = onPut("faults/slowdown", [slowDown, slowDown]);
    const info = await faulty.put("faults/slowdown", Buffer.from("made it"), { contentType: "text/plain" });
    expect(info.size).toBe(7);
    expect(seen.count).toBe(3);
    const got = await store.get("faults/slowdown");
    expect((await readAll(got!.body)).toString()).toBe("made it");
  });

  it("retries a network error", async () => {
    const seen = onPut("faults/network", [() => HttpResponse.error()]);
    await faulty.put("faults/network", Buffer.from("second try"), { contentType: "text/plain" });
    expect(seen.count).toBe(2);
    expect(await store.head("faults/network")).toMatchObject({ size: 10 });
  });

  it("gives up on a server that never answers: typed, retryable, nothing under the key", async () => {
    const hanging = makeStore({ maxAttempts: 2, requestTimeoutMs: 150 });
    const hang = () => new Promise<Response>(() => {});
    const seen = onPut("faults/hang", [hang, hang]);
    const error = await hanging
      .put("faults/hang", Readable.from([Buffer.from("never "), Buffer.from("stored")]), {
        contentType: "text/plain",
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    hanging.client.destroy();
    expect(error).toBeInstanceOf(S3RequestError);
    const failure = error as S3RequestError;
    expect(failure.retryable).toBe(true);
    expect(failure.exhausted).toBe(true);
    expect(failure.code).toBe("AttemptTimeout");
    expect(failure.attempts).toBe(2);
    expect(seen.count).toBe(2);
    expect(await store.head("faults/hang")).toBeNull();
  });

  it("says so when the retries are exhausted, after exactly maxAttempts", async () => {
    const seen = onPut("faults/always", [slowDown, slowDown, slowDown, slowDown, slowDown]);
    const error = await faulty
      .put("faults/always", Buffer.from("x"), { contentType: "text/plain" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RequestError);
    expect((error as S3RequestError).message).toBe(
      "S3 PutObject of faults/always failed after 4 attempts (retries exhausted): SlowDown",
    );
    expect(error).toMatchObject({ attempts: 4, exhausted: true, retryable: true, statusCode: 503 });
    expect(seen.count).toBe(4);
    expect(await store.head("faults/always")).toBeNull();
  });

  it("does not retry a refusal such as AccessDenied", async () => {
    const denied = () =>
      new HttpResponse(`<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`, {
        status: 403,
        headers: { "Content-Type": "application/xml" },
      });
    const seen = onPut("faults/denied", [denied, denied]);
    const error = await faulty
      .put("faults/denied", Buffer.from("x"), { contentType: "text/plain" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "S3RequestError",
      code: "AccessDenied",
      retryable: false,
      attempts: 1,
    });
    expect(seen.count).toBe(1);
  });
});
