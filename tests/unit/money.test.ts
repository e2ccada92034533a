import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT } from "~/modules/escrow/ledger";
import {
  amountInputValue,
  currencySymbol,
  formatMoney,
  formatPrize,
  readAmount,
} from "~/modules/money/money";

describe("reading a typed amount", () => {
  it.each([
    ["499", 49_900],
    ["499.99", 49_999],
    ["499,99", 49_999],
    ["1 234,50", 123_450],
    ["1\u00a0234,50", 123_450],
    ["1\u202f234,50 $", 123_450],
    ["1,234.50", 123_450],
    ["1.234,50", 123_450],
    ["$1,250", 125_000],
    ["1,234,567", 123_456_700],
    ["1.234.567", 123_456_700],
    ["0,5", 50],
    ["12,5", 1250],
    ["CAD 300", 30_000],
  ])("reads %j as %i minor units", (input, minor) => {
    expect(readAmount(input, "en")).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["-5", "negative"],
    ["-5,50", "negative"],
    ["12.345", "too_many_decimals"],
    ["1,2345", "too_many_decimals"],
    ["1,23,4", "invalid"],
    ["1.234,5.6", "invalid"],
    ["12,34.56", "invalid"],
    ["1e5", "invalid"],
    [",50", "invalid"],
    ["12.", "invalid"],
    ["a lot", "invalid"],
    ["12345678901", "too_large"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(readAmount(input, "en")).toEqual({ ok: false, reason });
  });

  it("reads the one ambiguous form, a single separator before three digits, as the reader's language writes it", () => {
    expect(readAmount("1,234", "en")).toEqual({ ok: true, minor: 123_400 });
    expect(readAmount("1.234", "en")).toEqual({ ok: false, reason: "too_many_decimals" });
    expect(readAmount("1.234", "fr-CA")).toEqual({ ok: true, minor: 123_400 });
    expect(readAmount("1,234", "fr-CA")).toEqual({ ok: false, reason: "too_many_decimals" });
  });

  it("reads the same amount whichever way it is written (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_99 }), (minor) => {
        const whole = Math.floor(minor / 100);
        const cents = String(minor % 100).padStart(2, "0");
        const grouped = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        return [
          `${whole}.${cents}`,
          `${whole},${cents}`,
          `${grouped(",")}.${cents}`,
          `${grouped(" ")},${cents}`,
          `${grouped("\u202f")},${cents}`,
          `${grouped(".")},${cents}`,
        ].every((typed) => {
          const read = readAmount(typed, "en");
          return read.ok && read.minor === minor;
        });
      }),
    );
  });

  it("reads back what it writes, in each language and currency (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT - 1 }),
        fc.constantFrom("USD", "CAD", "EUR"),
        fc.constantFrom("en", "fr-CA"),
        fc.constantFrom("exact" as const, "short" as const),
        (minor, currency, locale, style) => {
          const written = formatMoney(minor, currency, { locale, style });
          expect(readAmount(written, locale, currency)).toEqual({ ok: true, minor });
        },
      ),
    );
  });

  it("reads a French reader's 1.234 as thousands and an English reader's as refused, not misread", () => {
    expect(readAmount("1.234", "fr-CA")).toEqual({ ok: true, minor: 123_400 });
    expect(readAmount("1,234", "fr-CA")).toEqual({ ok: false, reason: "too_many_decimals" });
    expect(readAmount("1 234,56 $ US", "fr-CA", "USD")).toEqual({ ok: true, minor: 123_456 });
    expect(readAmount("CA$1,234.56", "en", "CAD")).toEqual({ ok: true, minor: 123_456 });
  });

  it("never yields a fractional, negative or unsafe amount, whatever is typed (property)", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const read = readAmount(input, "en");
        return !read.ok || (Number.isSafeInteger(read.minor) && read.minor >= 0);
      }),
    );
  });
});

describe("writing an amount", () => {
  it("formats minor units exactly, without floats", () => {
    expect(formatMoney(123456, "USD", { locale: "en" })).toBe("$1,234.56");
    expect(formatMoney(5, "EUR", { locale: "en" })).toBe("€0.05");
    expect(formatMoney(-2900, "GBP", { locale: "en" })).toBe("-£29.00");
    expect(formatMoney(MAX_AMOUNT - 1, "USD", { locale: "en" })).toBe("$999,999,999.99");
    expect(formatMoney(700, "XYZ", { locale: "en" })).toBe("700 XYZ");
  });

  it("writes a prize without cents when it has none, with them when it has", () => {
    expect(formatPrize(49_900, "USD", "en")).toBe("$499");
    expect(formatPrize(125_050, "USD", "en")).toBe("$1,250.50");
    expect(formatPrize(MAX_AMOUNT - 1, "USD", "en")).toBe("$999,999,999.99");
  });

  it("writes in the reader's locale", () => {
    expect(formatMoney(123456, "CAD", { locale: "fr-CA" })).toBe("1\u00a0234,56\u00a0$");
    expect(formatPrize(49_900, "CAD", "fr-CA")).toBe("499\u00a0$");
    expect(currencySymbol("EUR", "en")).toBe("€");
  });

  it("gives a form field a value that reads back to the same minor units", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.constantFrom("en", "fr-CA"),
        (minor, locale) => {
          expect(readAmount(amountInputValue(minor, "USD", locale), locale)).toEqual({ ok: true, minor });
        },
      ),
    );
    expect(amountInputValue(49_900, "USD", "en")).toBe("499");
    expect(amountInputValue(125_050, "USD", "fr-CA")).toBe("1250,50");
  });
});
