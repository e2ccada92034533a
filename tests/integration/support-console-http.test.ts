import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { rateEntry } from "~/modules/judging/ratings.server";
import { checkPayout, sendPayout } from "~/modules/earnings/earnings.server";
import { designerBalance, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { queueMail } from "~/modules/notify/mail.server";
import { setSupportRole, suspendUser } from "~/modules/support/staff.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import type { TestClient } from "../helpers/http-client";
import { drainJobs } from "../helpers/jobs";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const emailOf = async (id: string) =>
  (await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

async function makeSupport(name = "Sam Support") {
  const id = await makeUser(name, "client");
  await setSupportRole(await emailOf(id), true);
  return id;
}

/** The audit rows an action wrote (everything but the role's own grant). */
const auditRows = (where: { contestId?: string; userId?: string }) =>
  db()
    .selectFrom("audit_log")
    .select(["action", "actor_id", "reason", "contest_id", "user_id", "data"])
    .$if(!!where.contestId, (q) => q.where("contest_id", "=", where.contestId!))
    .$if(!!where.userId, (q) => q.where("user_id", "=", where.userId!))
    .where("action", "not in", ["support.grant", "support.revoke"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();

const galleryOf = async (client: TestClient, contestId: string) =>
  decode(await (await client.get(`/contests/${contestId}`)).text());

describe("who reaches the console: role × route", () => {
  it("answers 404 to everyone but support (stranger, designer, client, judge, suspended support), 200 to support, and writes nothing for them", async () => {
    const clientId = await makeUser("Matrix Client", "client");
    const designer = await makeUser("Matrix Designer");
    const judge = await makeUser("Matrix Judge", "client");
    const contest = await makeLaunchedContest(clientId);
    await makeReadyEntry(contest.id, designer);
    await db()
      .insertInto("contest_members")
      .values({ contest_id: contest.id, user_id: judge, role: "judge", created_at: Date.now() })
      .execute();
    const formerAgent = await makeSupport("Former Agent");
    const agent = await makeSupport();

    const asFormer = await loginAs(server, formerAgent);
    expect((await asFormer.get("/support")).status).toBe(200);
    await transaction((trx) =>
      suspendUser(trx, { userId: formerAgent, actorId: agent, reason: "left the team" }),
    );

    const routes = [
      "/support",
      "/support/users",
      "/support/users?q=matrix&page=2",
      `/support/users/${designer}`,
      "/support/contests",
      `/support/contests/${contest.id}`,
      "/support/audit",
    ];
    const posts: [string, Record<string, string>][] = [
      [`/support/users/${designer}`, { intent: "suspend", reason: "a tampered form" }],
      [`/support/contests/${contest.id}`, { intent: "extend", days: "2", reason: "a tampered form" }],
      [`/support/contests/${contest.id}`, { intent: "refund", reason: "a tampered form" }],
    ];
    const others: [string, TestClient][] = [
      ["stranger", server.client()],
      ["designer", await loginAs(server, designer)],
      ["client", await loginAs(server, clientId)],
      ["judge", await loginAs(server, judge)],
      ["suspended support", asFormer],
    ];
    const before = (await auditRows({})).length;
    for (const [who, client] of others) {
      for (const route of routes) expect((await client.get(route)).status, `${who} GET ${route}`).toBe(404);
      for (const [route, fields] of posts)
        expect((await client.post(route, fields)).status, `${who} POST ${route}`).toBe(404);
      expect(decode(await (await client.get("/contests")).text()), who).not.toContain('href="/support"');
    }
    expect((await auditRows({})).length).toBe(before);
    expect((await loadContest(db(), contest.id))?.status).toBe("qualifying");

    const asAgent = await loginAs(server, agent);
    for (const route of routes) expect((await asAgent.get(route)).status, `support GET ${route}`).toBe(200);
    expect(decode(await (await asAgent.get("/contests")).text())).toContain('href="/support"');
    expect((await asAgent.get(`/support/users/nobody`)).status).toBe(404);
    expect((await asAgent.get(`/support/contests/nothing`)).status).toBe(404);
  });
});

describe("finding people and contests", () => {
  it("searches accounts by name, e-mail or profile address, and contests by title, paged", async () => {
    const agent = await loginAs(server, await makeSupport());
    const target = await makeUser("Zéphyrine Findable");
    const users = decode(await (await agent.get("/support/users?q=ZÉPHYRINE".toLowerCase())).text());
    expect(users).toContain(`/support/users/${target}`);
    const byMail = decode(
      await (await agent.get(`/support/users?q=${encodeURIComponent(await emailOf(target))}`)).text(),
    );
    expect(byMail).toContain(`/support/users/${target}`);
    expect(decode(await (await agent.get("/support/users?q=nobody-has-this-name")).text())).toContain(
      "No account matches.",
    );
    const clientId = await makeUser("Searching Client", "client");
    const contest = await makeLaunchedContest(clientId);
    await db()
      .updateTable("contests")
      .set({ title: "Quokka Coffee logo" })
      .where("id", "=", contest.id)
      .execute();
    expect(decode(await (await agent.get("/support/contests?q=quokka")).text())).toContain(
      `/support/contests/${contest.id}`,
    );
    for (let i = 0; i < 21; i++) await makeUser(`Paged Person ${i}`);
    const first = decode(await (await agent.get("/support/users?q=paged")).text());
    expect(first).toContain("?q=paged&page=2");
    const second = decode(await (await agent.get("/support/users?q=paged&page=2")).text());
    expect(second.match(/\/support\/users\/[a-z0-9]+"/g)).toHaveLength(1);
    expect(second).toContain("Previous page");
  });
});

describe("suspending an account", () => {
  it("needs a reason, writes one audit row, takes its live entries out of the client's gallery, holds its money and refuses its login; reinstating restores exactly those entries", async () => {
    const agentId = await makeSupport();
    const agent = await loginAs(server, agentId);
    const clientId = await makeUser("Gallery Client", "client");
    const designer = await makeUser("Suspended Designer");
    const contest = await makeLaunchedContest(clientId);
    const live = await makeReadyEntry(contest.id, designer);
    const copied = await makeReadyEntry(contest.id, designer);
    const asClient = await loginAs(server, clientId);
    expect(await galleryOf(asClient, contest.id)).toContain(`/entries/${live}`);
    // Support hid one entry for another reason before: the reinstatement leaves it hidden.
    expect(
      (
        await agent.post(`/support/contests/${contest.id}`, {
          intent: "hide",
          entryId: copied,
          reason: "a copy",
        })
      ).status,
    ).toBe(302);

    const missing = await agent.post(`/support/users/${designer}`, { intent: "suspend", reason: "  " });
    expect(missing.status).toBe(400);
    expect(decode(await missing.text())).toContain("Write the reason for this decision");
    expect((await auditRows({ userId: designer })).filter((r) => r.action === "user.suspend")).toEqual([]);

    const res = await agent.post(`/support/users/${designer}`, {
      intent: "suspend",
      reason: "three upheld reports",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/support/users/${designer}?done=suspend`);
    const rows = await auditRows({ userId: designer });
    expect(rows.filter((r) => r.action === "user.suspend")).toEqual([
      expect.objectContaining({ actor_id: agentId, reason: "three upheld reports", contest_id: null }),
    ]);
    // Each entry it took out has its own row, marked as the suspension's (the timeline says why).
    expect(
      rows
        .filter((r) => r.action === "entry.hide")
        .map((r) => [r.data.includes("bySuspension"), r.contest_id]),
    ).toEqual([
      [false, contest.id],
      [true, contest.id],
    ]);
    const gallery = await galleryOf(asClient, contest.id);
    expect(gallery).not.toContain(`/entries/${live}`);
    expect(gallery).toContain("its designer's account is suspended");
    expect(gallery).not.toContain("three upheld reports");

    expect(
      await checkPayout({ designerId: designer, amount: 100, currency: "USD", destination: "IBAN 1234" }),
    ).toMatchObject({ ok: false, area: "payout", reason: "suspended" });
    expect(
      await sendPayout({
        designerId: designer,
        amount: 100,
        currency: "USD",
        destination: "IBAN 1234",
        idempotencyKey: "suspended-payout",
      }),
    ).toMatchObject({ ok: false, reason: "suspended" });
    expect(
      await db().selectFrom("payouts").select("id").where("designer_id", "=", designer).execute(),
    ).toEqual([]);
    const login = await server
      .client()
      .post("/login", { email: await emailOf(designer), password: "a test passphrase" });
    expect(login.status).toBe(403);
    expect(decode(await login.text())).toContain("This account is suspended.");
    const page = decode(await (await agent.get(`/support/users/${designer}`)).text());
    expect(page).toContain("three upheld reports");
    expect(page).toContain("Reinstate the account");

    expect((await agent.post(`/support/users/${designer}`, { intent: "reinstate" })).status).toBe(400);
    expect(
      (await agent.post(`/support/users/${designer}`, { intent: "reinstate", reason: "appeal upheld" }))
        .status,
    ).toBe(302);
    expect((await auditRows({ userId: designer })).filter((r) => r.action === "user.reinstate")).toHaveLength(
      1,
    );
    const statuses = await db()
      .selectFrom("entries")
      .select(["id", "status"])
      .where("designer_id", "=", designer)
      .orderBy("number")
      .execute();
    expect(statuses).toEqual([
      { id: live, status: "ready" },
      { id: copied, status: "hidden" },
    ]);
    expect(await galleryOf(asClient, contest.id)).toContain(`/entries/${live}`);
  });

  it("refuses to suspend support's own account, and an account already suspended", async () => {
    const agentId = await makeSupport();
    const agent = await loginAs(server, agentId);
    const self = await agent.post(`/support/users/${agentId}`, { intent: "suspend", reason: "testing" });
    expect(self.status).toBe(400);
    const designer = await makeUser("Twice Suspended");
    expect(
      (await agent.post(`/support/users/${designer}`, { intent: "suspend", reason: "spam" })).status,
    ).toBe(302);
    const again = await agent.post(`/support/users/${designer}`, { intent: "suspend", reason: "spam" });
    expect(again.status).toBe(409);
    expect((await auditRows({ userId: designer })).filter((r) => r.action === "user.suspend")).toHaveLength(
      1,
    );
  });
});

describe("resending a mail", () => {
  it("lists the account's recent mail and sends one again through the outbox, audited once; never without a reason", async () => {
    const agentId = await makeSupport();
    const agent = await loginAs(server, agentId);
    const person = await makeUser("Mail Person");
    const mailId = await queueMail(db(), {
      to: await emailOf(person),
      subject: "Reset your password",
      text: "Follow the link",
    });
    const page = decode(await (await agent.get(`/support/users/${person}`)).text());
    expect(page).toContain("Reset your password");
    expect(page).toContain("not delivered yet");
    expect((await agent.post(`/support/users/${person}`, { intent: "resend", mailId })).status).toBe(400);
    const res = await agent.post(`/support/users/${person}`, {
      intent: "resend",
      mailId,
      reason: "did not arrive",
    });
    expect(res.status).toBe(302);
    const mails = await db()
      .selectFrom("outbox_mail")
      .select(["subject", "text_body"])
      .where("to_address", "=", await emailOf(person))
      .execute();
    expect(mails).toEqual([
      { subject: "Reset your password", text_body: "Follow the link" },
      { subject: "Reset your password", text_body: "Follow the link" },
    ]);
    expect(await auditRows({ userId: person })).toEqual([
      expect.objectContaining({ action: "mail.resend", actor_id: agentId, reason: "did not arrive" }),
    ]);
    // Another account's mail is not this account's to resend.
    const other = await makeUser("Other Person");
    expect(
      (await agent.post(`/support/users/${other}`, { intent: "resend", mailId, reason: "did not arrive" }))
        .status,
    ).toBe(404);
  });
});

describe("deciding a contest, through the machine and the ledger", () => {
  it("extends the deadline by N days (bounded), and the client's timeline shows support's action with its reason", async () => {
    const agentId = await makeSupport();
    const agent = await loginAs(server, agentId);
    const clientId = await makeUser("Extended Client", "client");
    const contest = await makeLaunchedContest(clientId);
    const before = (await loadContest(db(), contest.id))!;
    expect(
      (await agent.post(`/support/contests/${contest.id}`, { intent: "extend", days: "2" })).status,
    ).toBe(400);
    const tooLong = await agent.post(`/support/contests/${contest.id}`, {
      intent: "extend",
      days: "30",
      reason: "too long",
    });
    expect(tooLong.status).toBe(400);
    expect(decode(await tooLong.text())).toContain("Choose between 1 and 14 days.");
    const res = await agent.post(`/support/contests/${contest.id}`, {
      intent: "extend",
      days: "2",
      reason: "the client asked",
    });
    expect(res.status).toBe(302);
    const after = (await loadContest(db(), contest.id))!;
    expect(after.roundEndsAt).toBe(before.roundEndsAt! + 2 * DAY);
    expect(after.extensionsUsed).toBe(before.extensionsUsed);
    expect(after.version).toBe(before.version + 1);
    expect(await auditRows({ contestId: contest.id })).toEqual([
      expect.objectContaining({ action: "contest.extend", actor_id: agentId, reason: "the client asked" }),
    ]);
    const timeline = await galleryOf(await loginAs(server, clientId), contest.id);
    expect(timeline).toContain("Support extended the deadline by 2 days: the client asked");
    // Told once: the machine's own event for it is not shown twice.
    expect(timeline).not.toContain("extended the round by 2 days");
  });

  it("refunds a live contest's escrow by decision, as the refund path does", async () => {
    const agent = await loginAs(server, await makeSupport());
    const clientId = await makeUser("Refunded Client", "client");
    const contest = await makeLaunchedContest(clientId, { guaranteed: true });
    expect((await agent.post(`/support/contests/${contest.id}`, { intent: "refund" })).status).toBe(400);
    expect(
      (
        await agent.post(`/support/contests/${contest.id}`, {
          intent: "refund",
          reason: "the brief was fraudulent",
        })
      ).status,
    ).toBe(302);
    expect((await loadContest(db(), contest.id))?.status).toBe("refunded");
    const resolutions = await db()
      .selectFrom("escrow_resolutions")
      .selectAll()
      .where("contest_id", "=", contest.id)
      .execute();
    expect(resolutions).toHaveLength(1);
    expect((await trialBalance(db())).balanced).toBe(true);
    expect((await auditRows({ contestId: contest.id })).map((r) => r.action)).toEqual(["contest.refund"]);
    // Over: nothing more to decide, and a second refund is refused.
    const again = await agent.post(`/support/contests/${contest.id}`, { intent: "refund", reason: "again" });
    expect(again.status).toBe(409);
    expect((await auditRows({ contestId: contest.id })).map((r) => r.action)).toEqual(["contest.refund"]);
  });

  it("picks the winning entry as the client would, then awards the prize to the winner when the client is silent", async () => {
    const agent = await loginAs(server, await makeSupport());
    const clientId = await makeUser("Silent Client", "client");
    const winner = await makeUser("Chosen Designer");
    const contest = await makeLaunchedContest(clientId);
    const entry = await makeReadyEntry(contest.id, winner);
    expect(
      (await agent.post(`/support/contests/${contest.id}`, { intent: "pick_winner", entryId: entry })).status,
    ).toBe(400);
    expect(
      (
        await agent.post(`/support/contests/${contest.id}`, {
          intent: "pick_winner",
          entryId: entry,
          reason: "the client chose by mail",
        })
      ).status,
    ).toBe(302);
    const picked = (await loadContest(db(), contest.id))!;
    expect([picked.status, picked.winnerId, picked.winningEntryId]).toEqual(["handover", winner, entry]);
    expect(
      (
        await agent.post(`/support/contests/${contest.id}`, {
          intent: "award",
          designerId: winner,
          reason: "the client stopped answering",
        })
      ).status,
    ).toBe(302);
    expect((await loadContest(db(), contest.id))?.status).toBe("completed");
    expect((await designerBalance(db(), winner, "USD")).available).toBe(49_900);
    expect((await trialBalance(db())).balanced).toBe(true);
    expect((await auditRows({ contestId: contest.id })).map((r) => r.action)).toEqual([
      "contest.award",
      "contest.award",
    ]);
  });

  it("hides and unhides an entry with a reason, one audit row each", async () => {
    const agent = await loginAs(server, await makeSupport());
    const clientId = await makeUser("Hiding Client", "client");
    const contest = await makeLaunchedContest(clientId);
    const entry = await makeReadyEntry(contest.id, await makeUser("Hidden Designer"));
    const url = `/support/contests/${contest.id}`;
    expect((await agent.post(url, { intent: "hide", entryId: entry })).status).toBe(400);
    expect((await agent.post(url, { intent: "hide", entryId: entry, reason: "stock image" })).status).toBe(
      302,
    );
    expect(await galleryOf(await loginAs(server, clientId), contest.id)).toContain(
      "Support hid entry #1: stock image",
    );
    expect((await agent.post(url, { intent: "unhide", entryId: entry })).status).toBe(400);
    expect(
      (await agent.post(url, { intent: "unhide", entryId: entry, reason: "licensed after all" })).status,
    ).toBe(302);
    expect((await auditRows({ contestId: contest.id })).map((r) => r.action)).toEqual([
      "entry.hide",
      "entry.unhide",
    ]);
    const log = decode(await (await agent.get("/support/audit")).text());
    expect(log.indexOf("licensed after all")).toBeLessThan(log.indexOf("stock image"));
  });
});

describe("a prize held for support (account safety)", () => {
  /** Files uploaded and both signatures: the client's approval releases the prize, or holds it. */
  async function readyHandover(tweak: (s: Awaited<ReturnType<typeof handoverSetup>>) => Promise<void>) {
    const s = await handoverSetup();
    await tweak(s);
    const asWinner = await loginAs(server, s.winner);
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    const asClient = await loginAs(server, s.client);
    expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
    return { ...s, asClient, asWinner };
  }

  const prizeTransfers = (contestId: string) =>
    db()
      .selectFrom("ledger_transfers")
      .select("amount")
      .where("contest_id", "=", contestId)
      .where("code", "=", "prize")
      .execute();

  it("holds the prize of the client's own second account instead of releasing it; support releases it once", async () => {
    const s = await readyHandover(async (h) => {
      const [local, domain] = (await emailOf(h.client)).split("@");
      await db()
        .updateTable("users")
        .set({ email: `${local}+studio@${domain}` })
        .where("id", "=", h.winner)
        .execute();
    });
    const approved = await s.asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });
    expect(approved.status).toBe(302);
    const held = (await loadContest(db(), s.contestId))!;
    expect([held.status, held.prizeHeld, held.roundEndsAt]).toEqual(["handover", true, null]);
    expect(await prizeTransfers(s.contestId)).toEqual([]);
    expect((await designerBalance(db(), s.winner, "USD")).available).toBe(0);
    for (const party of [s.asClient, s.asWinner]) {
      const page = decode(await (await party.get(`/contests/${s.contestId}/handover`)).text());
      expect(page).toContain("held for a check by support");
      expect(page).not.toContain("The prize has been released");
    }

    const agentId = await makeSupport();
    const agent = await loginAs(server, agentId);
    const home = decode(await (await agent.get("/support")).text());
    expect(home).toContain(`/support/contests/${s.contestId}`);
    expect(home).toContain("looks like the client&#x27;s own account".replace("&#x27;", "'"));
    expect((await agent.post(`/support/contests/${s.contestId}`, { intent: "release" })).status).toBe(400);
    expect(
      (
        await agent.post(`/support/contests/${s.contestId}`, {
          intent: "release",
          reason: "two studios, checked",
        })
      ).status,
    ).toBe(302);
    const released = (await loadContest(db(), s.contestId))!;
    expect([released.status, released.prizeHeld]).toEqual(["completed", false]);
    expect(await prizeTransfers(s.contestId)).toEqual([{ amount: 49_900 }]);
    expect((await designerBalance(db(), s.winner, "USD")).available).toBe(49_900);
    expect((await trialBalance(db())).balanced).toBe(true);
    expect(
      (await agent.post(`/support/contests/${s.contestId}`, { intent: "release", reason: "again" })).status,
    ).toBe(409);
    expect(await prizeTransfers(s.contestId)).toEqual([{ amount: 49_900 }]);
    expect((await auditRows({ contestId: s.contestId })).map((r) => [r.action, r.actor_id])).toEqual([
      ["prize.release", agentId],
    ]);
    const hold = await db()
      .selectFrom("prize_holds")
      .selectAll()
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(hold).toEqual([
      expect.objectContaining({
        reasons: '["client_account"]',
        resolution: "released",
        resolved_by: agentId,
      }),
    ]);
    expect(decode(await (await agent.get("/support")).text())).not.toContain(
      `/support/contests/${s.contestId}`,
    );
  });

  it("holds an account created after the launch, and one sharing the client's card; support may refund instead", async () => {
    const s = await readyHandover(async (h) => {
      const launchedAt = (await loadContest(db(), h.contestId))!.launchedAt!;
      await db()
        .updateTable("users")
        .set({ created_at: launchedAt + 1 })
        .where("id", "=", h.winner)
        .execute();
    });
    expect(
      (await s.asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" })).status,
    ).toBe(302);
    const hold = await db()
      .selectFrom("prize_holds")
      .select("reasons")
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(hold).toEqual([{ reasons: '["new_account"]' }]);
    const agent = await loginAs(server, await makeSupport());
    expect(
      (await agent.post(`/support/contests/${s.contestId}`, { intent: "refund", reason: "a sock puppet" }))
        .status,
    ).toBe(302);
    expect((await loadContest(db(), s.contestId))?.status).toBe("refunded");
    expect(await prizeTransfers(s.contestId)).toEqual([]);
    expect(
      await db()
        .selectFrom("prize_holds")
        .select("resolution")
        .where("contest_id", "=", s.contestId)
        .execute(),
    ).toEqual([{ resolution: "refunded" }]);

    // The winner once paid for a contest with the same (sandbox) card as this client.
    const shared = await readyHandover(async (h) => {
      await makeLaunchedContest(h.winner);
    });
    expect(
      (await shared.asClient.post(`/contests/${shared.contestId}/handover/approve`, { confirm: "on" }))
        .status,
    ).toBe(302);
    expect(
      await db()
        .selectFrom("prize_holds")
        .select("reasons")
        .where("contest_id", "=", shared.contestId)
        .execute(),
    ).toEqual([{ reasons: '["shared_payment"]' }]);
  });

  it("holds a prize whose winner is suspended, and releases an ordinary winner's at once", async () => {
    const s = await readyHandover(async () => {});
    await transaction((trx) =>
      suspendUser(trx, { userId: s.winner, actorId: null, reason: "fraud inquiry" }),
    );
    // A suspended winner cannot log in, so the approval is the client's alone.
    expect(
      (await s.asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" })).status,
    ).toBe(302);
    expect(
      await db().selectFrom("prize_holds").select("reasons").where("contest_id", "=", s.contestId).execute(),
    ).toEqual([{ reasons: '["suspended"]' }]);

    const plain = await readyHandover(async () => {});
    expect(
      (await plain.asClient.post(`/contests/${plain.contestId}/handover/approve`, { confirm: "on" })).status,
    ).toBe(302);
    expect((await loadContest(db(), plain.contestId))?.status).toBe("completed");
    expect(
      await db().selectFrom("prize_holds").select("id").where("contest_id", "=", plain.contestId).execute(),
    ).toEqual([]);
  });

  it("holds the rule's award of a silent client's guaranteed prize when its top designer is to be checked", async () => {
    const clientId = await makeUser("Silent Rule Client", "client");
    const designer = await makeUser("Late Designer");
    const contest = await makeLaunchedContest(clientId, { guaranteed: true });
    const entry = await makeReadyEntry(contest.id, designer);
    await rateEntry({ contestId: contest.id, entryId: entry, raterId: clientId, stars: 5 });
    await db()
      .updateTable("users")
      .set({ created_at: (await loadContest(db(), contest.id))!.launchedAt! + 1 })
      .where("id", "=", designer)
      .execute();
    // Qualifying ends, then the finalist selection times out with nobody picked: the rule would award.
    for (let i = 0; i < 2; i++) {
      advanceClock(5 * DAY);
      await drainJobs();
    }
    const held = (await loadContest(db(), contest.id))!;
    expect([held.status, held.prizeHeld, held.winnerId, held.roundEndsAt]).toEqual([
      "finalist_selection",
      true,
      designer,
      null,
    ]);
    expect(await prizeTransfers(contest.id)).toEqual([]);
    // The clock no longer acts on it; support releases it to the rule's winner.
    advanceClock(30 * DAY);
    await drainJobs();
    expect((await loadContest(db(), contest.id))?.status).toBe("finalist_selection");
    const agent = await loginAs(server, await makeSupport());
    expect(
      (await agent.post(`/support/contests/${contest.id}`, { intent: "release", reason: "a real designer" }))
        .status,
    ).toBe(302);
    expect((await loadContest(db(), contest.id))?.status).toBe("completed");
    expect(await prizeTransfers(contest.id)).toEqual([{ amount: contest.prize }]);
  });
});
