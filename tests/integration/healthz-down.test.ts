import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("/healthz when the database is gone", () => {
  it("answers 503", async () => {
    expect((await server.client().get("/healthz")).status).toBe(200);
    await db().destroy(); // the connection closes under the running app
    const res = await server.client().get("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: "down" });
  });
});
