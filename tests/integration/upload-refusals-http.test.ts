// Refused uploads are answered in words before the connection closes: never a reset, never an empty reply.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLaunchedContest, makeUser } from "../helpers/fixtures";
import type { TestClient } from "../helpers/http-client";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let designer: TestClient;
let contestId: string;
beforeAll(async () => {
  server = await startTestServer();
  contestId = (await makeLaunchedContest(await makeUser("Client", "client"))).id;
  designer = await loginAs(server, await makeUser("Designer"));
});
afterAll(async () => {
  await server.close();
});

type RawAnswer = { status: number; body: string } | { error: string };

/** Send a body the way a browser does (all of it, then wait), and report what came back. */
function send(path: string, headers: Record<string, string>, body: Buffer): Promise<RawAnswer> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path,
        headers: { origin: server.url, cookie: designer.cookieHeader(), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", (e) => resolve({ error: e.message }));
      },
    );
    req.on("error", (e) => resolve({ error: `${(e as NodeJS.ErrnoException).code ?? ""} ${e.message}` }));
    req.end(body);
  });
}

function multipart(fileBytes: Buffer, boundary = "----concours-test") {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBig one\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n` +
        "Content-Type: image/png\r\n\r\n",
    ),
    fileBytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

const OVER_CAP = Buffer.alloc(26 * 1024 * 1024, 7);

describe("refused uploads get an answer", () => {
  for (const [label, path] of [
    ["the form without JavaScript", () => `/contests/${contestId}/entries/new`],
    ["the upload API", () => `/api/contests/${contestId}/entries`],
  ] as const) {
    it(`${label}: a 26 MB file (over the 25 MB cap) gets 413 and the limit in words`, async () => {
      const answer = await send(
        path(),
        { "content-type": "multipart/form-data; boundary=----concours-test" },
        multipart(OVER_CAP),
      );
      expect(answer).toMatchObject({ status: 413 });
      expect("body" in answer && answer.body).toMatch(/25 MB/);
    });

    it(`${label}: a multipart body without a boundary, and a body that is not multipart, get a 4xx in words`, async () => {
      const noBoundary = await send(
        path(),
        { "content-type": "multipart/form-data" },
        multipart(Buffer.alloc(1000)),
      );
      expect("status" in noBoundary && noBoundary.status).toBeGreaterThanOrEqual(400);
      expect("status" in noBoundary && noBoundary.status).toBeLessThan(500);
      expect("body" in noBoundary && noBoundary.body.length).toBeGreaterThan(0);
      const notMultipart = await send(path(), { "content-type": "text/plain" }, Buffer.alloc(100_000, 65));
      expect(notMultipart).toMatchObject({ status: 415 });
      expect("body" in notMultipart && notMultipart.body).toMatch(/form|upload|file/i);
    });
  }

  it("the connection is still good for the next request after a refusal", async () => {
    const after = await designer.get(`/contests/${contestId}`);
    expect(after.status).toBe(200);
  });
});
