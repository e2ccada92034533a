import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { blobStore } from "~storage/index";

import { appendAudit } from "~/modules/support/audit.server";
import { hideEntry, unhideEntry } from "~/modules/support/moderation.server";
import { isSupport, reinstateUser, setSupportRole, suspendUser } from "~/modules/support/staff.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { loginAs, startTestServer } from "../helpers/server";
import { isPostgresRun } from "../setup/db-template";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const emailOf = async (id: string) =>
  (await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;
const auditOf = (userId: string) =>
  db()
    .selectFrom("audit_log")
    .select(["action", "actor_id", "reason"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();

describe("the audit log", () => {
  it("refuses a raw UPDATE or DELETE in the database itself: what support did stays written", async () => {
    const designer = await makeUser("Audited");
    await appendAudit(db(), {
      actorId: null,
      action: "user.suspend",
      subject: { kind: "user", id: designer },
      userId: designer,
      reason: "test",
    });
    await expect(sql`update audit_log set reason = 'rewritten'`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
    await expect(
      db().updateTable("audit_log").set({ reason: "x" }).where("user_id", "=", designer).execute(),
    ).rejects.toThrow(/append-only/);
    if (isPostgresRun()) await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect(await auditOf(designer)).toEqual([{ action: "user.suspend", actor_id: null, reason: "test" }]);
  });
});

describe("the support role", () => {
  it("is granted and taken back by address (the command's way), each change written with no actor", async () => {
    const agent = await makeUser("Agent");
    expect(await isSupport(agent)).toBe(false);
    const granted = await setSupportRole((await emailOf(agent)).toUpperCase(), true);
    expect(granted).toMatchObject({ ok: true, changed: true });
    expect(await isSupport(agent)).toBe(true);
    expect(await setSupportRole(await emailOf(agent), true)).toMatchObject({ ok: true, changed: false });
    await setSupportRole(await emailOf(agent), false);
    expect(await isSupport(agent)).toBe(false);
    expect((await auditOf(agent)).map((r) => [r.action, r.actor_id])).toEqual([
      ["support.grant", null],
      ["support.revoke", null],
    ]);
    expect(await setSupportRole("nobody@example.test", true)).toMatchObject({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("a suspended account", () => {
  it("is logged out at once, and told it is suspended only when the password is right", async () => {
    const designer = await makeUser("Suspended Designer");
    const agent = await makeUser("Agent Two");
    const client = await loginAs(server, designer);
    expect((await client.get("/account")).status).toBe(200);

    await transaction((trx) =>
      suspendUser(trx, { userId: designer, actorId: agent, reason: "three upheld reports" }),
    );
    const after = await client.get("/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);

    const email = await emailOf(designer);
    const wrong = await server.client().post("/login", { email, password: "not the passphrase" });
    expect(decode(await wrong.text())).not.toContain("This account is suspended");
    const right = await server.client().post("/login", { email, password: "a test passphrase" });
    expect(right.status).toBe(403);
    expect(decode(await right.text())).toContain("This account is suspended.");

    await transaction((trx) =>
      reinstateUser(trx, { userId: designer, actorId: agent, reason: "appeal upheld" }),
    );
    expect((await (await loginAs(server, designer)).get("/account")).status).toBe(200);
    expect((await auditOf(designer)).map((r) => [r.action, r.actor_id, r.reason])).toEqual([
      ["user.suspend", agent, "three upheld reports"],
      ["user.reinstate", agent, "appeal upheld"],
    ]);
  });
});

describe("an entry support hid", () => {
  it("leaves the gallery and its page for everyone but its designer, who sees it marked; unhiding restores it", async () => {
    const clientId = await makeUser("Hiding Client", "client");
    const designer = await makeUser("Hidden Designer");
    const contestId = (await makeLaunchedContest(clientId)).id;
    const entryId = await makeReadyEntry(contestId, designer);
    const client = await loginAs(server, clientId);
    const own = await loginAs(server, designer);
    expect((await client.get(`/entries/${entryId}`)).status).toBe(200);

    expect(await transaction((trx) => hideEntry(trx, { entryId, actorId: null, reason: "a copy" }))).toBe(
      true,
    );
    expect(await transaction((trx) => hideEntry(trx, { entryId, actorId: null, reason: "again" }))).toBe(
      false,
    );
    expect((await client.get(`/entries/${entryId}`)).status).toBe(404);
    expect(decode(await (await client.get(`/contests/${contestId}`)).text())).not.toContain(
      `/entries/${entryId}`,
    );
    const mine = await own.get(`/entries/${entryId}`);
    expect(mine.status).toBe(200);
    expect(decode(await mine.text())).toContain("Hidden by support");

    expect(
      await transaction((trx) => unhideEntry(trx, { entryId, actorId: null, reason: "not a copy" })),
    ).toBe(true);
    expect((await client.get(`/entries/${entryId}`)).status).toBe(200);
    const rows = await db()
      .selectFrom("audit_log")
      .select(["action", "contest_id"])
      .where("subject_id", "=", entryId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { action: "entry.hide", contest_id: contestId },
      { action: "entry.unhide", contest_id: contestId },
    ]);
  });
});

describe("the images support must judge", () => {
  it("are served to support even where the viewer's own rights stop (a hidden entry's preview), never to anyone else", async () => {
    const clientId = await makeUser("Media Client", "client");
    const designer = await makeUser("Media Designer");
    const agent = await makeUser("Media Agent");
    const contestId = (await makeLaunchedContest(clientId)).id;
    const entryId = await makeReadyEntry(contestId, designer);
    const { preview_key } = await db()
      .selectFrom("entry_revisions")
      .select("preview_key")
      .where("entry_id", "=", entryId)
      .executeTakeFirstOrThrow();
    await blobStore().put(preview_key!, Buffer.from("RIFF....WEBP"), { contentType: "image/webp" });
    await transaction((trx) => hideEntry(trx, { entryId, actorId: null, reason: "a copy" }));
    const asClient = await loginAs(server, clientId);
    expect((await asClient.get(`/media/${preview_key}`)).status).toBe(404);
    const asAgent = await loginAs(server, agent);
    expect((await asAgent.get(`/media/${preview_key}`)).status).toBe(404);
    await setSupportRole(await emailOf(agent), true);
    expect((await asAgent.get(`/media/${preview_key}`)).status).toBe(200);
    expect((await server.client().get(`/media/${preview_key}`)).status).toBe(404);
  });
});
