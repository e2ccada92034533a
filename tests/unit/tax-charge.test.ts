import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { platformFee, type Currency } from "~/modules/escrow/ledger";
import { launchCharge, readTaxLines, taxLinesText } from "~/modules/tax/charge";
import { PROVINCES, RATE_SCALE, taxesOn, type TaxRegion } from "~/modules/tax/tax";
import { formatTaxRate, taxReceiptLines } from "~/modules/tax/words";

const REGISTERED = { gst: "123456789 RT0001", qst: "1234567890 TQ0001" };
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("the launch charge, to the cent", () => {
  it("taxes a Québec client's fee of 74.85 with GST 3.74 (3.7425) and QST 7.47 (7.4663)", () => {
    const c = launchCharge(499_00, "USD", "CA-QC", REGISTERED);
    expect(c.fee).toBe(74_85);
    expect(c.taxes.lines).toEqual([
      { tax: "GST", rate: 5_000, amount: 3_74, number: "123456789 RT0001", sandbox: false },
      { tax: "QST", rate: 9_975, amount: 7_47, number: "1234567890 TQ0001", sandbox: false },
    ]);
    expect(c.taxes.total).toBe(11_21);
    expect(c.total).toBe(499_00 + 74_85 + 11_21);
    expect(c.unregistered).toEqual([]);
  });

  it("rounds each line half up on its own: GST on 74.90 is 3.75 (3.745), QST on 20.00 is 2.00 (1.995)", () => {
    // A prize whose fee is exactly 74.90 (15 % of 499.33 = 74.8995, rounded to 74.90).
    const gst = launchCharge(499_33, "CAD", "CA-QC", REGISTERED);
    expect(gst.fee).toBe(74_90);
    expect(gst.taxes.lines[0]!.amount).toBe(3_75);
    // QST on 20.00 is 1.995, rounded up to 2.00; HST on 0.50 is 0.065, rounded up to 0.07.
    expect(taxesOn(20_00, "CAD", "CA-QC").lines.map((l) => l.amount)).toEqual([1_00, 2_00]);
    expect(taxesOn(50, "CAD", "CA-ON").lines.map((l) => l.amount)).toEqual([7]);
    // And just under a half goes down: GST on 74.89 is 3.7445 → 3.74.
    expect(taxesOn(74_89, "CAD", "CA-AB").lines.map((l) => l.amount)).toEqual([3_74]);
  });

  it("taxes an Ontario client's fee with HST 13 % (9.7305 → 9.73) and a French client's with nothing", () => {
    const on = launchCharge(499_00, "CAD", "CA-ON", REGISTERED);
    expect(on.taxes.lines.map((l) => [l.tax, l.rate, l.amount])).toEqual([["HST", 13_000, 9_73]]);
    expect(on.total).toBe(499_00 + 74_85 + 9_73);
    const fr = launchCharge(499_00, "EUR", "FR", REGISTERED);
    expect(fr.taxes).toEqual({ region: "FR", lines: [], total: 0 });
    expect(fr.total).toBe(499_00 + 74_85);
  });

  it("names the taxes it would charge without a registration number", () => {
    expect(launchCharge(499_00, "CAD", "CA-QC", { gst: "123456789 RT0001", qst: null }).unregistered).toEqual(
      ["QST"],
    );
    expect(launchCharge(499_00, "CAD", "CA-QC").unregistered).toEqual(["GST", "QST"]);
    expect(launchCharge(499_00, "CAD", "US").unregistered).toEqual([]);
  });

  it("keeps its lines through the stored JSON, and drops what is malformed", () => {
    const lines = launchCharge(499_00, "CAD", "CA-QC", { ...REGISTERED, sandbox: true }).taxes.lines;
    expect(readTaxLines(taxLinesText(lines))).toEqual(lines);
    expect(readTaxLines("not json")).toEqual([]);
    expect(readTaxLines('[{"tax":"VAT","rate":1,"amount":1}]')).toEqual([]);
  });
});

describe("tax lines in words", () => {
  it("formats rates with Intl in the reader's locale", () => {
    expect(formatTaxRate(9_975, "en")).toBe("9.975%");
    expect(spaces(formatTaxRate(9_975, "fr-CA"))).toBe("9,975 %");
    expect(spaces(formatTaxRate(5_000, "fr-CA"))).toBe("5 %");
    expect(formatTaxRate(13_000, "en")).toBe("13%");
  });

  it("words a receipt's lines with their rates and numbers, in English and in French", () => {
    const lines = launchCharge(499_00, "CAD", "CA-QC", REGISTERED).taxes.lines;
    expect(taxReceiptLines(lines, "CAD", translator("en"), "en")).toBe(
      "GST (5%): CA$3.74 (registration no. 123456789 RT0001) and QST (9.975%): CA$7.47 (registration no. 1234567890 TQ0001)",
    );
    expect(spaces(taxReceiptLines(lines, "CAD", translator("fr-CA"), "fr-CA"))).toBe(
      "TPS (5 %) : 3,74 $ (nº d’inscription 123456789 RT0001) et TVQ (9,975 %) : 7,47 $ (nº d’inscription 1234567890 TQ0001)",
    );
    const sandbox = launchCharge(499_00, "CAD", "CA-ON", { ...REGISTERED, sandbox: true }).taxes.lines;
    expect(taxReceiptLines(sandbox, "CAD", translator("en"), "en")).toContain(
      "(registration no. 123456789 RT0001, a sandbox number)",
    );
  });
});

const REGIONS: TaxRegion[] = [...PROVINCES.map((p) => `CA-${p}` as TaxRegion), "US", "FR", "ZZ"];
const CURRENCIES: Currency[] = ["USD", "EUR", "GBP", "CAD", "AUD"];

describe("the launch charge's invariants", () => {
  it("total = prize + fee + the sum of the lines; each line is the fee × rate rounded half up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...REGIONS),
        (prize, currency, region) => {
          const c = launchCharge(prize, currency, region, REGISTERED);
          expect(c.fee).toBe(platformFee(prize, currency));
          const sum = c.taxes.lines.reduce((s, l) => s + l.amount, 0);
          expect(c.taxes.total).toBe(sum);
          expect(c.total).toBe(prize + c.fee + sum);
          for (const line of c.taxes.lines) {
            // Exact in integers: the line is within half a cent of fee × rate, halves going up.
            const twice = 2 * line.amount * RATE_SCALE - 2 * c.fee * line.rate;
            expect(twice).toBeGreaterThan(-RATE_SCALE - 1);
            expect(twice).toBeLessThanOrEqual(RATE_SCALE);
          }
          if (!region.startsWith("CA-")) expect(c.taxes.lines).toEqual([]);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
