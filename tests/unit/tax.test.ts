import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCIES, MAX_AMOUNT, launchPrice, type Currency } from "~/modules/escrow/ledger";
import {
  PROVINCES,
  RATE_SCALE,
  TAX_TABLE,
  isTaxRegion,
  registrationNumber,
  taxRates,
  taxRegion,
  taxesOn,
  unregisteredTaxes,
  type CanadianRegion,
  type TaxRegion,
} from "~/modules/tax/tax";
import { parseEnv, taxRegistrations } from "~/utils/env.server";

const RUNS = 2_000;

/** round-half-up(amount × rate / 100 000), in BigInt: independent of the module's arithmetic. */
function expectedLine(amount: number, rate: number): number {
  const product = BigInt(amount) * BigInt(rate);
  const scale = BigInt(RATE_SCALE);
  const quotient = product / scale;
  return Number(product % scale >= scale / 2n ? quotient + 1n : quotient);
}

const currencies = Object.keys(CURRENCIES) as Currency[];
const canadianRegions = PROVINCES.map((p) => `CA-${p}` as const);
const anyRegion: fc.Arbitrary<TaxRegion> = fc.oneof(
  fc.constantFrom<TaxRegion>(...canadianRegions),
  fc.constantFrom<TaxRegion>("US", "FR", "GB", "AU", "DE", "JP", "BR"),
);
/** Any amount, fees of everyday size, and amounts whose QST is exactly half a cent (2000 + 4000k). */
const anyAmount = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT }),
  fc.integer({ min: 0, max: 10_000_00 }),
  fc.integer({ min: 0, max: 1_000_000 }).map((k) => 2_000 + 4_000 * k),
);

const summary = (region: TaxRegion, amount: number) =>
  taxesOn(amount, "CAD", region).lines.map((l) => [l.tax, l.amount]);

describe("taxes on the platform fee, to the cent", () => {
  it("charges GST 5 % and QST 9.975 % in Québec, each line rounded on its own", () => {
    expect(taxesOn(39_00, "CAD", "CA-QC")).toEqual({
      base: 39_00,
      currency: "CAD",
      region: "CA-QC",
      lines: [
        { tax: "GST", rate: 5_000, amount: 1_95 },
        { tax: "QST", rate: 9_975, amount: 3_89 }, // 3.89025 → 3.89
      ],
      total: 5_84,
    });
    expect(summary("CA-QC", 150_00)).toEqual([
      ["GST", 7_50],
      ["QST", 14_96],
    ]); // 14.9625 → 14.96
  });

  it("rounds half a cent up", () => {
    const fee = launchPrice(400_00, "CAD").fee; // 60.00
    expect(summary("CA-QC", fee)).toEqual([
      ["GST", 3_00],
      ["QST", 5_99],
    ]); // 5.985 → 5.99
    expect(summary("CA-QC", 20_00)).toEqual([
      ["GST", 1_00],
      ["QST", 2_00],
    ]); // 1.995 → 2.00
    expect(summary("CA-AB", 39_10)).toEqual([["GST", 1_96]]); // 1.955 → 1.96
    expect(summary("CA-ON", 1_50)).toEqual([["HST", 20]]); // 0.195 → 0.20
    expect(summary("CA-QC", 1_00)).toEqual([
      ["GST", 5],
      ["QST", 10],
    ]); // 0.09975 → 0.10
    expect(summary("CA-QC", 10)).toEqual([
      ["GST", 1],
      ["QST", 1],
    ]); // 0.005 → 0.01, 0.009975 → 0.01
    expect(summary("CA-QC", 5)).toEqual([
      ["GST", 0],
      ["QST", 0],
    ]); // 0.0025 and 0.0049875 → 0
  });

  it("uses each province's rate in force in 2026", () => {
    expect(summary("CA-ON", 100_00)).toEqual([["HST", 13_00]]);
    expect(summary("CA-NS", 100_00)).toEqual([["HST", 14_00]]); // 14 % since April 1, 2025
    for (const region of ["CA-NB", "CA-NL", "CA-PE"] as const)
      expect(summary(region, 100_00)).toEqual([["HST", 15_00]]);
    expect(summary("CA-SK", 100_00)).toEqual([
      ["GST", 5_00],
      ["PST", 6_00],
    ]);
    for (const region of ["CA-AB", "CA-BC", "CA-MB", "CA-NT", "CA-NU", "CA-YT"] as const)
      expect(summary(region, 100_00)).toEqual([["GST", 5_00]]);
  });

  it("charges no Canadian tax outside Canada", () => {
    expect(taxesOn(150_00, "USD", "US")).toEqual({
      base: 150_00,
      currency: "USD",
      region: "US",
      lines: [],
      total: 0,
    });
  });

  it("refuses what is not an amount of minor units", () => {
    expect(() => taxesOn(1.5, "CAD", "CA-QC")).toThrow(RangeError);
    expect(() => taxesOn(-1, "CAD", "CA-QC")).toThrow(RangeError);
    expect(() => taxesOn(MAX_AMOUNT + 1, "CAD", "CA-QC")).toThrow(RangeError);
  });
});

describe("tax properties", () => {
  it("each line is round-half-up(amount × rate) exactly, as BigInt computes it", () => {
    fc.assert(
      fc.property(anyAmount, fc.constantFrom(...currencies), anyRegion, (amount, currency, region) => {
        const taxes = taxesOn(amount, currency, region);
        expect(taxes.lines.map((l) => l.tax)).toEqual(taxRates(region).map((r) => r.tax));
        for (const line of taxes.lines) expect(line.amount).toBe(expectedLine(amount, line.rate));
      }),
      { numRuns: RUNS },
    );
  });

  it("the total is the sum of the lines, never negative, and whole", () => {
    fc.assert(
      fc.property(anyAmount, anyRegion, (amount, region) => {
        const { lines, total } = taxesOn(amount, "CAD", region);
        expect(total).toBe(lines.reduce((sum, l) => sum + l.amount, 0));
        expect(Number.isSafeInteger(total)).toBe(true);
        for (const line of lines) expect(line.amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("is zero for every region outside Canada", () => {
    const foreign = fc
      .tuple(fc.integer({ min: 65, max: 90 }), fc.integer({ min: 65, max: 90 }))
      .map(([a, b]) => String.fromCharCode(a, b))
      .filter((code) => code !== "CA") as fc.Arbitrary<TaxRegion>;
    fc.assert(
      fc.property(anyAmount, foreign, (amount, region) => {
        expect(taxesOn(amount, "CAD", region)).toMatchObject({ lines: [], total: 0 });
      }),
      { numRuns: RUNS },
    );
  });

  it("never taxes a larger amount less", () => {
    fc.assert(
      fc.property(anyAmount, anyAmount, anyRegion, (a, b, region) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(taxesOn(low, "CAD", region).total).toBeLessThanOrEqual(taxesOn(high, "CAD", region).total);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the region table", () => {
  it("has a row for each of the 13 provinces and territories, and one for outside Canada", () => {
    expect(PROVINCES).toHaveLength(13);
    const rows = Object.keys(TAX_TABLE).sort();
    expect(rows).toEqual([...canadianRegions, "outsideCanada"].sort());
    expect(TAX_TABLE.outsideCanada).toEqual([]);
    for (const region of canadianRegions) expect(TAX_TABLE[region].length).toBeGreaterThan(0);
  });

  it("charges GST or HST everywhere in Canada, never both", () => {
    for (const region of canadianRegions) {
      const federal = TAX_TABLE[region as CanadianRegion].filter((r) => r.tax === "GST" || r.tax === "HST");
      expect(federal).toHaveLength(1);
    }
  });

  it("reads a billing address's region", () => {
    expect(taxRegion("ca", "qc")).toBe("CA-QC");
    expect(taxRegion(" CA ", " on ")).toBe("CA-ON");
    expect(taxRegion("CA")).toBeNull();
    expect(taxRegion("CA", "XX")).toBeNull();
    expect(taxRegion("us", "NY")).toBe("US");
    expect(taxRegion("USA")).toBeNull();
    expect(isTaxRegion("CA")).toBe(false);
    expect(isTaxRegion("FR")).toBe(true);
  });
});

describe("registration numbers", () => {
  it("are the sandbox's made-up ones when unset while payments are the sandbox's, production included; never with real payments", () => {
    expect(taxRegistrations(parseEnv({}))).toEqual({
      gst: "000000000 RT0000",
      qst: "0000000000 TQ0000",
      sandbox: true,
    });
    // One real number set and the other not: both sandbox, never a mixed receipt.
    expect(taxRegistrations(parseEnv({ GST_NUMBER: "123456789 RT0001" })).sandbox).toBe(true);
    // The README's demo is a production build on the sandbox provider: a Québec contest launches.
    expect(taxRegistrations(parseEnv({ NODE_ENV: "production" })).sandbox).toBe(true);
    const stripe = { PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_1" };
    expect(() => parseEnv({ ...stripe, TAX_SANDBOX_NUMBERS: "true" })).toThrow(
      /TAX_SANDBOX_NUMBERS: made-up registration numbers cannot be printed on receipts of real payments/,
    );
  });

  it("are optional, checked, and written in their usual form", () => {
    expect(
      taxRegistrations(
        parseEnv({ NODE_ENV: "production", PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_1" }),
      ),
    ).toEqual({
      gst: null,
      qst: null,
      sandbox: false,
    });
    expect(taxRegistrations(parseEnv({ TAX_SANDBOX_NUMBERS: "false" }))).toEqual({
      gst: null,
      qst: null,
      sandbox: false,
    });
    const c = parseEnv({ GST_NUMBER: "123456789rt0001", QST_NUMBER: " 1234567890 TQ0001 " });
    expect(taxRegistrations(c)).toEqual({
      gst: "123456789 RT0001",
      qst: "1234567890 TQ0001",
      sandbox: false,
    });
    expect(() => parseEnv({ GST_NUMBER: "12345678 RT0001" })).toThrow(
      /GST_NUMBER: must look like 123456789 RT0001/,
    );
    expect(() => parseEnv({ QST_NUMBER: "1234567890 RT0001" })).toThrow(/QST_NUMBER: must look like/);
  });

  it("name the taxes a receipt could not show a number for", () => {
    const none = { gst: null, qst: null };
    const gstOnly = { gst: "123456789 RT0001", qst: null };
    const both = { gst: "123456789 RT0001", qst: "1234567890 TQ0001" };
    const qc = taxesOn(39_00, "CAD", "CA-QC").lines;
    expect(unregisteredTaxes(qc, none)).toEqual(["GST", "QST"]);
    expect(unregisteredTaxes(qc, gstOnly)).toEqual(["QST"]);
    expect(unregisteredTaxes(qc, both)).toEqual([]);
    expect(unregisteredTaxes(taxesOn(39_00, "CAD", "CA-ON").lines, gstOnly)).toEqual([]);
    expect(unregisteredTaxes(taxesOn(39_00, "CAD", "CA-SK").lines, gstOnly)).toEqual([]);
    expect(registrationNumber("HST", both)).toBe("123456789 RT0001");
    expect(registrationNumber("PST", both)).toBeNull();
  });
});
