import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Page } from "playwright-core";
import { catalogue, type MessageKey } from "~/i18n";

/** The literal runs of a message (what stays when its values are left out), plural branches included. */
function literalRuns(elements: MessageFormatElement[], into: string[] = []): string[] {
  let run = "";
  const flush = () => {
    if (run.trim()) into.push(run.trim());
    run = "";
  };
  for (const el of elements) {
    if (el.type === TYPE.literal) run += el.value;
    else {
      flush();
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) literalRuns(option.value, into);
    }
  }
  flush();
  return into;
}

let phrases: string[] | null = null;

/**
 * The English catalogue's phrases that French never says: every literal run of three words or more
 * of a message whose French differs. A French page showing one shows an untranslated string.
 */
export function englishOnlyPhrases(): string[] {
  if (phrases) return phrases;
  const en = catalogue("en");
  const fr = catalogue("fr-CA");
  const french = Object.values(fr).join("\n");
  const found = new Set<string>();
  for (const key of Object.keys(en) as MessageKey[]) {
    if (en[key] === fr[key]) continue;
    for (const run of literalRuns(parse(en[key])))
      if (run.split(/\s+/).length >= 3 && !french.includes(run)) found.add(run);
  }
  return (phrases = [...found]);
}

/** What a person reads or hears on the page: its text and the names given to its controls. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = ["aria-label", "title", "placeholder", "alt", "aria-description"];
    const named = [...document.querySelectorAll(attrs.map((a) => `[${a}]`).join(","))].flatMap((el) =>
      attrs.map((a) => el.getAttribute(a) ?? ""),
    );
    return [document.title, document.body.innerText, ...named].join("\n");
  });
}

/** The English phrases showing on a French page (none, when everything came from the catalogue). */
export async function englishOn(page: Page): Promise<string[]> {
  const text = (await readableText(page)).replace(/\s+/g, " ");
  return englishOnlyPhrases().filter((phrase) => text.includes(phrase.replace(/\s+/g, " ")));
}
