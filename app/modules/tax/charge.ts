/**
 * What the client pays for what the platform sells, taxes included, and the tax lines a charge
 * keeps for its receipt. Pure (the browser's review step uses it too). The arithmetic is
 * `taxesOn`'s alone: this only puts it beside the prize and the fee and the registration numbers.
 */

import { platformFee, type Currency } from "~/modules/escrow/ledger";
import {
  registrationNumber,
  taxesOn,
  unregisteredTaxes,
  isTaxRegion,
  type TaxLine,
  type TaxName,
  type TaxRegion,
  type TaxRegistrations,
} from "./tax";

/** A tax line as charged and printed: the number shown beside it, and whether it is a sandbox one. */
export interface ChargedTaxLine extends TaxLine {
  /** The registration number printed beside the line (none for Saskatchewan's PST). */
  number: string | null;
  /** The number is the sandbox's made-up one (no real money, no real registration). */
  sandbox: boolean;
}

/** The taxes kept with a charge: its region, its lines and their total (minor units). */
export interface ChargedTaxes {
  region: TaxRegion | null;
  lines: ChargedTaxLine[];
  total: number;
}

export const NO_TAXES: ChargedTaxes = Object.freeze({ region: null, lines: [], total: 0 });

const NO_REGISTRATIONS: TaxRegistrations = { gst: null, qst: null, sandbox: false };

export interface LaunchCharge {
  prize: number;
  fee: number;
  taxes: ChargedTaxes;
  /** prize + fee + taxes. */
  total: number;
  currency: Currency;
  /** Taxes that would be charged without the number a receipt must show: do not charge. */
  unregistered: TaxName[];
}

/**
 * The charge of a contest's launch: the prize, the platform fee, the taxes on the fee for the
 * client's billing region (`taxesOn`), and the total. Without registrations (the browser's preview)
 * the lines carry no number.
 */
export function launchCharge(
  prize: number,
  currency: Currency,
  region: TaxRegion,
  registrations: TaxRegistrations = NO_REGISTRATIONS,
): LaunchCharge {
  const fee = platformFee(prize, currency);
  const taxes = taxesOn(fee, currency, region);
  const lines = taxes.lines.map((line) => {
    const number = registrationNumber(line.tax, registrations);
    return { ...line, number, sandbox: number !== null && registrations.sandbox === true };
  });
  return {
    prize,
    fee,
    taxes: { region, lines, total: taxes.total },
    total: prize + fee + taxes.total,
    currency,
    unregistered: unregisteredTaxes(taxes.lines, registrations),
  };
}

const TAX_NAMES: readonly string[] = ["GST", "HST", "QST", "PST", "RST"];

/** The lines as stored (JSON text in payment_intents and escrows). */
export function taxLinesText(lines: readonly ChargedTaxLine[]): string {
  return JSON.stringify(
    lines.map(({ tax, rate, amount, number, sandbox }) => ({ tax, rate, amount, number, sandbox })),
  );
}

/** The stored lines read back; anything malformed is dropped (a row is never unreadable). */
export function readTaxLines(text: string | null | undefined): ChargedTaxLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((l: Record<string, unknown>) =>
    l &&
    typeof l.tax === "string" &&
    TAX_NAMES.includes(l.tax) &&
    Number.isSafeInteger(l.rate) &&
    Number.isSafeInteger(l.amount)
      ? [
          {
            tax: l.tax as TaxName,
            rate: l.rate as number,
            amount: l.amount as number,
            number: typeof l.number === "string" ? l.number : null,
            sandbox: l.sandbox === true,
          },
        ]
      : [],
  );
}

export function readTaxRegion(text: string | null | undefined): TaxRegion | null {
  return text && isTaxRegion(text) ? text : null;
}
