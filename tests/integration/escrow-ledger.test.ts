import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { migrations } from "~db/migrations/index";
import {
  balanceOf,
  clientReceipts,
  designerBalance,
  designerMovements,
  escrowOf,
  trialBalance,
} from "~/modules/escrow/ledger-reads.server";
import { awardEscrow, holdInEscrow, refundEscrow, type HoldInput } from "~/modules/escrow/ledger.server";
import { equalAwards, platformFee } from "~/modules/escrow/ledger";
import { advanceClock, freezeClock } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { isPostgresRun } from "../setup/db-template";

function holdFor(overrides: Partial<HoldInput> = {}): HoldInput {
  return {
    contestId: `contest-${newId()}`,
    clientId: `client-${newId()}`,
    prize: 500_00,
    fee: platformFee(500_00, "USD"),
    currency: "USD",
    idempotencyKey: `hold-${newId()}`,
    paymentRef: `ch_${newId()}`,
    ...overrides,
  };
}

async function held(overrides: Partial<HoldInput> = {}) {
  const input = holdFor(overrides);
  const result = await transaction((trx) => holdInEscrow(trx, input));
  if (!result.ok) throw new Error(`hold failed: ${result.reason}`);
  return { input, result };
}

const count = async (table: "ledger_transfers" | "escrows" | "escrow_resolutions") =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("holding a contest's prize in escrow", () => {
  it("is one pending transfer from the client's payments into the contest's escrow", async () => {
    const { input, result } = await held();
    expect(result.ok && result.transfer).toMatchObject({
      phase: "pending",
      amount: 500_00 + 75_00,
      currency: "USD",
      code: "escrow_hold",
      contest_id: input.contestId,
    });
    expect(await escrowOf(db(), input.contestId)).toEqual({
      status: "held",
      held: 575_00,
      prize: 500_00,
      fee: 75_00,
      tax: 0,
      currency: "USD",
    });
    const escrow = await balanceOf(db(), {
      kind: "contest_escrow",
      contestId: input.contestId,
      currency: "USD",
    });
    expect(escrow).toMatchObject({ creditsPending: 575_00, posted: 0, pending: 575_00 });
    const client = await balanceOf(db(), {
      kind: "client_payments",
      clientId: input.clientId,
      currency: "USD",
    });
    expect(client).toMatchObject({ debitsPending: 575_00, posted: 0 });
  });

  it("returns the first hold when called again with the same key, never a second hold", async () => {
    const { input, result: first } = await held();
    const before = await count("ledger_transfers");
    const again = await transaction((trx) => holdInEscrow(trx, input));
    expect(again.ok && again.replayed).toBe(true);
    expect(again.ok && again.transfer.id).toBe(first.ok && first.transfer.id);
    expect(await count("ledger_transfers")).toBe(before);
  });

  it("refuses a second hold for a funded contest, and a key reused for another hold", async () => {
    const { input } = await held();
    const second = await transaction((trx) =>
      holdInEscrow(trx, { ...input, idempotencyKey: `other-${newId()}` }),
    );
    expect(second).toMatchObject({ ok: false, reason: "already_held" });
    const reused = await transaction((trx) => holdInEscrow(trx, { ...input, prize: 900_00 }));
    expect(reused).toEqual({ ok: false, reason: "key_reused" });
    expect((await escrowOf(db(), input.contestId)).held).toBe(575_00);
  });

  it("refuses amounts that are not whole minor units and unknown currencies", async () => {
    const bads = [
      { prize: 0 },
      { prize: 10.5, fee: 1 },
      { fee: -1 },
      { prize: Number.MAX_SAFE_INTEGER, fee: 1 },
    ];
    for (const bad of bads) {
      const result = await transaction((trx) => holdInEscrow(trx, holdFor(bad)));
      expect(result).toEqual({ ok: false, reason: "invalid_amount" });
    }
    const result = await transaction((trx) => holdInEscrow(trx, holdFor({ currency: "XYZ" })));
    expect(result).toEqual({ ok: false, reason: "unknown_currency" });
  });

  it("holds once when two holds with the same key race", async () => {
    const input = holdFor();
    const results = await Promise.all([1, 2, 3].map(() => transaction((trx) => holdInEscrow(trx, input))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.transfer.id)).size).toBe(1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    const holds = await db()
      .selectFrom("ledger_transfers")
      .select("id")
      .where("contest_id", "=", input.contestId)
      .execute();
    expect(holds).toHaveLength(1);
  });
});

describe("awarding an escrow", () => {
  it("posts it: the prize to the designer, the fee to the platform, the escrow empty", async () => {
    const { input } = await held();
    const fees = await balanceOf(db(), { kind: "platform_fees", currency: "USD" });
    const designerId = `designer-${newId()}`;
    const result = await transaction((trx) =>
      awardEscrow(trx, {
        contestId: input.contestId,
        awards: [{ designerId, amount: 500_00 }],
        idempotencyKey: `award-${input.contestId}`,
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.transfers.map((t) => [t.phase, t.code, t.amount])).toEqual([
      ["post", "escrow_release", 575_00],
      ["single", "prize", 500_00],
      ["single", "platform_fee", 75_00],
    ]);
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "awarded", held: 0 });
    expect(await designerBalance(db(), designerId, "USD")).toEqual({
      currency: "USD",
      available: 500_00,
      inFlight: 0,
      paidOut: 0,
    });
    const feesAfter = await balanceOf(db(), { kind: "platform_fees", currency: "USD" });
    expect(feesAfter.posted - fees.posted).toBe(75_00);
    const escrow = await balanceOf(db(), {
      kind: "contest_escrow",
      contestId: input.contestId,
      currency: "USD",
    });
    expect(escrow).toMatchObject({ posted: 0, pending: 0, creditsPosted: 575_00, debitsPosted: 575_00 });
    const client = await balanceOf(db(), {
      kind: "client_payments",
      clientId: input.clientId,
      currency: "USD",
    });
    expect(client).toMatchObject({ posted: -575_00, pending: 0 });
  });

  it("splits among finalists to the last cent, the first ones getting the remainder", async () => {
    const { input } = await held({ prize: 1000_01, fee: 150_00 });
    const designers = ["a", "b", "c"].map((d) => `${d}-${newId()}`);
    const result = await transaction((trx) =>
      awardEscrow(trx, {
        contestId: input.contestId,
        awards: equalAwards(1000_01, designers),
        idempotencyKey: newId(),
      }),
    );
    expect(result.ok).toBe(true);
    const balances = await Promise.all(designers.map((d) => designerBalance(db(), d, "USD")));
    expect(balances.map((b) => b.available)).toEqual([333_34, 333_34, 333_33]);
  });

  it("refuses awards that do not add up to the prize, and writes nothing", async () => {
    const { input } = await held();
    const before = await count("ledger_transfers");
    const result = await transaction((trx) =>
      awardEscrow(trx, {
        contestId: input.contestId,
        awards: [{ designerId: "d", amount: 499_99 }],
        idempotencyKey: newId(),
      }),
    );
    expect(result).toEqual({ ok: false, reason: "invalid_awards", problem: "sum_differs_from_prize" });
    expect(await count("ledger_transfers")).toBe(before);
    expect((await escrowOf(db(), input.contestId)).status).toBe("held");
  });

  it("is a no-op success when retried with the same key, and refused with another", async () => {
    const { input } = await held();
    const award = { contestId: input.contestId, awards: [{ designerId: newId(), amount: 500_00 }] };
    const keyOnOtherContest = await held();
    const first = await transaction((trx) => awardEscrow(trx, { ...award, idempotencyKey: "award-once" }));
    const before = await count("ledger_transfers");
    const retry = await transaction((trx) => awardEscrow(trx, { ...award, idempotencyKey: "award-once" }));
    expect(retry.ok && retry.replayed).toBe(true);
    expect(retry.ok && retry.transfers.map((t) => t.id)).toEqual(
      first.ok && first.transfers.map((t) => t.id),
    );
    const other = await transaction((trx) => awardEscrow(trx, { ...award, idempotencyKey: "award-twice" }));
    expect(other).toEqual({ ok: false, reason: "already_resolved", outcome: "awarded" });
    const refund = await transaction((trx) =>
      refundEscrow(trx, { contestId: input.contestId, idempotencyKey: "r" }),
    );
    expect(refund).toEqual({ ok: false, reason: "already_resolved", outcome: "awarded" });
    const reused = await transaction((trx) =>
      awardEscrow(trx, {
        ...award,
        contestId: keyOnOtherContest.input.contestId,
        idempotencyKey: "award-once",
      }),
    );
    expect(reused).toEqual({ ok: false, reason: "key_reused" });
    expect(await count("ledger_transfers")).toBe(before);
  });

  it("answers no_escrow for a contest that was never funded", async () => {
    const result = await transaction((trx) =>
      awardEscrow(trx, {
        contestId: "nope",
        awards: [{ designerId: "d", amount: 1 }],
        idempotencyKey: newId(),
      }),
    );
    expect(result).toEqual({ ok: false, reason: "no_escrow" });
    expect(await escrowOf(db(), "nope")).toEqual({
      status: "none",
      held: 0,
      prize: 0,
      fee: 0,
      tax: 0,
      currency: null,
    });
  });
});

describe("a resolution's transfers", () => {
  it("list in the order they were written, by time, not by their keys: twelve finalists, and the clock moved back since the hold", async () => {
    freezeClock(Date.UTC(2026, 6, 2));
    const { input } = await held({ prize: 78_00, fee: 0 });
    freezeClock(Date.UTC(2026, 6, 1));
    // Twelve amounts, all different, adding up to the prize: 1.00 … 12.00.
    const awards = Array.from({ length: 12 }, (_, i) => ({
      designerId: `designer-${newId()}`,
      amount: (i + 1) * 1_00,
    }));
    const award = () =>
      transaction((trx) =>
        awardEscrow(trx, { contestId: input.contestId, awards, idempotencyKey: `award-${input.contestId}` }),
      );
    const expected = [["post", "escrow_release", 78_00], ...awards.map((a) => ["single", "prize", a.amount])];
    const first = await award();
    expect(first.ok && first.transfers.map((t) => [t.phase, t.code, t.amount])).toEqual(expected);
    const times = first.ok ? first.transfers.map((t) => Number(t.created_at)) : [];
    expect(times.every((at, i) => i === 0 || at > times[i - 1]!)).toBe(true);
    const replay = await award();
    expect(replay).toMatchObject({ ok: true, replayed: true });
    expect(replay.ok && replay.transfers.map((t) => t.id)).toEqual(
      first.ok && first.transfers.map((t) => t.id),
    );
  });
});

describe("refunding an escrow", () => {
  it("voids it: the whole amount, prize and fee, goes back out to the client", async () => {
    const { input } = await held();
    const refundsBefore = await balanceOf(db(), { kind: "refunds_out", currency: "USD" });
    const result = await transaction((trx) =>
      refundEscrow(trx, { contestId: input.contestId, idempotencyKey: `refund-${input.contestId}` }),
    );
    expect(result.ok && result.transfers.map((t) => [t.phase, t.code, t.amount])).toEqual([
      ["void", "escrow_void", 575_00],
      ["single", "refund", 575_00],
    ]);
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "refunded", held: 0 });
    const escrow = await balanceOf(db(), {
      kind: "contest_escrow",
      contestId: input.contestId,
      currency: "USD",
    });
    expect(escrow).toMatchObject({ posted: 0, pending: 0, creditsPosted: 0 });
    const refunds = await balanceOf(db(), { kind: "refunds_out", currency: "USD" });
    expect(refunds.posted - refundsBefore.posted).toBe(575_00);
    const again = await transaction((trx) =>
      refundEscrow(trx, { contestId: input.contestId, idempotencyKey: `refund-${input.contestId}` }),
    );
    expect(again.ok && again.replayed).toBe(true);
    const award = await transaction((trx) =>
      awardEscrow(trx, {
        contestId: input.contestId,
        awards: [{ designerId: "d", amount: 500_00 }],
        idempotencyKey: "x",
      }),
    );
    expect(award).toEqual({ ok: false, reason: "already_resolved", outcome: "refunded" });
  });

  it("resolves exactly once when an award and a refund race", async () => {
    for (let round = 0; round < 5; round++) {
      const { input } = await held();
      const results = await Promise.all([
        transaction((trx) =>
          awardEscrow(trx, {
            contestId: input.contestId,
            awards: [{ designerId: "racer", amount: 500_00 }],
            idempotencyKey: `a-${input.contestId}`,
          }),
        ),
        transaction((trx) =>
          refundEscrow(trx, { contestId: input.contestId, idempotencyKey: `r-${input.contestId}` }),
        ),
        transaction((trx) =>
          refundEscrow(trx, { contestId: input.contestId, idempotencyKey: `r2-${input.contestId}` }),
        ),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "already_resolved")).toBe(true);
      const resolving = await db()
        .selectFrom("ledger_transfers")
        .select("id")
        .where("contest_id", "=", input.contestId)
        .where("phase", "in", ["post", "void"])
        .execute();
      expect(resolving).toHaveLength(1);
    }
  });
});

describe("the ledger tables", () => {
  const appendOnly = ["ledger_transfers", "ledger_accounts", "escrows", "escrow_resolutions"] as const;

  it("refuse a raw UPDATE or DELETE, in the database itself", async () => {
    const { input } = await held();
    await transaction((trx) => refundEscrow(trx, { contestId: input.contestId, idempotencyKey: newId() }));
    for (const table of appendOnly) {
      await expect(sql`update ${sql.table(table)} set created_at = 0`.execute(db())).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from ${sql.table(table)}`.execute(db())).rejects.toThrow(/append-only/);
    }
    await expect(
      db()
        .updateTable("ledger_transfers")
        .set({ amount: 1 })
        .where("contest_id", "=", input.contestId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    if (isPostgresRun()) {
      await expect(sql`truncate ledger_transfers cascade`.execute(db())).rejects.toThrow(/append-only/);
    }
    expect((await escrowOf(db(), input.contestId)).status).toBe("refunded");
    expect(await count("escrow_resolutions")).toBeGreaterThan(0);
  });

  it("refuse a second resolution of a pending transfer, and one that moves another amount", async () => {
    const { result } = await held();
    const pending = result.ok ? result.transfer : null;
    const resolve = (key: string, amount: number, phase: "post" | "void") =>
      db()
        .insertInto("ledger_transfers")
        .values({
          id: newId(),
          key,
          debit_account_id: pending!.debit_account_id,
          credit_account_id: pending!.credit_account_id,
          currency: "USD",
          amount,
          phase,
          pending_id: pending!.id,
          code: "escrow_void",
          contest_id: pending!.contest_id,
          created_at: 0,
        })
        .execute();
    await expect(resolve(newId(), pending!.amount + 1, "post")).rejects.toThrow(/foreign key|constraint/i);
    await resolve(newId(), pending!.amount, "void");
    await expect(resolve(newId(), pending!.amount, "post")).rejects.toThrow(/unique|duplicate/i);
  });

  it("refuse a transfer between accounts of different currencies", async () => {
    const usd = await held();
    const eur = await held({ currency: "EUR" });
    const usdTransfer = usd.result.ok ? usd.result.transfer : null;
    const eurTransfer = eur.result.ok ? eur.result.transfer : null;
    await expect(
      db()
        .insertInto("ledger_transfers")
        .values({
          id: newId(),
          key: newId(),
          debit_account_id: usdTransfer!.credit_account_id,
          credit_account_id: eurTransfer!.credit_account_id,
          currency: "USD",
          amount: 1,
          phase: "single",
          pending_id: null,
          code: "prize",
          contest_id: null,
          created_at: 0,
        })
        .execute(),
    ).rejects.toThrow(/foreign key|constraint/i);
  });

  it("have a migration that is registered under its own name", () => {
    expect(Object.keys(migrations)).toContain("0003_escrow");
  });
});

describe("reports", () => {
  it("show a designer's earnings, a client's receipts, and a balanced trial balance", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    const clientId = `client-${newId()}`;
    const designerId = `designer-${newId()}`;
    const won = await held({ clientId, prize: 300_00, fee: 45_00 });
    advanceClock(MINUTE);
    const lost = await held({ clientId, prize: 200_00, fee: 30_00 });
    await transaction(async (trx) => {
      await awardEscrow(trx, {
        contestId: won.input.contestId,
        awards: [
          { designerId, amount: 200_00 },
          { designerId: `other-${newId()}`, amount: 100_00 },
        ],
        idempotencyKey: newId(),
      });
      await refundEscrow(trx, { contestId: lost.input.contestId, idempotencyKey: newId() });
    });

    expect(await designerMovements(db(), designerId)).toEqual([
      {
        // The clock is frozen: each transfer is dated a millisecond after the one before it.
        at: expect.closeTo(Date.UTC(2026, 6, 1) + MINUTE, -2),
        kind: "prize",
        amount: 200_00,
        currency: "USD",
        contestId: won.input.contestId,
        payoutId: null,
        payoutStatus: null,
      },
    ]);
    const receipts = await clientReceipts(db(), clientId);
    expect(receipts.map(({ fundedAt: _, ...r }) => r)).toEqual([
      {
        contestId: won.input.contestId,
        currency: "USD",
        status: "awarded",
        prize: 300_00,
        fee: 45_00,
        taxLines: [],
        tax: 0,
        taxRegion: null,
        paid: 345_00,
        feeKept: 45_00,
        refunded: 0,
      },
      {
        contestId: lost.input.contestId,
        currency: "USD",
        status: "refunded",
        prize: 200_00,
        fee: 30_00,
        taxLines: [],
        tax: 0,
        taxRegion: null,
        paid: 230_00,
        feeKept: 0,
        refunded: 230_00,
      },
    ]);
    const trial = await trialBalance(db());
    expect(trial.balanced).toBe(true);
    expect(trial.currencies.find((c) => c.currency === "USD")).toMatchObject({ posted: 0, pending: 0 });
    expect(trial.currencies.find((c) => c.currency === "USD")!.accounts).toBeGreaterThan(4);
  });
});
