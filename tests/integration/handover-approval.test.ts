import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest, runContestDeadline } from "~/modules/contests/contests.server";
import { approveHandover } from "~/modules/handover/approval.server";
import { sendHandoverReminder } from "~/modules/handover/reminders.server";
import { designerBalance, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { platformFee } from "~/modules/escrow/ledger";
import { advanceClock, now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { decode, formError } from "../helpers/contests";
import { FILES, handoverSetup, loginAs, sign, uploadFinal } from "../helpers/handover";
import { drainJobs } from "../helpers/jobs";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const PRIZE = 49_900;

/** A handover with files and both signatures: ready for the client's approval. */
async function readyHandover() {
  const s = await handoverSetup({ prize: PRIZE });
  const asWinner = await loginAs(server, s.winner);
  expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
  expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
  const asClient = await loginAs(server, s.client);
  expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
  return { ...s, asClient, asWinner };
}

async function money(contestId: string, designerId: string) {
  const [resolutions, prizes, fees, balance, trial] = await Promise.all([
    db().selectFrom("escrow_resolutions").selectAll().where("contest_id", "=", contestId).execute(),
    db()
      .selectFrom("ledger_transfers")
      .select("amount")
      .where("contest_id", "=", contestId)
      .where("code", "=", "prize")
      .execute(),
    db()
      .selectFrom("ledger_transfers")
      .select("amount")
      .where("contest_id", "=", contestId)
      .where("code", "=", "platform_fee")
      .execute(),
    designerBalance(db(), designerId, "USD"),
    trialBalance(db()),
  ]);
  return {
    resolutions,
    prizes: prizes.map((p) => p.amount),
    fees: fees.map((f) => f.amount),
    balance,
    trial,
  };
}

async function completions(contestId: string) {
  const rows = await db()
    .selectFrom("contest_events")
    .select("kind")
    .where("contest_id", "=", contestId)
    .where("kind", "in", ["handover_approved", "handover_auto_approved"])
    .execute();
  return rows.map((r) => r.kind);
}

describe("approving the handover", () => {
  it("says what is missing, and approves nothing, until files are uploaded and both parties signed", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    const approve = () => asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });

    let res = await approve();
    expect(res.status).toBe(409);
    expect(formError(decode(await res.text()))).toBe(
      "The handover cannot be approved yet. Ana Souza has not uploaded any final file yet. You have not signed the design transfer agreement. Ana Souza has not signed the design transfer agreement.",
    );
    await uploadFinal(await loginAs(server, s.winner), s.contestId, "logo.png", FILES.png);
    await sign(asClient, s.contestId, "Camille Tremblay");
    res = await approve();
    expect(res.status).toBe(409);
    expect(formError(decode(await res.text()))).toBe(
      "The handover cannot be approved yet. Ana Souza has not signed the design transfer agreement.",
    );
    // The confirmation box is required (the page explains it; nothing moves).
    await sign(await loginAs(server, s.winner), s.contestId, "Ana Souza");
    res = await asClient.post(`/contests/${s.contestId}/handover/approve`, {});
    expect(res.status).toBe(400);
    expect((await loadContest(db(), s.contestId))!.status).toBe("handover");
    expect((await money(s.contestId, s.winner)).resolutions).toEqual([]);
    // Only the client approves.
    const asWinner = await loginAs(server, s.winner);
    expect((await asWinner.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" })).status).toBe(
      403,
    );
    expect(
      (await (await loginAs(server, s.stranger)).get(`/contests/${s.contestId}/handover/approve`)).status,
    ).toBe(404);
  });

  it("completes the contest and releases the prize to the designer and the fee to the platform", async () => {
    const s = await readyHandover();
    const confirm = await s.asClient.get(`/contests/${s.contestId}/handover/approve`);
    const html = decode(await confirm.text());
    expect(html).toContain("I have checked the files, and I release $499 to Ana Souza.");
    const res = await s.asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${s.contestId}/handover?approved=1`);
    const contest = (await loadContest(db(), s.contestId))!;
    expect(contest.status).toBe("completed");
    const m = await money(s.contestId, s.winner);
    expect(m.resolutions).toHaveLength(1);
    expect(m.prizes).toEqual([PRIZE]);
    expect(m.fees).toEqual([platformFee(PRIZE, "USD")]);
    expect(m.balance).toMatchObject({ available: PRIZE, inFlight: 0, paidOut: 0 });
    expect(m.trial.balanced).toBe(true);
    expect(await completions(s.contestId)).toEqual(["handover_approved"]);
    const told = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.winner)
      .execute();
    expect(told.map((n) => n.kind)).toContain("contest.prize_released");
    // A second click finds it done, and moves nothing.
    const again = await s.asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });
    expect(again.status).toBe(302);
    expect((await money(s.contestId, s.winner)).prizes).toEqual([PRIZE]);
  });

  it("releases the prize exactly once when two approvals race", async () => {
    const s = await readyHandover();
    const both = await Promise.all([
      approveHandover({ contestId: s.contestId, clientId: s.client }),
      approveHandover({ contestId: s.contestId, clientId: s.client }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(both.filter((r) => r.ok && !r.alreadyApproved)).toHaveLength(1);
    const m = await money(s.contestId, s.winner);
    expect(m.resolutions).toHaveLength(1);
    expect(m.prizes).toEqual([PRIZE]);
    expect(m.balance.available).toBe(PRIZE);
    expect(m.trial.balanced).toBe(true);
    expect(await completions(s.contestId)).toHaveLength(1);
  });

  it("releases the prize exactly once when the client's approval races the automatic one", async () => {
    const s = await readyHandover();
    const contest = (await loadContest(db(), s.contestId))!;
    advanceClock(contest.roundEndsAt! - Date.now() + HOUR);
    const [approval] = await Promise.all([
      approveHandover({ contestId: s.contestId, clientId: s.client }),
      runContestDeadline({ contestId: s.contestId, version: contest.version }),
      drainJobs(),
    ]);
    expect(approval.ok).toBe(true);
    const m = await money(s.contestId, s.winner);
    expect(m.resolutions).toHaveLength(1);
    expect(m.prizes).toEqual([PRIZE]);
    expect(m.fees).toHaveLength(1);
    expect(m.balance.available).toBe(PRIZE);
    expect(m.trial.balanced).toBe(true);
    expect(await completions(s.contestId)).toHaveLength(1);
    expect((await loadContest(db(), s.contestId))!.status).toBe("completed");
  });

  it("is approved automatically five days after the first upload when the client stays silent, and tells the client", async () => {
    const s = await handoverSetup({ prize: PRIZE });
    const asWinner = await loginAs(server, s.winner);
    await uploadFinal(asWinner, s.contestId, "logo.png", FILES.png);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    advanceClock(5 * DAY - HOUR);
    await drainJobs();
    expect((await loadContest(db(), s.contestId))!.status).toBe("handover");
    advanceClock(2 * HOUR);
    await drainJobs();
    expect((await loadContest(db(), s.contestId))!.status).toBe("completed");
    expect(await completions(s.contestId)).toEqual(["handover_auto_approved"]);
    const m = await money(s.contestId, s.winner);
    expect(m.prizes).toEqual([PRIZE]);
    expect(m.trial.balanced).toBe(true);
    const told = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.client)
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(told.map((n) => n.kind)).toContain("contest.handover_auto_approved");
  });

  it("waits for the winner's signature before approving for a silent client, then approves at the next check", async () => {
    const s = await handoverSetup({ prize: PRIZE });
    const asWinner = await loginAs(server, s.winner);
    await uploadFinal(asWinner, s.contestId, "logo.png", FILES.png);
    advanceClock(5 * DAY + HOUR);
    await drainJobs();
    const waiting = (await loadContest(db(), s.contestId))!;
    expect(waiting.status).toBe("handover");
    expect(waiting.roundEndsAt).toBeGreaterThan(now() + DAY - 2 * HOUR);
    const m = await money(s.contestId, s.winner);
    expect(m.resolutions).toHaveLength(0);
    expect(m.balance.available).toBe(0);
    const toldWinner = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.winner)
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(toldWinner.map((n) => n.kind)).toContain("contest.handover_sign_to_be_paid");
    const page = decode(await (await asWinner.get(`/contests/${s.contestId}/handover`)).text());
    expect(page).toContain("The automatic approval needs your signature on the agreement first");

    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    advanceClock(DAY + HOUR);
    await drainJobs();
    expect((await loadContest(db(), s.contestId))!.status).toBe("completed");
    expect(await completions(s.contestId)).toEqual(["handover_auto_approved"]);
    expect((await money(s.contestId, s.winner)).prizes).toEqual([PRIZE]);
    const timeline = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", s.contestId)
      .execute();
    const kinds = timeline.map((e) => e.kind);
    expect(kinds).toContain("handover_waiting_for_signature");
    expect(kinds).toContain("handover_auto_approved");
  });
});

describe("reminders before the automatic approval", () => {
  it("reminds the client in the app and by mail 2 days and 1 day before, once each", async () => {
    const s = await handoverSetup();
    await uploadFinal(await loginAs(server, s.winner), s.contestId, "logo.png", FILES.png);
    const client = await db()
      .selectFrom("users")
      .select("email")
      .where("id", "=", s.client)
      .executeTakeFirstOrThrow();
    const reminders = () =>
      db()
        .selectFrom("notifications")
        .select("kind")
        .where("user_id", "=", s.client)
        .where("kind", "like", "handover.reminder.%")
        .orderBy("created_at")
        .execute();
    const mails = () =>
      db()
        .selectFrom("outbox_mail")
        .select(["subject", "text_body"])
        .where("to_address", "=", client.email)
        .where("subject", "like", "%left to review%")
        .execute();

    advanceClock(2 * DAY);
    await drainJobs();
    expect(await reminders()).toEqual([]);
    advanceClock(DAY + HOUR); // 3 days and an hour in: 2 days left
    await drainJobs();
    expect((await reminders()).map((r) => r.kind)).toEqual(["handover.reminder.2"]);
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("2 days left to review the files for “Logo for Pain d'Or”");
    expect(sent[0]!.text_body).toContain(`/contests/${s.contestId}/handover`);
    expect(sent[0]!.text_body).toContain("Ana Souza has delivered the final files");

    advanceClock(DAY);
    await drainJobs();
    expect((await reminders()).map((r) => r.kind)).toEqual(["handover.reminder.2", "handover.reminder.1"]);
    sent = await mails();
    expect(sent.map((m) => m.subject)).toContain("1 day left to review the files for “Logo for Pain d'Or”");

    // A job run again (a worker died after its commit) sends nothing twice.
    const contest = (await loadContest(db(), s.contestId))!;
    expect(await sendHandoverReminder({ contestId: s.contestId, version: contest.version, days: 1 })).toBe(
      "skipped",
    );
    expect(await mails()).toHaveLength(2);
  });

  it("does nothing once the contest has moved on (approved before the reminder is due)", async () => {
    const s = await readyHandover();
    const started = (await loadContest(db(), s.contestId))!;
    await approveHandover({ contestId: s.contestId, clientId: s.client });
    advanceClock(4 * DAY + HOUR);
    await drainJobs();
    const reminders = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.client)
      .where("kind", "like", "handover.reminder.%")
      .execute();
    expect(reminders).toEqual([]);
    expect(await sendHandoverReminder({ contestId: s.contestId, version: started.version, days: 2 })).toBe(
      "skipped",
    );
    const jobs = await db()
      .selectFrom("jobs")
      .select(["status"])
      .where("kind", "=", "handover.reminder")
      .where("unique_key", "like", `handover.reminder:${s.contestId}:%`)
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(["done", "done"]);
  });
});
