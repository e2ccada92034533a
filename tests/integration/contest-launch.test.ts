import { describe, expect, it } from "vitest";
import type { Refusal } from "~/modules/refusal";
import { refusalMessage } from "~/utils/refusals.server";
import { db } from "~db/index";
import { applyContestEvent, loadContest } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { launchContest, launchFundedDrafts } from "~/modules/contests/launch.server";
import { platformFee } from "~/modules/escrow/ledger";
import { designerBalance, escrowOf, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { chargeForContest } from "~/modules/escrow/payments.server";
import { SANDBOX_CARDS } from "~/modules/escrow/provider";
import { advanceClock } from "~/utils/clock.server";
import { DAY, MINUTE } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { makeLaunchedContest, makeReadyDraft, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { drainJobs } from "../helpers/jobs";

/** Billed outside Canada: no sales tax, so the amounts here are the prize and the fee. */
const OUTSIDE_CANADA = { country: "US" };
const launchTotal = (c: { prize: number; currency: string }) => {
  const fee = platformFee(c.prize, c.currency as "USD");
  return { prize: c.prize, fee, total: c.prize + fee, currency: c.currency };
};

const card = (number: string) => ({
  number,
  expMonth: 12,
  expYear: 2030,
  cvc: "123",
  name: "Camille Tremblay",
});

async function charges(contestId: string) {
  const intents = await db()
    .selectFrom("payment_intents")
    .select("idempotency_key")
    .where("contest_id", "=", contestId)
    .execute();
  if (intents.length === 0) return [];
  return db()
    .selectFrom("sandbox_operations")
    .selectAll()
    .where("kind", "=", "charge")
    .where("outcome", "=", "succeeded")
    .where(
      "idempotency_key",
      "in",
      intents.map((i) => `charge:${i.idempotency_key}`),
    )
    .execute();
}

describe("launching a contest", () => {
  it("charges the prize plus the platform fee, holds it in escrow and starts the qualifying round", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeReadyDraft(client, { prize: 49_900 });
    const result = await launchContest({
      contestId: id,
      clientId: client,
      card: card(SANDBOX_CARDS.success),
      billing: OUTSIDE_CANADA,
      idempotencyKey: newId(),
    });
    expect(result.ok).toBe(true);
    const contest = (await loadContest(db(), id))!;
    expect(contest.status).toBe("qualifying");
    const { total, fee } = launchTotal(contest);
    expect(fee).toBe(7_485); // 15% of 499.00
    const escrow = await escrowOf(db(), id);
    expect(escrow).toMatchObject({ status: "held", held: total, prize: 49_900, fee });
    expect(await charges(id)).toHaveLength(1);
    expect((await trialBalance(db())).balanced).toBe(true);
  });

  it("charges once for a double click (two requests with the same key at once)", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeReadyDraft(client);
    const key = newId();
    const both = await Promise.all([
      launchContest({
        contestId: id,
        clientId: client,
        card: card(SANDBOX_CARDS.success),
        billing: OUTSIDE_CANADA,
        idempotencyKey: key,
      }),
      launchContest({
        contestId: id,
        clientId: client,
        card: card(SANDBOX_CARDS.success),
        billing: OUTSIDE_CANADA,
        idempotencyKey: key,
      }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(await charges(id)).toHaveLength(1);
    expect((await loadContest(db(), id))!.status).toBe("qualifying");
  });

  it("charges once when the first answer was lost and the client retries with the same key", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeReadyDraft(client);
    const key = newId();
    const first = await launchContest({
      contestId: id,
      clientId: client,
      card: card(SANDBOX_CARDS.timeoutAfterSuccess),
      billing: OUTSIDE_CANADA,
      idempotencyKey: key,
    });
    // The provider's answer was lost: the charge refusal says to try again with the same key.
    expect(first).toMatchObject({ ok: false, area: "charge", reason: "try_again" });
    expect((await loadContest(db(), id))!.status).toBe("draft");
    const retry = await launchContest({
      contestId: id,
      clientId: client,
      card: card(SANDBOX_CARDS.timeoutAfterSuccess),
      billing: OUTSIDE_CANADA,
      idempotencyKey: key,
    });
    expect(retry.ok).toBe(true);
    expect(await charges(id)).toHaveLength(1);
  });

  it("launches on its own when the payment settles after the request has gone", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeReadyDraft(client);
    const contest = (await loadContest(db(), id))!;
    // The charge went through, then the process died before the launch.
    const { prize, fee, currency } = launchTotal(contest);
    const charged = await chargeForContest({
      contestId: id,
      clientId: client,
      prize,
      fee,
      currency,
      card: SANDBOX_CARDS.success,
      idempotencyKey: newId(),
    });
    expect(charged.ok).toBe(true);
    expect((await loadContest(db(), id))!.status).toBe("draft");
    advanceClock(3 * MINUTE);
    expect(await launchFundedDrafts()).toBe(1);
    expect((await loadContest(db(), id))!.status).toBe("qualifying");
  });

  it("keeps a declined card's contest a draft, charges nothing and says why", async () => {
    const client = await makeUser("Client", "client");
    const id = await makeReadyDraft(client);
    const result = await launchContest({
      contestId: id,
      clientId: client,
      card: card(SANDBOX_CARDS.insufficientFunds),
      billing: OUTSIDE_CANADA,
      idempotencyKey: newId(),
    });
    expect(result).toMatchObject({ ok: false, area: "charge", reason: "declined" });
    expect(refusalMessage(result as Refusal, "en")).toMatch(/insufficient funds/i);
    expect((await loadContest(db(), id))!.status).toBe("draft");
    expect((await escrowOf(db(), id)).status).toBe("none");
  });

  it("refuses an incomplete brief, and another client's contest, before any charge", async () => {
    const client = await makeUser("Client", "client");
    const other = await makeUser("Other", "client");
    const id = await makeReadyDraft(client);
    expect(
      await launchContest({
        contestId: id,
        clientId: other,
        card: card(SANDBOX_CARDS.success),
        billing: OUTSIDE_CANADA,
        idempotencyKey: newId(),
      }),
    ).toEqual({
      ok: false,
      reason: "not_owner",
    });
    await db().updateTable("contests").set({ description: "" }).where("id", "=", id).execute();
    expect(
      await launchContest({
        contestId: id,
        clientId: client,
        card: card(SANDBOX_CARDS.success),
        billing: OUTSIDE_CANADA,
        idempotencyKey: newId(),
      }),
    ).toMatchObject({
      ok: false,
      reason: "incomplete",
      missing: ["about"],
    });
    expect(
      await db().selectFrom("payment_intents").selectAll().where("contest_id", "=", id).execute(),
    ).toEqual([]);
  });
});

describe("money at the end of a contest", () => {
  it("refunds an unguaranteed contest in full, on the ledger and on the card", async () => {
    const client = await makeUser("Client", "client");
    const contest = await makeLaunchedContest(client);
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: { type: "refund" },
    });
    expect((await escrowOf(db(), contest.id)).status).toBe("refunded");
    await drainJobs();
    const refunds = await db()
      .selectFrom("sandbox_operations")
      .selectAll()
      .where("kind", "=", "refund")
      .execute();
    const escrow = await escrowOf(db(), contest.id);
    expect(refunds.map((r) => r.amount)).toContain(escrow.prize + escrow.fee);
    expect((await trialBalance(db())).balanced).toBe(true);
  });

  it("awards a silent client's guaranteed prize to the top finalist by rule, once", async () => {
    const client = await makeUser("Client", "client");
    const [a, b] = [await makeUser("Ana"), await makeUser("Ben")];
    const contest = await makeLaunchedContest(client, { prize: 60_000 });
    await makeReadyEntry(contest.id, a);
    await makeReadyEntry(contest.id, b);
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_finalists",
        designerIds: [a, b],
        verdict: await computeVerdict(trx, c),
      }),
    });
    // The client goes silent: the final round ends, then winner selection times out.
    advanceClock(3 * DAY + MINUTE);
    await drainJobs();
    advanceClock(14 * DAY + MINUTE);
    await drainJobs();
    await drainJobs();
    const after = (await loadContest(db(), contest.id))!;
    expect(after.status).toBe("completed");
    expect((await escrowOf(db(), contest.id)).status).toBe("awarded");
    // No ratings: split equally between the two finalists.
    expect(
      (await designerBalance(db(), a, "USD")).available + (await designerBalance(db(), b, "USD")).available,
    ).toBe(60_000);
    expect((await designerBalance(db(), a, "USD")).available).toBe(30_000);
    expect((await trialBalance(db())).balanced).toBe(true);
    const kinds = (
      await db().selectFrom("contest_events").select("kind").where("contest_id", "=", contest.id).execute()
    ).map((e) => e.kind);
    expect(kinds).toContain("split_by_rule");
  });
});
