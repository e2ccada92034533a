import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATEGORY_KEYS,
  CONTEST_CURRENCIES,
  MAX_PRIZE,
  cardSchema,
  luhnValid,
  normalizeHex,
  presetAmount,
  prizeIssue,
  prizeStepSchema,
  readPrize,
  styleStep,
} from "~/modules/contests/brief";
import {
  DEFAULT_FILTERS,
  activeFilterCount,
  browseSearch,
  decodeCursor,
  encodeCursor,
  parseBrowseFilters,
} from "~/modules/contests/browse";
import { clientActions, clientTasks, sortTasks, type NextStepsContest } from "~/modules/contests/next-steps";
import { translator } from "~/i18n";
import { refusal } from "~/modules/refusal";
import { refusalMessage } from "~/utils/refusals.server";

const en = translator("en");
const fr = translator("fr-CA");

describe("reading a typed prize", () => {
  it.each([
    ["499", 49_900],
    ["$1,250.50", 125_050],
    [" 1 250 ", 125_000],
    ["0.5", 50],
  ])("reads %j as %i minor units", (input, minor) => {
    expect(readPrize(input, en, "en", "USD")).toEqual({ ok: true, minor });
  });

  it.each([
    ["-5", "The prize must be more than zero."],
    ["12.345", "Use at most two decimals (cents), like 499.50."],
    ["1e5", "Enter an amount, like 499 or 1,250."],
    ["12345678901", "That is more than we accept for one contest ($100,000). Check the amount."],
    ["", "Choose a package or enter the prize."],
  ])("explains what is wrong with %j", (input, message) => {
    expect(readPrize(input, en, "en", "USD")).toEqual({ ok: false, message });
  });

  it("never yields a fractional or negative amount, whatever is typed (property)", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const read = readPrize(input, en, "en", "USD");
        return !read.ok || (Number.isSafeInteger(read.minor) && read.minor >= 0);
      }),
    );
  });

  it("round-trips every whole-cent amount typed with two decimals (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRIZE }), (minor) => {
        const typed = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
        const read = readPrize(typed, en, "en", "USD");
        return read.ok && read.minor === minor;
      }),
    );
  });
});

describe("the prize step", () => {
  const base = { currency: "USD", qualifyingDays: "4", selectionDays: "4", finalDays: "3", winnerDays: "14" };
  it("takes a package's amount over the typed one", () => {
    const parsed = prizeStepSchema(en, "en", "logo").parse({ ...base, prizeChoice: "platinum", prize: "1" });
    expect(parsed.prize).toBe(presetAmount("logo", "platinum", "USD"));
  });

  it("checks the typed amount against the category's minimum", () => {
    const result = prizeStepSchema(en, "en", "app").safeParse({
      ...base,
      prizeChoice: "custom",
      prize: "500",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["prize"],
      message: "The smallest prize for this category is $799.",
    });
  });

  it("offers packages in round tens, growing, from the minimum, in every contest currency", () => {
    for (const [category, currency] of CATEGORY_KEYS.flatMap((c) =>
      CONTEST_CURRENCIES.map((k) => [c, k] as const),
    )) {
      const amounts = (["bronze", "silver", "gold", "platinum"] as const).map((p) =>
        presetAmount(category, p, currency),
      );
      // Every package is a prize the brief accepts.
      expect(amounts.map((a) => prizeIssue(category, a, currency))).toEqual([null, null, null, null]);
      expect(amounts.every((a) => a % 1000 === 0)).toBe(true);
      expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
      expect(new Set(amounts).size).toBe(4);
    }
  });
});

describe("colours", () => {
  it("normalises hex codes and keeps colour names", () => {
    expect(normalizeHex("#abc")).toBe("#AABBCC");
    expect(normalizeHex("1f6feb")).toBe("#1F6FEB");
    expect(normalizeHex("#12345")).toBeNull();
    const parsed = styleStep(en).parse({ colorsUse: "navy, #abc,#AABBCC ; Forest Green", colorsAvoid: "" });
    expect(parsed.colorsUse).toEqual(["navy", "#AABBCC", "forest green"]);
    expect(parsed.colorsAvoid).toEqual([]);
  });

  it("refuses more than twelve colours and markup", () => {
    expect(
      styleStep(en).safeParse({
        colorsUse: Array.from({ length: 13 }, (_, i) => `#${i}${i}${i}`.slice(0, 4)).join(","),
      }).success,
    ).toBe(false);
    expect(styleStep(en).safeParse({ colorsUse: "<script>" }).success).toBe(false);
  });
});

describe("the card form", () => {
  const at = Date.UTC(2026, 5, 15);
  const good = {
    cardName: "Camille",
    cardNumber: "4242 4242 4242 4242",
    cardExpiry: "06/26",
    cardCvc: "123",
    idempotencyKey: "abcdef123456",
    confirm: "on",
    billingCountry: "CA",
    billingProvince: "QC",
  };
  it("accepts the sandbox test card, this month's expiry included", () => {
    const parsed = cardSchema(en, at).parse(good);
    expect(parsed.cardNumber).toBe("4242424242424242");
    expect(parsed.cardExpiry).toEqual({ month: 6, year: 2026 });
  });
  it("refuses last month's expiry, a wrong checksum and a missing confirmation", () => {
    const result = cardSchema(en, at).safeParse({
      ...good,
      cardExpiry: "05/26",
      cardNumber: "4242424242424241",
      confirm: undefined,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      "cardExpiry",
      "cardNumber",
      "confirm",
    ]);
  });
  it("asks for a province in Canada only, and a country it offers", () => {
    const issues = (values: Record<string, unknown>) => {
      const r = cardSchema(en, at).safeParse({ ...good, ...values });
      return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    };
    expect(issues({ billingProvince: "" })).toEqual([
      "billingProvince: Choose the province or territory of your billing address in Canada.",
    ]);
    expect(issues({ billingCountry: "FR", billingProvince: "" })).toEqual([]);
    expect(issues({ billingCountry: "US", billingProvince: "ON" })).toEqual([]);
    expect(issues({ billingCountry: "XX" })).toEqual([
      "billingCountry: Choose the country of your billing address.",
    ]);
    expect(issues({ billingCountry: undefined })).toEqual([
      "billingCountry: Choose the country of your billing address.",
    ]);
    expect(cardSchema(fr, at).safeParse({ ...good, billingProvince: "" }).error!.issues[0]!.message).toBe(
      "Choisissez la province ou le territoire de votre adresse de facturation au Canada.",
    );
  });
  it("agrees with Luhn on known numbers", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

describe("browse filters and cursors", () => {
  it("reads the address leniently and writes it back the same", () => {
    const f = parseBrowseFilters(
      new URLSearchParams(
        "q=logo&category=logo&category=bogus&currency=CAD&min=900&max=100&ending=on&sort=prize",
      ),
      "en",
    );
    expect(f).toMatchObject({
      q: "logo",
      categories: ["logo"],
      currency: "CAD",
      minPrize: 10_000,
      maxPrize: 90_000,
      endingSoon: true,
      sort: "prize",
    });
    expect(activeFilterCount(f)).toBe(4);
    expect(parseBrowseFilters(new URLSearchParams(browseSearch(f).slice(1)), "en")).toEqual(f);
    expect(browseSearch(DEFAULT_FILTERS)).toBe("");
  });

  it("round-trips any cursor and rejects tampered ones (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.stringMatching(/^[a-z0-9]{1,20}$/), (key, id) => {
        expect(decodeCursor(encodeCursor({ key, id }))).toEqual({ key, id });
      }),
    );
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify([1, "../../etc"])))).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify([1.5, "abc"])))).toBeNull();
  });
});

describe("what the client can do, and what needs them", () => {
  const facts = (patch: Partial<NextStepsContest>): NextStepsContest => ({
    id: "c1",
    status: "qualifying",
    draftStep: 5,
    roundEndsAt: 1000,
    extensionsUsed: 0,
    guaranteed: false,
    fastTrack: false,
    isPrivate: false,
    ...patch,
  });

  it("offers a refund only without a guarantee and before the final round", () => {
    expect(clientActions(facts({}))).toContain("refund");
    expect(clientActions(facts({ guaranteed: true }))).not.toContain("refund");
    expect(clientActions(facts({ status: "final_round" }))).not.toContain("refund");
  });

  it("stops offering extensions once both are used, and invitations for public contests", () => {
    expect(clientActions(facts({ extensionsUsed: 2 }))).not.toContain("extend");
    expect(clientActions(facts({}))).not.toContain("invite");
    expect(clientActions(facts({ isPrivate: true }))).toContain("invite");
  });

  it("puts the primary action first for every state", () => {
    expect(clientActions(facts({ status: "draft" }))[0]).toBe("finish_brief");
    expect(clientActions(facts({ status: "finalist_selection" }))[0]).toBe("pick_finalists");
    expect(clientActions(facts({ status: "winner_selection" }))[0]).toBe("pick_winner");
    expect(clientActions(facts({ status: "completed" }))).toEqual([]);
  });

  it("sorts tasks by urgency", () => {
    const all = [
      ...clientTasks({
        id: "d",
        status: "draft",
        draftStep: 3,
        roundEndsAt: null,
        newEntries: 0,
        handoverStarted: false,
      }),
      ...clientTasks({
        id: "r",
        status: "qualifying",
        draftStep: 5,
        roundEndsAt: 9,
        newEntries: 3,
        handoverStarted: false,
      }),
      ...clientTasks({
        id: "w",
        status: "winner_selection",
        draftStep: 5,
        roundEndsAt: 50,
        newEntries: 0,
        handoverStarted: false,
      }),
      ...clientTasks({
        id: "f",
        status: "finalist_selection",
        draftStep: 5,
        roundEndsAt: 20,
        newEntries: 0,
        handoverStarted: false,
      }),
    ];
    expect(sortTasks(all).map((t) => `${t.kind}:${t.contestId}`)).toEqual([
      "pick_finalists:f",
      "pick_winner:w",
      "rate_entries:r",
      "finish_brief:d",
    ]);
  });

  it("says what changed when a decision came too late", () => {
    expect(refusalMessage(refusal("contest", "wrong_state", { status: "handover" }), "en")).toBe(
      "This contest changed while you were deciding: a winner has already been picked.",
    );
    expect(refusalMessage(refusal("contest", "conflict", { status: "refunded" }), "en")).toBe(
      "This contest changed while you were deciding: it has been refunded.",
    );
    expect(refusalMessage(refusal("contest", "not_owner"), "en")).toBe(
      "Only the client who runs this contest can do that.",
    );
  });
});
