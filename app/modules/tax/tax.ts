/**
 * Sales taxes on what the platform sells (the platform fee, and anything it sells later): one table
 * by country and province, and the arithmetic of an invoice's tax lines. Pure: no I/O, no clock.
 * Rates are integers of parts per 100 000, so 9.975 % is exactly 9975; amounts are integers of
 * minor units, as in the ledger. Only what the platform sells is taxed here: the prize passes
 * through escrow to the designers and is not the platform's supply.
 *
 * Rates in force in 2026. The place of supply of a service is the province of the client's address
 * obtained in the ordinary course of business (Excise Tax Act, Schedule IX, Part V): the client's
 * billing region.
 */

import { isMinorAmount, sumMinor, type Currency } from "~/modules/escrow/ledger";

export type TaxName = "GST" | "HST" | "QST" | "PST" | "RST";

/** Rates are parts per RATE_SCALE: 5 % is 5000, 9.975 % is 9975. */
export const RATE_SCALE = 100_000;

/** Federal goods and services tax (Excise Tax Act, s. 165(1)). */
export const GST_RATE = 5_000;
/** Harmonized sales tax, federal and provincial parts together (ETA, s. 165(2) and Schedule VIII). */
export const HST_RATE_ON = 13_000;
export const HST_RATE_NB_NL_PE = 15_000;
/**
 * Nova Scotia lowered its part of the HST from 10 % to 9 % on April 1, 2025 (announced by its
 * Finance and Treasury Board on October 23, 2024; CRA, "GST/HST rates", canada.ca): 14 % in 2026.
 */
export const HST_RATE_NS = 14_000;
/** Québec sales tax, on the price without GST since 2013 (Act respecting the Québec sales tax). */
export const QST_RATE = 9_975;
/**
 * Saskatchewan's PST (The Provincial Sales Tax Act) reaches far more services than BC's or
 * Manitoba's, online platforms' among them: charged on the fee, as issue 12 decided.
 */
export const PST_RATE_SK = 6_000;
/**
 * British Columbia's PST (7 %) is not charged: it reaches goods, software and a closed list of
 * taxable services (Provincial Sales Tax Act), and running a design contest for the client is none
 * of them. Its "online marketplace services" rule (Bulletin PST 142, since July 2023) taxes what a
 * marketplace charges its sellers, the designers here, not its buyers: a fee charged to designers
 * one day would need this rate. Kept here so a change of reading is one row.
 */
export const PST_RATE_BC = 7_000;
/**
 * Manitoba's RST (7 %) is not charged: it reaches goods, software and the services The Retail Sales
 * Tax Act lists; online sales platforms collect it on tangible goods sold through them, streaming
 * and lodging (Information Bulletin No. 064, December 2021), and a design contest is none of
 * these. Kept here so a change of reading is one row.
 */
export const RST_RATE_MB = 7_000;

/** The thirteen provinces and territories, by their postal abbreviations. */
// prettier-ignore
export const PROVINCES = [
  "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
] as const;

export type Province = (typeof PROVINCES)[number];
export type CanadianRegion = `CA-${Province}`;

// prettier-ignore
type Letter =
  "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" |
  "N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z";

/** Where the client is billed: a province of Canada, or the ISO 3166-1 code of another country. */
export type TaxRegion = CanadianRegion | Exclude<`${Letter}${Letter}`, "CA">;

export interface TaxRate {
  tax: TaxName;
  /** Parts per RATE_SCALE (100 000). */
  rate: number;
}

const GST: TaxRate = { tax: "GST", rate: GST_RATE };

/**
 * The taxes on a platform supply, by where the client is billed. `outsideCanada`: a service
 * supplied to a non-resident is a zero-rated export (ETA, Schedule VI, Part V, s. 7, and the same
 * in the QST Act), so no Canadian tax and no line on the receipt.
 */
export const TAX_TABLE = {
  "CA-AB": [GST],
  "CA-BC": [GST], // PST does not reach this service: see PST_RATE_BC
  "CA-MB": [GST], // RST does not reach this service: see RST_RATE_MB
  "CA-NB": [{ tax: "HST", rate: HST_RATE_NB_NL_PE }],
  "CA-NL": [{ tax: "HST", rate: HST_RATE_NB_NL_PE }],
  "CA-NS": [{ tax: "HST", rate: HST_RATE_NS }],
  "CA-NT": [GST],
  "CA-NU": [GST],
  "CA-ON": [{ tax: "HST", rate: HST_RATE_ON }],
  "CA-PE": [{ tax: "HST", rate: HST_RATE_NB_NL_PE }],
  "CA-QC": [GST, { tax: "QST", rate: QST_RATE }],
  "CA-SK": [GST, { tax: "PST", rate: PST_RATE_SK }],
  "CA-YT": [GST],
  outsideCanada: [],
} as const satisfies Record<CanadianRegion | "outsideCanada", readonly TaxRate[]>;

export function isCanadianRegion(region: string): region is CanadianRegion {
  return region.startsWith("CA-") && (PROVINCES as readonly string[]).includes(region.slice(3));
}

export function isTaxRegion(value: string): value is TaxRegion {
  return isCanadianRegion(value) || (/^[A-Z]{2}$/.test(value) && value !== "CA");
}

/**
 * The region of a billing address: its country (ISO 3166-1 alpha-2) and, in Canada, its province.
 * Null when the country is not a code, or when a Canadian address has no known province.
 */
export function taxRegion(country: string, province?: string | null): TaxRegion | null {
  const code = country.trim().toUpperCase();
  const region = code === "CA" ? `CA-${(province ?? "").trim().toUpperCase()}` : code;
  return isTaxRegion(region) ? region : null;
}

export function taxRates(region: TaxRegion): readonly TaxRate[] {
  return isCanadianRegion(region) ? TAX_TABLE[region] : TAX_TABLE.outsideCanada;
}

export interface TaxLine extends TaxRate {
  /** Minor units: amount × rate, rounded half up to the minor unit, line by line. */
  amount: number;
}

export interface Taxes {
  /** The taxed amount (minor units). */
  base: number;
  currency: Currency;
  region: TaxRegion;
  /** One line per tax, in the table's order (GST before QST or PST); none outside Canada. */
  lines: TaxLine[];
  /** The sum of the lines. */
  total: number;
}

/**
 * One tax on an amount, rounded half up to the minor unit. Exact in a JavaScript number: at most
 * MAX_AMOUNT × 15 000 ≈ 1.5 × 10^15 < 2^53, and the quotient is never within a rounding error of
 * the next whole number.
 */
export function taxAmount(amountMinor: number, rate: number): number {
  if (!isMinorAmount(amountMinor)) throw new RangeError(`Not an amount of minor units: ${amountMinor}`);
  return Math.floor((amountMinor * rate + RATE_SCALE / 2) / RATE_SCALE);
}

/**
 * The taxes the client pays on an amount the platform sells, each line rounded on its own (as the
 * CRA and Revenu Québec compute an invoice's lines), and their total. In the invoice's currency; the
 * returns convert to dollars at filing, outside this module.
 */
export function taxesOn(amountMinor: number, currency: Currency, region: TaxRegion): Taxes {
  const lines = taxRates(region).map(({ tax, rate }) => ({
    tax,
    rate,
    amount: taxAmount(amountMinor, rate),
  }));
  return {
    base: amountMinor,
    currency,
    region,
    lines,
    total: sumMinor(lines.map((line) => line.amount)),
  };
}

/** The platform's registration numbers, as configured (`taxRegistrations()` in env.server). */
export interface TaxRegistrations {
  /** GST/HST number: business number and RT account, "123456789 RT0001". */
  gst: string | null;
  /** QST number: identification number and TQ file, "1234567890 TQ0001". */
  qst: string | null;
  /** The numbers are the sandbox's made-up ones (outside production only): receipts say so. */
  sandbox?: boolean;
}

/**
 * The number a receipt shows beside a tax line: the GST/HST account for GST and HST, the QST file
 * for QST. Null for Saskatchewan's PST, whose vendor licence is not printed on invoices.
 */
export function registrationNumber(tax: TaxName, registrations: TaxRegistrations): string | null {
  if (tax === "GST" || tax === "HST") return registrations.gst;
  if (tax === "QST") return registrations.qst;
  return null;
}

/**
 * The taxes among these lines that would be charged without the registration number a receipt
 * must show. Not empty means: do not charge, and tell the operator (never a receipt without it).
 */
export function unregisteredTaxes(lines: readonly TaxLine[], registrations: TaxRegistrations): TaxName[] {
  return lines
    .filter((line) => line.tax !== "PST" && line.tax !== "RST")
    .filter((line) => registrationNumber(line.tax, registrations) === null)
    .map((line) => line.tax);
}
