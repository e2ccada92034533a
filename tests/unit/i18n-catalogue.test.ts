import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogue, LOCALES, translate, type MessageKey } from "~/i18n";

/** Every argument a message uses, with its kind ("plural n", "argument contest"), branches included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    )
      into.add(`${el.value}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.type === TYPE.plural ? "plural" : "select"} ${el.value}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

const en = catalogue("en");
const fr = catalogue("fr-CA");
const keys = Object.keys(en) as MessageKey[];

describe("the catalogues", () => {
  it("have the same keys in both languages", () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
  });

  it("parse as ICU MessageFormat, every message in every language", () => {
    const broken = LOCALES.flatMap((locale) =>
      keys.flatMap((key) => {
        try {
          parse(catalogue(locale)[key]);
          return [];
        } catch (error) {
          return [`${locale} ${key}: ${(error as Error).message}`];
        }
      }),
    );
    expect(broken).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const differ = keys.filter((key) => {
      const a = [...argumentsOf(parse(en[key]))].sort().join(",");
      const b = [...argumentsOf(parse(fr[key]))].sort().join(",");
      return a !== b;
    });
    expect(differ).toEqual([]);
  });

  it("have no straight apostrophe before a brace (ICU would quote the placeholder away)", () => {
    const quoted = LOCALES.flatMap((locale) =>
      keys.filter((key) => /'[{}]/.test(catalogue(locale)[key])).map((key) => `${locale} ${key}`),
    );
    expect(quoted).toEqual([]);
  });

  it("plural by each language's rules: French counts 0 as singular, English as plural", () => {
    expect(translate("en", "card.entries", { n: 0 })).toMatch(/^0 entries$/);
    expect(translate("en", "card.entries", { n: 1 })).toMatch(/^1 entry$/);
    const frZero = translate("fr-CA", "card.entries", { n: 0 });
    const frOne = translate("fr-CA", "card.entries", { n: 1 });
    const frTwo = translate("fr-CA", "card.entries", { n: 2 });
    expect(frZero.replace("0", "1")).toBe(frOne);
    expect(frTwo.replace("2", "1")).not.toBe(frOne);
  });

  it("write numbers in the reader's digits", () => {
    expect(translate("en", "card.entries", { n: 1234 })).toBe("1,234 entries");
    expect(translate("fr-CA", "card.entries", { n: 1234 })).toMatch(/^1\u00a0234 /);
  });
});
