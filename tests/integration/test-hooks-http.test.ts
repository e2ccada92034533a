import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { resetConfig } from "~/utils/env.server";
import { makeUser } from "../helpers/fixtures";
import { contestRow, makeLiveContest } from "../helpers/contests";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function setHooks(on: boolean | undefined) {
  if (on === undefined) delete process.env.ENABLE_TEST_HOOKS;
  else process.env.ENABLE_TEST_HOOKS = on ? "true" : "false";
  resetConfig();
}
afterEach(() => setHooks(undefined));

const advance = (body: unknown) =>
  server.client().request("/__test/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("/__test/clock", () => {
  it("does not exist unless ENABLE_TEST_HOOKS is on (404 for every method), and moves no clock", async () => {
    for (const setting of [undefined, false]) {
      setHooks(setting);
      const before = now();
      expect((await advance({ advanceMs: DAY })).status).toBe(404);
      expect((await server.client().get("/__test/clock")).status).toBe(404);
      expect(now() - before).toBeLessThan(DAY);
    }
  });

  it("with the hooks on, moves the shared clock and runs the jobs that became due", async () => {
    setHooks(true);
    const client = await makeUser("Client", "client");
    const contestId = await makeLiveContest(client);
    const before = now();
    const res = await advance({ advanceMs: 4 * DAY + 1000 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { now: number; ran: number };
    expect(body.now - before).toBeGreaterThanOrEqual(4 * DAY + 1000);
    expect(body.ran).toBeGreaterThanOrEqual(1);
    expect((await contestRow(contestId)).status).toBe("finalist_selection");
    // Still a page: the GET is not a hook.
    expect((await server.client().get("/__test/clock")).status).toBe(404);
  });

  it("refuses a bad amount of time", async () => {
    setHooks(true);
    for (const advanceMs of [-1, 1.5, "soon", 400 * DAY]) {
      expect((await advance({ advanceMs })).status, String(advanceMs)).toBe(400);
    }
  });
});
