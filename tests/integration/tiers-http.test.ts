import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { presetAmount } from "~/modules/contests/brief";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { now } from "~/utils/clock.server";
import { decode, formError } from "../helpers/contests";
import { makeLaunchedContest, makeReadyDraft, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, sign, uploadFinal } from "../helpers/handover";
import { makePng, entryForm } from "../helpers/images";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const GOLD = presetAmount("logo", "gold", "USD");
const PLATINUM = presetAmount("logo", "platinum", "USD");

/** Completed logo contests won by `designer` (what their level in logo is made of). */
async function wins(designer: string, n: number) {
  const client = await makeUser("Past Client", "client");
  for (let i = 0; i < n; i++) {
    const c = await makeLaunchedContest(client);
    const entry = await makeReadyEntry(c.id, designer);
    await db()
      .updateTable("contests")
      .set({ status: "completed", winner_id: designer, winning_entry_id: entry, ended_at: now() })
      .where("id", "=", c.id)
      .execute();
  }
}

const entryPage = async (userId: string, contestId: string) =>
  decode(
    await (await loginAs(server, userId)).get(`/contests/${contestId}/entries/new`).then((r) => r.text()),
  );

async function upload(userId: string, contestId: string) {
  return (await loginAs(server, userId)).post(
    `/contests/${contestId}/entries/new`,
    entryForm({ title: "Mark", note: "" }, { name: "logo.png", type: "image/png", bytes: await makePng(3) }),
  );
}

describe("contest tiers", () => {
  it("are stated in the brief's packages and, once launched, on the brief designers read", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const draft = await makeReadyDraft(client);
    const prizeStep = decode(
      await (await loginAs(server, client)).get(`/contests/${draft}/edit?step=4`).then((r) => r.text()),
    );
    expect(prizeStep).toMatch(/data-testid="tier-bronze">Open to every designer</);
    expect(prizeStep).toMatch(
      /data-testid="tier-gold">Mid and top level designers · 15% shared among the finalists</,
    );
    expect(prizeStep).toMatch(
      /data-testid="tier-platinum">Top level designers only · 15% shared among the finalists</,
    );

    const gold = await makeLaunchedContest(client, { prize: GOLD });
    const row = await db()
      .selectFrom("contests")
      .select(["tier", "finalist_share_bps"])
      .where("id", "=", gold.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ tier: "gold", finalist_share_bps: 1500 });
    const brief = decode(
      await server
        .client()
        .get(`/contests/${gold.id}`)
        .then((r) => r.text()),
    );
    expect(brief).toContain(
      "Gold contest: open to mid and top level designers in this category. A designer the client invites can always enter.",
    );
    const share = Math.floor((GOLD * 1500) / 10_000) / 100;
    expect(brief).toContain(
      `15% of the prize ($${share.toLocaleString("en-US")}) is shared equally among the finalists who do not win, paid when the prize is released.`,
    );

    const plain = await makeLaunchedContest(client);
    const plainBrief = decode(
      await server
        .client()
        .get(`/contests/${plain.id}`)
        .then((r) => r.text()),
    );
    expect(plainBrief).toContain("contest: open to every designer.");
    expect(plainBrief).not.toContain('data-testid="finalist-share"');
  });

  it("let a designer enter from the tier's level up, in the contest's category, or when invited", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const gold = await makeLaunchedContest(client, { prize: GOLD });
    const platinum = await makeLaunchedContest(client, { prize: PLATINUM });
    const newcomer = await makeUser("New Designer");
    const seasoned = await makeUser("Seasoned Designer");
    await wins(seasoned, 2);

    expect(await entryPage(newcomer, gold.id)).toContain(
      "This is a Gold contest: it is open to mid and top level designers in its category, and you are at entry level there.",
    );
    const refused = await upload(newcomer, gold.id);
    expect(refused.status).toBe(403);
    expect(
      await db().selectFrom("entries").select("id").where("contest_id", "=", gold.id).execute(),
    ).toHaveLength(0);

    expect(await entryPage(seasoned, gold.id)).not.toContain("This is a Gold contest");
    expect((await upload(seasoned, gold.id)).status).toBe(302);
    expect(await entryPage(seasoned, platinum.id)).toContain(
      "This is a Platinum contest: it is open to top level designers in its category, and you are at mid level there.",
    );

    // A designer the client invited by name, from their profile, enters whatever their level.
    const handle = (
      await db().selectFrom("users").select("handle").where("id", "=", newcomer).executeTakeFirstOrThrow()
    ).handle!;
    const invited = await (
      await loginAs(server, client)
    ).post(`/designers/${handle}/network`, {
      intent: "invite",
      contestId: gold.id,
      back: `/designers/${handle}`,
    });
    expect(invited.status).toBe(302);
    expect(await entryPage(newcomer, gold.id)).not.toContain("This is a Gold contest");
    expect((await upload(newcomer, gold.id)).status).toBe(302);
  });

  it("limit an entry-level designer to 10 contests in 28 days, and say so on the dashboard", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const busy = await makeUser("Busy Newcomer");
    for (let i = 0; i < 10; i++) await makeReadyEntry((await makeLaunchedContest(client)).id, busy);
    const dashboard = decode(await (await loginAs(server, busy)).get("/dashboard").then((r) => r.text()));
    expect(dashboard).toContain("At entry level you take part in up to 10 contests in 28 days (10 so far).");

    const eleventh = await makeLaunchedContest(client);
    expect(await entryPage(busy, eleventh.id)).toContain(
      "As an entry-level designer you can take part in 10 contests in 28 days, and you have reached that.",
    );
    const res = await upload(busy, eleventh.id);
    expect(res.status).toBe(409);

    // A mid-level designer has no such limit.
    await wins(busy, 2);
    expect((await upload(busy, eleventh.id)).status).toBe(302);
  });
});

describe("fair pay for finalists", () => {
  it("pays the finalists who did not win their share when the prize is released, through the ledger", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const winner = await makeUser("Ana Souza");
    const second = await makeUser("Ben Okafor");
    const third = await makeUser("Chloé Martin");
    await wins(winner, 2);
    const contest = await makeLaunchedContest(client, { prize: GOLD });
    const entries: string[] = [];
    for (const d of [winner, second, third]) entries.push(await makeReadyEntry(contest.id, d));
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_finalists",
        designerIds: [winner, second, third],
        verdict: await computeVerdict(trx, c),
      }),
    });
    await db()
      .updateTable("contests")
      .set({ status: "winner_selection" })
      .where("id", "=", contest.id)
      .execute();
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_winner",
        designerId: winner,
        entryId: entries[0]!,
        verdict: await computeVerdict(trx, c),
      }),
    });
    const asWinner = await loginAs(server, winner);
    const asClient = await loginAs(server, client);
    expect((await uploadFinal(asWinner, contest.id, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, contest.id, "Ana Souza")).status).toBe(302);
    expect((await sign(asClient, contest.id, "Camille Tremblay")).status).toBe(302);

    const shared = Math.floor((GOLD * 1500) / 10_000);
    const dollars = (minor: number) =>
      `$${(minor / 100).toLocaleString("en-US", { minimumFractionDigits: 0 })}`;
    const approvePage = decode(
      await asClient.get(`/contests/${contest.id}/handover/approve`).then((r) => r.text()),
    );
    expect(approvePage).toContain(
      `As the brief said, ${dollars(shared)} of the prize is shared among the 2 finalists who did not win; Ana Souza receives ${dollars(GOLD - shared)}.`,
    );
    expect((await asClient.post(`/contests/${contest.id}/handover/approve`, { confirm: "on" })).status).toBe(
      302,
    );

    const prizes = await db()
      .selectFrom("ledger_transfers")
      .innerJoin("ledger_accounts", "ledger_accounts.id", "ledger_transfers.credit_account_id")
      .select(["ledger_accounts.owner_id", "ledger_transfers.amount"])
      .where("ledger_transfers.contest_id", "=", contest.id)
      .where("ledger_transfers.code", "=", "prize")
      .execute();
    const paid = Object.fromEntries(prizes.map((p) => [p.owner_id, Number(p.amount)]));
    expect(paid).toEqual({
      [winner]: GOLD - shared,
      [second]: shared / 2,
      [third]: shared / 2,
    });
    const told = await db()
      .selectFrom("notifications")
      .select("user_id")
      .where("kind", "=", "contest.finalist_share")
      .where("contest_id", "=", contest.id)
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([second, third].sort());
    const asSecond = await loginAs(server, second);
    const note = decode(await asSecond.get("/notifications").then((r) => r.text()));
    expect(note).toContain(`as a finalist, you receive ${dollars(shared / 2)} of it.`);
    expect(formError(note)).toBeNull();
  });
});
