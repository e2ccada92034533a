import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { ANSWER_WINDOW_MS } from "~/modules/support/reports";
import { setSupportRole } from "~/modules/support/staff.server";
import { advanceClock, now } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { decode } from "../helpers/contests";
import type { TestClient } from "../helpers/http-client";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { loginAs, startTestServer } from "../helpers/server";

// Reports with due process (issue 14, ADR 0045), as the people involved meet them over HTTP: the
// reporter, the reported designer with their 24 hours, support deciding, and everyone told.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
// Tests move the clock forward only: each report starts from wherever it is.

const emailOf = async (id: string) =>
  (await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

async function makeSupport(name = "Agent") {
  const id = await makeUser(name);
  await setSupportRole(await emailOf(id), true);
  return id;
}

/** A contest with Ana's earlier entry and Ben's later copy of it, and everyone logged in. */
async function world() {
  const clientId = await makeUser("Camille Client", "client");
  const contest = await makeLaunchedContest(clientId);
  const ana = await makeUser("Ana Original");
  const ben = await makeUser("Ben Copier");
  const original = await makeReadyEntry(contest.id, ana);
  const copy = await makeReadyEntry(contest.id, ben);
  const agentId = await makeSupport();
  return {
    contestId: contest.id,
    clientId,
    ana,
    ben,
    original,
    copy,
    agentId,
    asClient: await loginAs(server, clientId),
    asAna: await loginAs(server, ana),
    asBen: await loginAs(server, ben),
    asAgent: await loginAs(server, agentId),
  };
}

const COPY_TEXT = "This is my entry #1, mirrored and recoloured.";

async function reportCopy(as: TestClient, entryId: string, originalId: string) {
  return as.post("/reports/new", {
    subject: `entry:${entryId}`,
    reason: "copied",
    body: COPY_TEXT,
    originalUrl: `${config().appUrl}/entries/${originalId}`,
  });
}

async function filedReport(as: TestClient, entryId: string, originalId: string) {
  const res = await reportCopy(as, entryId, originalId);
  expect(res.status).toBe(302);
  const m = /^\/reports\/([a-z0-9]+)\?sent=1$/.exec(res.headers.get("location") ?? "");
  expect(m).not.toBeNull();
  return m![1]!;
}

const reportRow = (id: string) =>
  db().selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

const kindsOf = async (userId: string) =>
  (
    await db()
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", userId)
      .where("kind", "like", "report.%")
      .orderBy("created_at")
      .execute()
  ).map((n) => ({ kind: n.kind, ...(JSON.parse(n.data) as Record<string, unknown>) }));

const text = async (res: Response) => decode(await res.text());

async function decide(as: TestClient, reportId: string, decision: "upheld" | "dismissed", reason: string) {
  return as.post(`/support/reports/${reportId}`, { decision, reason });
}

describe("a report of a copied entry", () => {
  it("tells the copier, who answers within 24 hours; the answer puts it in support's queue at once", async () => {
    const w = await world();
    const form = await w.asAna.get(`/reports/new?subject=entry:${w.copy}`);
    expect(form.status).toBe(200);
    expect(await text(form)).toContain("Entry #2 in “Logo for a bakery”");

    const reportId = await filedReport(w.asAna, w.copy, w.original);
    expect(await reportRow(reportId)).toMatchObject({
      reporter_id: w.ana,
      reported_id: w.ben,
      contest_id: w.contestId,
      original_entry_id: w.original,
      status: "open",
    });
    // Ben is told in the app and by mail, with 24 hours to answer.
    expect(await kindsOf(w.ben)).toEqual([
      expect.objectContaining({ kind: "report.filed", reportId, why: "copied" }),
    ]);
    const mail = await db()
      .selectFrom("outbox_mail")
      .select(["subject", "text_body"])
      .where("to_address", "=", await emailOf(w.ben))
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain("Your entry #2 in “Logo for a bakery” was reported (a copy)");
    expect(mail.text_body).toContain(`/reports/${reportId}`);

    // The two parties each see their page; nobody else does.
    const mine = await text(await w.asAna.get(`/reports/${reportId}`));
    expect(mine).toContain("You reported this");
    expect(mine).toContain("The designer has until");
    const theirs = await text(await w.asBen.get(`/reports/${reportId}`));
    expect(theirs).toContain("Your work was reported");
    expect(theirs).toContain(COPY_TEXT);
    expect(theirs).not.toContain("Ana Original");
    expect((await w.asClient.get(`/reports/${reportId}`)).status).toBe(404);
    expect((await server.client().get(`/reports/${reportId}`)).status).toBe(302);

    // Within its 24 hours it waits; support may not decide yet.
    let queue = await text(await w.asAgent.get("/support/reports"));
    expect(queue.indexOf(`/support/reports/${reportId}`)).toBeGreaterThan(
      queue.indexOf("Within their 24 hours"),
    );
    const early = await decide(w.asAgent, reportId, "upheld", "too early");
    expect(early.status).toBe(409);
    expect(await text(early)).toContain("not waiting for a decision");

    advanceClock(ANSWER_WINDOW_MS - MINUTE);
    const answered = await w.asBen.post(`/reports/${reportId}`, {
      intent: "answer",
      answer: "I drew it myself: here are my sketches from last week.",
      answerUrl: "https://example.com/sketches",
    });
    expect(answered.status).toBe(302);
    expect(await reportRow(reportId)).toMatchObject({ answer_url: "https://example.com/sketches" });
    expect(await text(await w.asBen.get(`/reports/${reportId}`))).toContain("Your answer was sent");
    // The reporter reads the outcome, not the answer.
    expect(await text(await w.asAna.get(`/reports/${reportId}`))).not.toContain("my sketches");

    queue = await text(await w.asAgent.get("/support/reports"));
    const ready = queue.indexOf("Ready for a decision");
    const waiting = queue.indexOf("Within their 24 hours");
    const at = queue.indexOf(`/support/reports/${reportId}`);
    expect(at).toBeGreaterThan(ready);
    expect(at).toBeLessThan(waiting);
    const page = await text(await w.asAgent.get(`/support/reports/${reportId}`));
    expect(page).toContain("I drew it myself");
    expect(page).toContain(COPY_TEXT);
    expect(page).toContain('data-testid="original-thing"');
    expect(page).toContain(`/entries/${w.original}`);
    expect(page).toContain("0 strikes of 3");
  });

  it("after 24 hours without an answer goes to support, and a late answer is refused with why", async () => {
    const w = await world();
    const reportId = await filedReport(w.asAna, w.copy, w.original);
    advanceClock(ANSWER_WINDOW_MS + MINUTE);
    const late = await w.asBen.post(`/reports/${reportId}`, {
      intent: "answer",
      answer: "Sorry, I was away: it is mine.",
    });
    expect(late.status).toBe(409);
    expect(await text(late)).toContain("The 24 hours to answer this report have passed");
    const withdraw = await w.asBen.post(`/reports/${reportId}`, { intent: "withdraw" });
    expect(withdraw.status).toBe(409);
    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", w.copy).executeTakeFirstOrThrow())
        .status,
    ).toBe("ready");
    const theirs = await text(await w.asBen.get(`/reports/${reportId}`));
    expect(theirs).toContain("support decides with what it has");
    expect(theirs).not.toContain('name="answer"');
    const queue = await text(await w.asAgent.get("/support/reports"));
    expect(queue).toContain("no answer in 24 hours");
    expect(queue.indexOf(`/support/reports/${reportId}`)).toBeLessThan(
      queue.indexOf("Within their 24 hours"),
    );
    expect(
      (await decide(w.asAgent, reportId, "dismissed", "Not a copy: only the colour is shared.")).status,
    ).toBe(302);
    expect(await reportRow(reportId)).toMatchObject({ status: "dismissed", decided_by: w.agentId });
    // Dismissed: no strike, the entry stays.
    expect(await text(await w.asClient.get(`/contests/${w.contestId}`))).toContain(`/entries/${w.copy}`);
    expect(await text(await w.asBen.get("/account"))).not.toContain('data-testid="strikes"');
    expect((await kindsOf(w.ana)).at(-1)).toMatchObject({ kind: "report.decided", decision: "dismissed" });
  });

  it("is closed by a withdrawal within 24 hours, with no strike, and the reporter is told", async () => {
    const w = await world();
    const reportId = await filedReport(w.asAna, w.copy, w.original);
    const res = await w.asBen.post(`/reports/${reportId}`, { intent: "withdraw" });
    expect(res.status).toBe(302);
    expect(await reportRow(reportId)).toMatchObject({ status: "withdrawn" });
    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", w.copy).executeTakeFirstOrThrow())
        .status,
    ).toBe("withdrawn");
    expect(await kindsOf(w.ana)).toEqual([expect.objectContaining({ kind: "report.withdrawn", reportId })]);
    expect(await text(await w.asAna.get(`/reports/${reportId}`))).toContain("Withdrawn by the designer");
    expect(await text(await w.asAgent.get("/support/reports"))).not.toContain(`/support/reports/${reportId}`);
    expect((await decide(w.asAgent, reportId, "upheld", "after the fact")).status).toBe(409);
    expect(await text(await w.asBen.get("/account"))).not.toContain('data-testid="strikes"');
  });
});

describe("what may be reported, by whom", () => {
  it("refuses a second report of the same entry by the same person, and one's own work, with a clear message", async () => {
    const w = await world();
    const reportId = await filedReport(w.asAna, w.copy, w.original);
    const again = await w.asAna.get(`/reports/new?subject=entry:${w.copy}`);
    expect(again.status).toBe(409);
    const html = await text(again);
    expect(html).toContain("You have already reported this.");
    expect(html).toContain(`/reports/${reportId}`);
    const post = await reportCopy(w.asAna, w.copy, w.original);
    expect(post.status).toBe(409);
    expect(await text(post)).toContain("You have already reported this.");
    expect(
      await db().selectFrom("reports").select("id").where("subject_id", "=", w.copy).execute(),
    ).toHaveLength(1);
    // Someone else may still report it; nobody reports their own work.
    expect((await w.asClient.get(`/reports/new?subject=entry:${w.copy}`)).status).toBe(200);
    const own = await w.asBen.get(`/reports/new?subject=entry:${w.copy}`);
    expect(own.status).toBe(400);
    expect(await text(own)).toContain("You cannot report your own work.");
    expect((await reportCopy(w.asBen, w.copy, w.original)).status).toBe(400);
  });

  it("asks for the original's link for a copy and a few words, without JavaScript", async () => {
    const w = await world();
    const res = await w.asAna.post("/reports/new", {
      subject: `entry:${w.copy}`,
      reason: "copied",
      body: "short",
    });
    expect(res.status).toBe(400);
    const html = await text(res);
    expect(html).toContain("For a copy, give the link to the original.");
    expect(html).toContain("Describe what you saw in at least 10 characters.");
  });

  it("answers 404 for what the reporter may not see: a blind contest's other entry, someone else's message, nothing", async () => {
    const w = await world();
    await db().updateTable("contests").set({ blind: 1 }).where("id", "=", w.contestId).execute();
    expect((await w.asAna.get(`/reports/new?subject=entry:${w.copy}`)).status).toBe(404);
    expect((await reportCopy(w.asAna, w.copy, w.original)).status).toBe(404);
    expect((await w.asAna.get("/reports/new?subject=entry:nosuchentry")).status).toBe(404);
    expect((await w.asAna.get("/reports/new")).status).toBe(404);

    // A message between the client and Ben: Ben may report it, Ana (not in the conversation) may not.
    const conversationId = newId();
    const messageId = newId();
    const [low, high] = [w.clientId, w.ben].sort();
    await db()
      .insertInto("conversations")
      .values({
        id: conversationId,
        user_low: low!,
        user_high: high!,
        started_by: w.clientId,
        last_seq: 1,
        last_message_at: now(),
        created_at: now(),
      })
      .execute();
    await db()
      .insertInto("messages")
      .values({
        id: messageId,
        conversation_id: conversationId,
        seq: 1,
        sender_id: w.clientId,
        body: "Buy followers now!",
        about_contest_id: null,
        about_entry_id: null,
        created_at: now(),
      })
      .execute();
    expect((await w.asAna.get(`/reports/new?subject=message:${messageId}`)).status).toBe(404);
    expect(await text(await w.asBen.get(`/messages/${conversationId}`))).toContain(
      `/reports/new?subject=message:${messageId}`,
    );
    const res = await w.asBen.post("/reports/new", {
      subject: `message:${messageId}`,
      reason: "spam",
      body: "Unsolicited advertising in my inbox.",
    });
    expect(res.status).toBe(302);
    expect(
      await db()
        .selectFrom("reports")
        .select(["reported_id", "subject_kind"])
        .where("subject_id", "=", messageId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      reported_id: w.clientId,
      subject_kind: "message",
    });
  });

  it("offers the Report link on an entry, a piece and a profile to others, never on one's own", async () => {
    const w = await world();
    expect(await text(await w.asAna.get(`/entries/${w.copy}`))).toContain(
      `/reports/new?subject=entry:${w.copy}`,
    );
    expect(await text(await w.asBen.get(`/entries/${w.copy}`))).not.toContain("/reports/new");
    const handle = (
      await db().selectFrom("users").select("handle").where("id", "=", w.ben).executeTakeFirstOrThrow()
    ).handle!;
    expect(await text(await w.asAna.get(`/designers/${handle}`))).toContain(
      `/reports/new?subject=profile:${handle}`,
    );
    expect(await text(await w.asBen.get(`/designers/${handle}`))).not.toContain("/reports/new");
    const pieceId = await makePiece(w.ben);
    expect(await text(await w.asAna.get(`/designers/${handle}/work/${pieceId}`))).toContain(
      `/reports/new?subject=piece:${pieceId}`,
    );
    const profile = await w.asAna.post("/reports/new", {
      subject: `profile:${handle}`,
      reason: "offensive",
      body: "The bio insults other designers.",
    });
    expect(profile.status).toBe(302);
  });
});

async function makePiece(designerId: string) {
  const id = newId();
  await db()
    .insertInto("portfolio_pieces")
    .values({
      id,
      designer_id: designerId,
      title: "Golden loaf",
      category: "logo",
      status: "ready",
      original_key: `private/pieces/${designerId}/${id}`,
      original_format: "png",
      original_bytes: 1234,
      width: 800,
      height: 800,
      preview_key: `public/pieces/${designerId}/${id}-p-w1200.webp`,
      thumbnail_key: `public/pieces/${designerId}/${id}-t-w400.webp`,
      preview_width: 800,
      preview_height: 800,
      created_at: now(),
      ready_at: now(),
    })
    .execute();
  return id;
}

describe("support's decision", () => {
  it("upheld: hides the entry, is a strike, is audited with the contest, and tells the client, the reporter and the designer", async () => {
    const w = await world();
    const reportId = await filedReport(w.asAna, w.copy, w.original);
    await w.asBen.post(`/reports/${reportId}`, {
      intent: "answer",
      answer: "It only looks alike, I promise.",
    });
    const missing = await decide(w.asAgent, reportId, "upheld", "");
    expect(missing.status).toBe(400);
    expect(await text(missing)).toContain("Write the reason for this decision");
    expect((await decide(w.asAgent, reportId, "upheld", "A mirrored copy of entry #1.")).status).toBe(302);

    expect(
      (await db().selectFrom("entries").select("status").where("id", "=", w.copy).executeTakeFirstOrThrow())
        .status,
    ).toBe("hidden");
    expect(await text(await w.asClient.get(`/contests/${w.contestId}`))).not.toContain(`/entries/${w.copy}`);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "contest_id", "actor_id", "reason", "data"])
      .where("action", "=", "report.decide")
      .where("subject_id", "=", reportId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      contest_id: w.contestId,
      actor_id: w.agentId,
      reason: "A mirrored copy of entry #1.",
    });
    expect(JSON.parse(audit.data)).toMatchObject({ decision: "upheld", strikes: 1 });

    expect((await kindsOf(w.clientId)).at(-1)).toMatchObject({
      kind: "report.decided",
      decision: "upheld",
      role: "client",
    });
    expect((await kindsOf(w.ana)).at(-1)).toMatchObject({
      kind: "report.decided",
      decision: "upheld",
      role: "reporter",
      reportId,
    });
    expect((await kindsOf(w.ben)).at(-1)).toMatchObject({
      kind: "report.decided",
      decision: "upheld",
      role: "reported",
    });
    const told = await text(await w.asClient.get("/notifications"));
    expect(told).toContain("A report on entry #2 in your contest “Logo for a bakery” was upheld by support.");
    expect(await text(await w.asAna.get("/notifications"))).toContain(
      "Your report on the entry #2 in “Logo for a bakery” was upheld by support.",
    );
    const reporterPage = await text(await w.asAna.get(`/reports/${reportId}`));
    expect(reporterPage).toContain("Upheld by support");
    expect(reporterPage).toContain("A mirrored copy of entry #1.");
    expect(await text(await w.asBen.get("/account"))).toContain("1 strike of 3");
    // Decided once.
    expect((await decide(w.asAgent, reportId, "dismissed", "changed my mind")).status).toBe(409);
  });

  it("three upheld reports suspend the account: it cannot log in, and the strikes are in the audit row", async () => {
    const w = await world();
    const more = [await makeReadyEntry(w.contestId, w.ben), await makeReadyEntry(w.contestId, w.ben)];
    const ids: string[] = [];
    for (const entryId of [w.copy, ...more]) {
      const id = await filedReport(w.asAna, entryId, w.original);
      await w.asBen.post(`/reports/${id}`, { intent: "answer", answer: "All of these are my own designs." });
      ids.push(id);
    }
    expect((await decide(w.asAgent, ids[0]!, "upheld", "Copy number one.")).status).toBe(302);
    expect((await decide(w.asAgent, ids[1]!, "upheld", "Copy number two.")).status).toBe(302);
    expect(await text(await w.asBen.get("/account"))).toContain("2 strikes of 3");
    const third = await decide(w.asAgent, ids[2]!, "upheld", "Copy number three.");
    expect(third.headers.get("location")).toContain("suspended=1");

    const user = await db()
      .selectFrom("users")
      .select("suspended_at")
      .where("id", "=", w.ben)
      .executeTakeFirstOrThrow();
    expect(user.suspended_at).not.toBeNull();
    expect((await w.asBen.get("/account")).status).toBe(302);
    const login = await server
      .client()
      .post("/login", { email: await emailOf(w.ben), password: "a test passphrase" });
    expect(login.status).toBe(403);
    expect(await text(login)).toContain("This account is suspended.");
    const suspension = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "data"])
      .where("action", "=", "user.suspend")
      .where("user_id", "=", w.ben)
      .executeTakeFirstOrThrow();
    expect(suspension.actor_id).toBe(w.agentId);
    expect(JSON.parse(suspension.data)).toEqual({ strikes: ids, count: 3 });
    expect(await text(await w.asAgent.get(`/support/reports/${ids[2]}`))).toContain("3 strikes of 3");
  });

  it("upheld on a portfolio piece takes it off the portfolio", async () => {
    const w = await world();
    const pieceId = await makePiece(w.ben);
    const handle = (
      await db().selectFrom("users").select("handle").where("id", "=", w.ben).executeTakeFirstOrThrow()
    ).handle!;
    const res = await w.asAna.post("/reports/new", {
      subject: `piece:${pieceId}`,
      reason: "stock",
      body: "This is a stock illustration, lightly retouched.",
    });
    const reportId = /\/reports\/([a-z0-9]+)/.exec(res.headers.get("location") ?? "")![1]!;
    advanceClock(ANSWER_WINDOW_MS + MINUTE);
    expect((await decide(w.asAgent, reportId, "upheld", "A stock image.")).status).toBe(302);
    expect((await server.client().get(`/designers/${handle}/work/${pieceId}`)).status).toBe(404);
    expect(await text(await server.client().get(`/designers/${handle}`))).not.toContain(pieceId);
  });
});

describe("the support pages", () => {
  it("answer 404 to everyone but support, for reading and for deciding", async () => {
    const w = await world();
    const reportId = await filedReport(w.asAna, w.copy, w.original);
    advanceClock(ANSWER_WINDOW_MS + MINUTE);
    const visitors: [string, TestClient][] = [
      ["anonymous", server.client()],
      ["client", w.asClient],
      ["reporter", w.asAna],
      ["reported", w.asBen],
    ];
    for (const [who, as] of visitors) {
      expect([who, (await as.get("/support/reports")).status]).toEqual([who, 404]);
      expect([who, (await as.get(`/support/reports/${reportId}`)).status]).toEqual([who, 404]);
      expect([who, (await decide(as, reportId, "upheld", "not theirs to decide")).status]).toEqual([
        who,
        404,
      ]);
    }
    expect(await reportRow(reportId)).toMatchObject({ status: "open" });
    expect((await w.asAgent.get("/support/reports")).status).toBe(200);
    expect((await w.asAgent.get(`/support/reports/${reportId}`)).status).toBe(200);
    expect((await w.asAgent.get("/support/reports/nosuchreport")).status).toBe(404);
  });
});

describe("a similarity flag", () => {
  it("becomes a report of a copy from the client's viewer, prefilled with the earlier entry, and leaves the viewer", async () => {
    const w = await world();
    const flagId = newId();
    const revisionOf = async (entryId: string) =>
      (
        await db()
          .selectFrom("entries")
          .select("current_revision_id")
          .where("id", "=", entryId)
          .executeTakeFirstOrThrow()
      ).current_revision_id!;
    await db()
      .insertInto("similarity_flags")
      .values({
        id: flagId,
        revision_id: await revisionOf(w.copy),
        entry_id: w.copy,
        contest_id: w.contestId,
        earlier_revision_id: await revisionOf(w.original),
        earlier_entry_id: w.original,
        earlier_contest_id: w.contestId,
        distance: 2,
        created_at: now(),
      })
      .execute();
    const viewer = await text(await w.asClient.get(`/contests/${w.contestId}/judge?entry=${w.copy}`));
    expect(viewer).toContain(`/reports/new?flag=${flagId}`);
    // Only the contest's client may turn it into a report.
    expect((await w.asAna.get(`/reports/new?flag=${flagId}`)).status).toBe(404);

    const form = await text(await w.asClient.get(`/reports/new?flag=${flagId}`));
    expect(form).toContain(`value="${config().appUrl}/entries/${w.original}"`);
    expect(form).toMatch(/value="copied"[^>]*checked|checked[^>]*value="copied"/);
    const res = await w.asClient.post("/reports/new", {
      subject: `entry:${w.copy}`,
      flag: flagId,
      reason: "copied",
      body: "Concours flagged it, and it is the same logo flipped.",
      originalUrl: `${config().appUrl}/entries/${w.original}`,
    });
    expect(res.status).toBe(302);
    const report = await db()
      .selectFrom("reports")
      .selectAll()
      .where("flag_id", "=", flagId)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({
      reporter_id: w.clientId,
      reported_id: w.ben,
      reason: "copied",
      original_entry_id: w.original,
    });
    const flag = await db()
      .selectFrom("similarity_flags")
      .select("dismissed_at")
      .where("id", "=", flagId)
      .executeTakeFirstOrThrow();
    expect(flag.dismissed_at).not.toBeNull();
    expect(await text(await w.asClient.get(`/contests/${w.contestId}/judge?entry=${w.copy}`))).not.toContain(
      `/reports/new?flag=${flagId}`,
    );
  });
});
