import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { type Currency } from "~/modules/escrow/ledger";
import { balanceOf, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { awardEscrow, holdInEscrow, refundEscrow } from "~/modules/escrow/ledger.server";
import { launchCharge } from "~/modules/tax/charge";
import { PROVINCES, type TaxRegion } from "~/modules/tax/tax";
import { newId } from "~/utils/ids.server";
import { isPostgresRun } from "../setup/db-template";

const REGISTERED = { gst: "123456789 RT0001", qst: "1234567890 TQ0001" };
const REGIONS: TaxRegion[] = [...PROVINCES.map((p) => `CA-${p}` as TaxRegion), "US", "FR"];
const RUNS = isPostgresRun() ? 40 : 200;

describe("sales tax in the escrow ledger", () => {
  it("holds prize + fee + tax; after award the tax sits in taxes_collected, after refund it all went back; balances sum to zero", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000_00 }),
        fc.constantFrom<Currency>("CAD", "USD"),
        fc.constantFrom(...REGIONS),
        fc.boolean(),
        async (prize, currency, region, award) => {
          const contestId = newId();
          const clientId = newId();
          const charge = launchCharge(prize, currency, region, REGISTERED);
          const collected = async () =>
            Object.fromEntries(
              await Promise.all(
                ["GST", "HST", "QST", "PST"].map(async (tax) => [
                  tax,
                  (await balanceOf(db(), { kind: "taxes_collected", tax, currency })).posted,
                ]),
              ),
            ) as Record<string, number>;
          const before = await collected();
          const refundsBefore = (await balanceOf(db(), { kind: "refunds_out", currency })).posted;
          await transaction(async (trx) => {
            const hold = await holdInEscrow(trx, {
              contestId,
              clientId,
              prize,
              fee: charge.fee,
              taxes: charge.taxes,
              currency,
              idempotencyKey: `hold-${contestId}`,
              paymentRef: "ch_test",
            });
            expect(hold.ok).toBe(true);
            if (hold.ok) expect(hold.transfer.amount).toBe(charge.total);
            // The same key with other taxes is another hold: refused.
            const other = await holdInEscrow(trx, {
              contestId,
              clientId,
              prize,
              fee: charge.fee,
              currency,
              idempotencyKey: `hold-${contestId}`,
              paymentRef: "ch_test",
            });
            if (charge.taxes.total > 0) expect(other).toEqual({ ok: false, reason: "key_reused" });
            const done = award
              ? await awardEscrow(trx, {
                  contestId,
                  awards: [{ designerId: newId(), amount: prize }],
                  idempotencyKey: `award-${contestId}`,
                })
              : await refundEscrow(trx, { contestId, idempotencyKey: `refund-${contestId}` });
            expect(done).toMatchObject({ ok: true });
          });
          const after = await collected();
          for (const tax of ["GST", "HST", "QST", "PST"]) {
            const line = charge.taxes.lines.find((l) => l.tax === tax)?.amount ?? 0;
            expect(after[tax]! - before[tax]!, tax).toBe(award ? line : 0);
          }
          const refunded = (await balanceOf(db(), { kind: "refunds_out", currency })).posted - refundsBefore;
          expect(refunded).toBe(award ? 0 : charge.total);
          const escrow = await balanceOf(db(), { kind: "contest_escrow", contestId, currency });
          expect([escrow.posted, escrow.pending]).toEqual([0, 0]);
          const trial = await trialBalance(db());
          expect(trial.balanced).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  }, 240_000);
});
