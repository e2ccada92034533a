import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogue, LOCALES, translate, type MessageKey } from "~/i18n";

/**
 * The name of every value a message uses, branches included. A translation may treat a value
 * differently (French counts with a plural where English needs none): the names must agree.
 */
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
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/**
 * Messages written the same in both languages: names (Concours, PNG, Figma), words French shares
 * with English (Logo, Notifications, Client), and the language switch, which names each language in
 * itself. Anything else identical in both catalogues is a message nobody translated.
 */
const SAME_IN_BOTH = new Set<string>([
  "support.user.role.designer",
  "tax.line",
  "province.AB",
  "province.MB",
  "province.NU",
  "province.ON",
  "province.SK",
  "province.YT",
  "currency.EUR",
  "category.logo",
  "category.illustration",
  "deliverable.ai",
  "deliverable.eps",
  "deliverable.pdf",
  "deliverable.png",
  "deliverable.jpg",
  "deliverable.psd",
  "wizard.step.style",
  "wizard.prize.package.bronze",
  "wizard.prize.options",
  "time.unit.h",
  "time.unit.s",
  "time.minutes",
  "contest.client",
  "contest.brief.style",
  "contest.timeline.system",
  "invite.list",
  "judging.comments.client",
  "polls.list.votes",
  "notifications.title",
  "entries.version",
  "entries.altAnonymous",
  "handover.files.version",
  "handover.files.checksum",
  "handover.format.svg",
  "handover.format.ai",
  "handover.format.eps",
  "handover.format.pdf",
  "handover.format.png",
  "handover.format.jpg",
  "handover.format.psd",
  "handover.format.figma",
  "handover.format.zip",
  "handover.thread.title",
  "agreement.signatures",
  "agreement.party.client",
  "agreement.party.designer",
  "agreement.pdf.signatures",
  "earnings.col.date",
  "nav.menu",
  "notify.mail.signature",
  "app.name",
  "nav.notifications",
  "messages.nav.link",
  "messages.inbox.title",
  "nav.language.toFr",
  "nav.language.toFr.hint",
  "nav.language.toEn",
  "nav.language.toEn.hint",
  "agreement.language.option.fr",
  "agreement.language.option.en",
  "directory.nav",
  "directory.results",
]);

const en = catalogue("en");
const fr = catalogue("fr-CA");
const keys = Object.keys(en) as MessageKey[];

describe("the catalogues", () => {
  it("have the same keys in both languages", () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
  });

  it("translate every message (only the listed names and shared words read the same)", () => {
    const untranslated = keys.filter((key) => en[key] === fr[key] && !SAME_IN_BOTH.has(key));
    expect(untranslated).toEqual([]);
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
