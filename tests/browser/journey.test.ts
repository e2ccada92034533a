import type { Browser, BrowserContext, Page } from "playwright-core";
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { FILES } from "../helpers/handover";
import { englishOn } from "../helpers/language";
import { translator, type Locale, type MessageKey, type T } from "~/i18n";
import { defaultCurrency } from "~/modules/contests/brief";
import { TAX_TABLE } from "~/modules/tax/tax";
import { taxLineLabel } from "~/modules/tax/words";
import { formatMoney, formatPrize, readAmount } from "~/modules/money/money";

/** Both languages, French first: every step of the journey is walked in each. */
const LOCALES_UNDER_TEST: Locale[] = ["fr-CA", "en"];

/** The minor units of an amount the page shows, read as its reader would type it. */
function readMinor(shown: string, locale: Locale): number {
  const read = readAmount(shown, locale, defaultCurrency(locale));
  if (!read.ok) throw new Error(`Not an amount: ${shown}`);
  return read.minor;
}

// The whole contest as people meet it: the app as the README's first command runs it (production
// build, SQLite, demo data, its own worker), a client and two designers in a real browser, and only
// what they can click. Nothing is set up in the database; no hook but the app's own pages.
let app: ProductionApp;
let browser: Browser;

beforeAll(async () => {
  app = await startProductionApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Person = { context: BrowserContext; page: Page; errors: string[] };

async function person(email: string, locale: Locale): Promise<Person> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale,
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await logInThroughForm(page, app.url, email);
  return { context, page, errors };
}

const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  );

/** A screenshot of the page; on a French journey, also a check that no English string shows. */
async function shot(page: Page, name: string, locale: Locale, english: Map<string, string[]>) {
  const file = artifactPath(`journey-${locale}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  if (locale !== "en") {
    const found = await englishOn(page);
    if (found.length) english.set(`${name} ${new URL(page.url()).pathname}`, found);
  }
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A label's text up to its first value: "I understand that" for "I understand that {total} will…". */
function labelStart(t: T, key: MessageKey, value: string) {
  return new RegExp(escapeRe(t(key, { [value]: "\u0000" }).split("\u0000")[0]!));
}

/**
 * A logo drawn from raw pixels (the app blocks sharp's SVG loader in this process): a ring and a
 * leaf, round or square. Each language's run draws its own shape: both runs share one app, which
 * compares every upload with every earlier entry on the platform.
 */
function logo(
  ring: [number, number, number],
  leaf: [number, number, number],
  shape: "round" | "square",
  size = 1000,
) {
  const data = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = (x - size / 2) / size;
      const dy = (y - size / 2) / size;
      const r = shape === "round" ? Math.hypot(dx, dy) : Math.max(Math.abs(dx), Math.abs(dy));
      const inLeaf = Math.abs(dx) < 0.16 * Math.cos((dy / 0.22) * (Math.PI / 2)) && Math.abs(dy) < 0.22;
      const colour = r > 0.26 && r < 0.34 ? ring : inLeaf ? leaf : ([251, 245, 234] as const);
      data.set(colour, (y * size + x) * 3);
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/** Reload until the text shows (the worker finishes images and checks in its own time). */
async function reloadUntil(page: Page, locate: () => ReturnType<Page["getByText"]>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await locate().count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`Not shown after ${timeoutMs} ms on ${page.url()}`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

/** A designer opens the contest from the list, sends a design, and waits for its watermarked preview. */
async function submit(
  designer: Person,
  t: T,
  title: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const { page } = designer;
  await page.goto(`${app.url}/contests`);
  await page.getByRole("link", { name: title }).first().click();
  await page
    .getByRole("link", { name: t("contest.action.submit") })
    .first()
    .click();
  await page.getByRole("heading", { name: t("entries.submit.title") }).waitFor();
  await hydrated(page);
  await page.locator("input[type=file]").setInputFiles(file);
  await page.getByLabel(t("safety.ai.answer.no")).check();
  await page.getByRole("button", { name: t("entries.submit.button") }).click();
  await page.waitForURL(/\/entries\/[a-z0-9]+(\?.*)?$/);
  await page.getByTestId("entry-stage").locator("img").waitFor({ timeout: 60_000 });
  return /\/entries\/([a-z0-9]+)/.exec(page.url())![1]!;
}

/** What each language's people write in the brief (so a French page shows French content). */
const BRIEF = {
  en: {
    title: "Logo for a Plateau tea house",
    business: "Maison Thé",
    description: "A tea house on avenue du Mont-Royal; calm, green, hand-made.",
    industry: "Food and drink",
    audience: "Neighbours who take their time.",
    comment: "Lovely. Could the leaf be a deeper green?",
  },
  "fr-CA": {
    title: "Logo pour un salon de thé du Plateau",
    business: "Maison Thé",
    description: "Un salon de thé sur l’avenue du Mont-Royal : calme, vert, fait à la main.",
    industry: "Restauration",
    audience: "Les gens du quartier qui prennent leur temps.",
    comment: "Très joli. La feuille pourrait-elle être d’un vert plus profond?",
  },
} satisfies Record<Locale, Record<string, string>>;

/** An amount as the page shows it, typed back into a field: its digits and decimal separator only. */
const typed = (amount: string) => amount.replace(/[^\d,.]/g, "");

describe.each(LOCALES_UNDER_TEST)(
  "a contest from the brief to the payout, through the pages alone (%s)",
  (locale) => {
    it("a client launches, two designers enter, one revises, the client sees a copy flagged, picks the winner, opens the three final files, approves; the winner withdraws the prize", async () => {
      const t = translator(locale);
      const brief = BRIEF[locale];
      const title = brief.title;
      const english = new Map<string, string[]>();

      // The client writes the brief in the wizard and pays with the sandbox's test card.
      const client = await person("client@demo.concours", locale);
      const c = client.page;
      await c.goto(app.url);
      await c
        .getByRole("link", { name: t("landing.cta.client") })
        .first()
        .click();
      await c.waitForURL(`${app.url}/contests/new`);
      await hydrated(c);
      await shot(c, "brief", locale, english);
      await c.getByRole("radio", { name: new RegExp(`^${escapeRe(t("category.logo"))}\\b`) }).check();
      await c.getByLabel(t("wizard.basics.title")).fill(title);
      await c.getByLabel(t("wizard.basics.businessName")).fill(brief.business);
      await c.getByRole("button", { name: new RegExp(escapeRe(t("wizard.next"))) }).click();
      await c.waitForURL(/step=2$/);
      await c.getByLabel(t("wizard.about.description")).fill(brief.description);
      await c.getByLabel(t("wizard.about.industry")).fill(brief.industry);
      await c.getByLabel(t("wizard.about.audience")).fill(brief.audience);
      await c.getByRole("button", { name: new RegExp(escapeRe(t("wizard.next"))) }).click();
      await c.waitForURL(/step=3$/);
      for (const format of ["deliverable.svg", "deliverable.png", "deliverable.pdf"] as const)
        await c.getByRole("checkbox", { name: t(format), exact: true }).check();
      await c.getByRole("button", { name: new RegExp(escapeRe(t("wizard.next"))) }).click();
      await c.waitForURL(/step=4$/);
      await c
        .getByRole("radio", { name: new RegExp(`^${escapeRe(t("wizard.prize.package.bronze"))}`) })
        .check();
      await shot(c, "prize", locale, english);
      await c.getByRole("button", { name: new RegExp(escapeRe(t("wizard.toReview"))) }).click();
      await c.waitForURL(/step=5$/);
      await c.getByLabel(t("wizard.review.cardNumber")).fill("4242 4242 4242 4242");
      await c.getByLabel(t("wizard.review.cardName")).fill("Camille Tremblay");
      await c.getByLabel(t("wizard.review.cardExpiry")).fill("04/31");
      await c.getByLabel(t("wizard.review.cardCvc")).fill("123");
      const total = (await c.locator(".totals__total dd").textContent())!.trim();
      const prize = (await c.locator(".totals dd").first().textContent())!.trim();
      // A French reader's brief is in Canadian dollars, an English reader's in US dollars.
      const currency = defaultCurrency(locale);
      expect(total).toBe(formatPrize(readMinor(total, locale), currency, locale));
      // Billed in Québec (the review step's default): GST and QST on the fee, as the reader writes them.
      const quebec = TAX_TABLE["CA-QC"];
      const taxLabels = quebec.map((line) => taxLineLabel(line, t, locale));
      for (const label of taxLabels) {
        await expect(c.locator(".totals").getByText(label, { exact: true }).count()).resolves.toBe(1);
      }
      await shot(c, "review", locale, english);
      await c.getByRole("checkbox", { name: labelStart(t, "wizard.review.confirm", "total") }).check();
      await c.getByRole("button", { name: t("wizard.review.launch") }).click();
      await c.getByText(t("launch.done")).waitFor();
      const contestUrl = c.url().replace(/\?.*$/, "");
      expect(prize).toBe(formatPrize(readMinor(prize, locale), currency, locale));
      await shot(c, "launched", locale, english);
      // The receipt lists both taxes with the platform's registration numbers.
      await c.goto(`${app.url}/receipts`);
      const receipt = c.locator(".receipt").filter({ hasText: title });
      await expect(receipt.getByTestId("receipt-tax").count()).resolves.toBe(2);
      for (const label of taxLabels) {
        await expect(
          receipt.getByTestId("receipt-tax").filter({ hasText: label }).innerText(),
        ).resolves.toContain(t("tax.registrationNumber"));
      }
      await shot(c, "receipts", locale, english);

      // Two designers enter; Ben's is Ana's design again, shrunk and saved as a JPEG.
      const ana = await person("ana@demo.concours", locale);
      const shape = locale === "fr-CA" ? "round" : "square";
      const anaLogo = await logo([46, 107, 79], [127, 176, 105], shape);
      const anaEntry = await submit(ana, t, title, {
        name: "leaf-ring.png",
        mimeType: "image/png",
        buffer: anaLogo,
      });
      await shot(ana.page, "entry", locale, english);
      const ben = await person("ben@demo.concours", locale);
      const copy = await sharp(anaLogo).resize(900).jpeg({ quality: 80 }).toBuffer();
      await submit(ben, t, title, { name: "my-logo.jpg", mimeType: "image/jpeg", buffer: copy });

      // Ana revises after the client's comment: a new version, the one everyone now sees.
      await c.goto(`${app.url}/entries/${anaEntry}`);
      await c.getByLabel(t("judging.comments.label")).fill(brief.comment);
      await c.getByRole("button", { name: t("judging.comments.submit") }).click();
      await c.getByText(brief.comment).first().waitFor();
      await shot(c, "commented", locale, english);
      await ana.page.goto(`${app.url}/entries/${anaEntry}`);
      await ana.page.getByText(brief.comment).first().waitFor();
      await ana.page.getByRole("link", { name: t("entries.revise") }).click();
      await ana.page.getByRole("heading", { level: 1, name: t("entries.revise.title") }).waitFor();
      await hydrated(ana.page);
      await ana.page.locator("input[type=file]").setInputFiles({
        name: "leaf-ring-v2.png",
        mimeType: "image/png",
        buffer: await logo([27, 67, 50], [45, 106, 79], shape),
      });
      await ana.page.getByLabel(t("safety.ai.answer.no")).check();
      await ana.page.getByRole("button", { name: t("entries.revise.button") }).click();
      await ana.page
        .getByRole("link", { name: `${t("entries.version", { n: 2 })} · ${t("entries.current")}` })
        .waitFor({ timeout: 60_000 });
      await shot(ana.page, "revised", locale, english);

      // The client sees the copy as a note to review, beside the later entry only.
      await c.goto(contestUrl);
      const tile = (n: number) =>
        c
          .getByTestId("gallery")
          .locator("> li")
          .filter({ has: c.locator(".entry-card__number", { hasText: t("entries.number", { number: n }) }) });
      await reloadUntil(c, () => tile(2).getByTestId("similar-note"));
      expect(await tile(2).getByTestId("similar-note").innerText()).toContain(
        t("entries.similar.later", { number: 1 }),
      );
      expect(await tile(1).getByTestId("similar-note").count()).toBe(0);
      await shot(c, "similar", locale, english);

      // The client picks Ana as the winner straight away, from the shortlist.
      await c.goto(`${contestUrl}/shortlist`);
      await shot(c, "shortlist", locale, english);
      await c.getByLabel(t("shortlist.winner.pick", { number: 1, name: "Ana Souza" })).check();
      await c.getByRole("button", { name: t("shortlist.winner.submit") }).click();
      await c.getByRole("button", { name: t("shortlist.confirm.winnerSubmit") }).click();
      await c.getByText(t("shortlist.done.winner"), { exact: false }).waitFor();
      await shot(c, "winner", locale, english);

      // Ana hands over three final files and signs the transfer agreement.
      const a = ana.page;
      await a.goto(contestUrl);
      await a.getByRole("link", { name: t("contest.action.handover.winner") }).click();
      await a.getByRole("heading", { level: 1, name: title }).waitFor();
      await hydrated(a);
      const finals: [string, Buffer][] = [
        ["maison-the.svg", FILES.svg],
        ["maison-the.png", FILES.png],
        ["maison-the.pdf", FILES.pdf],
      ];
      for (const [i, [name, bytes]] of finals.entries()) {
        const file = artifactPath(name);
        fs.writeFileSync(file, bytes);
        await a.locator("#final-upload input[type=file]").setInputFiles(file);
        await a.getByRole("button", { name: t("handover.files.uploadButton") }).click();
        await a.getByTestId("final-files").getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
        await expect(a.getByTestId("final-files").locator(".handover-file").count()).resolves.toBe(i + 1);
        await a.getByRole("progressbar").waitFor({ state: "detached" });
      }
      // Both texts are offered, the French first; each reader signs in their own language.
      const signed = locale === "fr-CA" ? "fr" : "en";
      await a.getByRole("radio", { name: t(`agreement.language.option.${signed}`) }).check();
      await a.getByLabel(t("agreement.legalName")).fill("Ana Maria Souza");
      await a.getByLabel(t("agreement.agree")).check();
      await a.getByRole("button", { name: t("agreement.sign") }).click();
      await a.getByText(t("handover.signedNotice")).waitFor();
      await a.getByText(t("agreement.language.fixed", { language: signed })).waitFor();
      await shot(a, "handover-winner", locale, english);

      // The client opens each file before approving, signs, and approves.
      await c.goto(contestUrl);
      await c.getByRole("link", { name: t("contest.action.handover") }).click();
      await c.getByRole("heading", { name: t("handover.files.title") }).waitFor();
      for (const [name, bytes] of finals) {
        const [download] = await Promise.all([
          c.waitForEvent("download"),
          c.getByRole("link", { name: t("handover.files.downloadLabel", { name }) }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        const saved = artifactPath(`journey-${locale}-opened-${name}`);
        await download.saveAs(saved);
        expect(fs.readFileSync(saved)).toEqual(bytes);
      }
      await c.getByLabel(t("agreement.legalName")).fill("Camille Tremblay");
      await c.getByLabel(t("agreement.agree")).check();
      await c.getByRole("button", { name: t("agreement.sign") }).click();
      await c.getByText(t("agreement.complete")).waitFor();
      await shot(c, "handover-client", locale, english);
      // What Ana already holds in this currency (the demo's earlier contests paid her in CAD).
      const peek = await a.context().newPage();
      await peek.goto(`${app.url}/earnings`);
      const held = peek.getByTestId(`balance-${currency}`).getByTestId("available");
      const heldText = (await held.count()) ? ((await held.textContent()) ?? "") : "";
      await peek.close();
      const read = readAmount(heldText.replace(/[^\d.,\s\u00a0\u202f]/g, "").trim(), locale, currency);
      const before = heldText && read.ok ? read.minor : 0;
      await c.getByRole("link", { name: t("approval.review") }).click();
      await c.getByLabel(t("approval.confirm.label", { prize, designer: "Ana Souza" })).check();
      await shot(c, "approve", locale, english);
      await c.getByRole("button", { name: t("approval.confirm.submit") }).click();
      await c.getByText(t("handover.approvedNotice", { designer: "Ana Souza" })).waitFor();

      // Ana finds the prize on /earnings and withdraws all of it.
      await a
        .getByRole("link", { name: t("nav.earnings") })
        .first()
        .click();
      await a.getByRole("heading", { level: 1, name: t("dashboard.earnings.title") }).waitFor();
      // Ana may hold balances in several currencies (the other language's run paid her too).
      const balance = a.getByTestId(`balance-${currency}`);
      const available = (await balance.getByTestId("available").textContent())!;
      expect(available).toBe(formatMoney(before + readMinor(prize, locale), currency, { locale }));
      const sent = formatMoney(readMinor(prize, locale), currency, { locale });
      // With balances in several currencies, she says which one the payout comes from.
      const from = a.getByLabel(t("earnings.payout.currency"));
      if (await from.count()) await from.selectOption(currency);
      await a.getByLabel(t("earnings.payout.amount")).fill(typed(prize));
      await a.getByLabel(t("earnings.payout.destination")).fill("acct_ana_souza");
      await a.getByRole("button", { name: t("earnings.payout.review") }).click();
      await a
        .getByLabel(t("earnings.payout.confirm.label", { amount: sent, destination: "acct_ana_souza" }))
        .check();
      await a.getByRole("button", { name: t("earnings.payout.confirm.submit") }).click();
      await a.getByRole("heading", { level: 1, name: t("dashboard.earnings.title") }).waitFor();
      await reloadUntil(a, () =>
        a.getByTestId("payouts").getByText(t("earnings.payout.status.paid"), { exact: true }),
      );
      // What she held before stays; the prize is on its way to her account.
      await expect(balance.getByTestId("available").textContent()).resolves.toBe(
        formatMoney(before, currency, { locale }),
      );
      await shot(a, "paid-out", locale, english);

      // Nobody met an error on any page, and a French reader met no English.
      expect(client.errors).toEqual([]);
      expect(ana.errors).toEqual([]);
      expect(ben.errors).toEqual([]);
      expect(Object.fromEntries(english)).toEqual({});
      for (const p of [client, ana, ben]) await p.context.close();
    });
  },
);
