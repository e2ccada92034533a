import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { applyContestEvent, createDraft } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { rateEntry } from "~/modules/judging/ratings.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";
import { flagSimilar, sameImage } from "../helpers/similarity";
import { makeLaunchedContest, makeReadyDraft, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { makeJudge, selectFinalistsNow } from "../helpers/judging";
import { startTestServer } from "../helpers/server";

// The gallery, the rating viewer, the shortlist and the wizard's summary as people meet them: what
// each shows, and the accessibility checks axe would make (no axe package here: the rules are
// computed from the page itself).

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const logIn = (page: Page, who: string) => logInThroughForm(page, server.url, who);

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 860 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/**
 * The WCAG contrast ratio of each matching element's border (against the ground around it) or text
 * (against its own ground), from getComputedStyle.
 */
async function contrasts(page: Page, selector: string, what: "border" | "text") {
  return page.$$eval(
    selector,
    (els, what) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const c = [r!, g!, b!].map((v) => {
          v /= 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
      };
      const ratio = (a: string, b: string) => {
        const x = lum(rgb(a));
        const y = lum(rgb(b));
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
      };
      const ground = (el: Element | null) => {
        for (let n = el; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor;
          const v = rgb(c);
          if (v.length < 4 || v[3]! > 0) return c;
        }
        return "rgb(255, 255, 255)";
      };
      return els
        .filter((el) => el.getBoundingClientRect().width > 0)
        .map((el) => {
          const style = getComputedStyle(el);
          return {
            what: `${el.tagName.toLowerCase()} ${(el as HTMLInputElement).name ?? ""} ${el.textContent?.trim() ?? ""}`,
            ratio:
              what === "border"
                ? ratio(style.borderTopColor, ground(el.parentElement))
                : ratio(style.color, ground(el)),
          };
        });
    },
    what,
  );
}

describe("similar entries, please review", () => {
  it("the client sees a 'similar to #1' note in the gallery and the viewer, compares the two side by side and dismisses it without JavaScript; the earlier designer sees it on their entry", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Souza");
    const ben = await makeUser("Ben Okafor");
    const earlier = await makeReadyEntry(contest.id, ana);
    const later = await makeReadyEntry(contest.id, ben);
    await sameImage(earlier, later);
    await paintEntries([earlier, later]);
    expect(await flagSimilar(later)).toBe(1);

    const { context, page, errors } = await newPage();
    await logIn(page, client);
    await page.goto(`${server.url}/contests/${contest.id}`);
    const tiles = page.getByTestId("gallery").locator("> li");
    const tile = (n: number) =>
      tiles.filter({ has: page.locator(".entry-card__number", { hasText: `#${n}` }) });
    const laterTile = tile(2);
    const note = laterTile.getByTestId("similar-note");
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Similar to #1, please review/);
    // A note to look at, never an accusation.
    expect(await note.innerText()).not.toMatch(/cop(y|ied)|plagiar|stole|theft/i);
    expect(await tile(1).getByTestId("similar-note").count()).toBe(0);
    await page.screenshot({ path: artifactPath("gallery-similar.png"), fullPage: true });

    // Side by side in the rating viewer.
    await note.getByRole("link", { name: "Compare side by side" }).click();
    await page.getByRole("heading", { name: "Comparing 2 entries" }).waitFor();
    expect(await page.locator(".compare-grid__cell").count()).toBe(2);
    const banner = page.getByTestId("similar-banner");
    expect(await banner.innerText()).toMatch(/Similar to #1, please review/);
    await page.screenshot({ path: artifactPath("viewer-similar-compare.png") });
    expect(errors).toEqual([]);
    await context.close();

    // Dismissed with a plain form: no JavaScript.
    const plain = await newPage({ javaScriptEnabled: false });
    await logIn(plain.page, client);
    await plain.page.goto(`${server.url}/contests/${contest.id}/judge?entry=${later}`);
    await plain.page.getByRole("button", { name: "Reviewed, dismiss" }).click();
    await plain.page.getByTestId("viewer").waitFor();
    expect(await plain.page.getByTestId("similar-banner").count()).toBe(0);
    const flag = await db()
      .selectFrom("similarity_flags")
      .select(["dismissed_at", "dismissed_by"])
      .where("entry_id", "=", later)
      .executeTakeFirstOrThrow();
    expect(flag.dismissed_by).toBe(client);
    expect(flag.dismissed_at).not.toBeNull();
    await plain.page.goto(`${server.url}/contests/${contest.id}`);
    await plain.page.getByTestId("gallery").waitFor();
    expect(await plain.page.getByTestId("similar-note").count()).toBe(0);
    await plain.context.close();

    // The earlier designer sees it on their own entry (this contest is not blind: the number shows).
    const designer = await newPage();
    await logIn(designer.page, ana);
    await designer.page.goto(`${server.url}/contests/${contest.id}`);
    const own = designer.page
      .getByTestId("gallery")
      .locator("> li")
      .filter({ has: designer.page.locator(".entry-card__number", { hasText: "#1" }) })
      .getByTestId("similar-note");
    await own.waitFor();
    expect(await own.innerText()).toMatch(/similar later entry/i);
    // …and on the entry's own page.
    await designer.page.goto(`${server.url}/entries/${earlier}`);
    expect(await designer.page.getByTestId("similar-note").innerText()).toMatch(/similar later entry/i);
    expect(designer.errors).toEqual([]);
    await designer.context.close();
  });
});

describe("the gallery and its labels", () => {
  it("after the winner is chosen: a winner badge, one entry count, designers' names, the client's own stars, no tile over its neighbour, and a viewer that no longer says 'Final round'", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Souza");
    const ben = await makeUser("Ben Okafor");
    const winning = await makeReadyEntry(contest.id, ana);
    const second = await makeReadyEntry(contest.id, ben);
    const third = await makeReadyEntry(contest.id, ben);
    const declined = await makeReadyEntry(contest.id, ana);
    await paintEntries([winning, second, third, declined]);
    await db()
      .updateTable("entries")
      .set({ title: "A golden loaf rising over the river at dawn, in three warm colours, the final version" })
      .where("id", "=", winning)
      .execute();
    await db()
      .updateTable("entries")
      .set({ status: "declined", decline_reason: "off_brief" })
      .where("id", "=", declined)
      .execute();
    await rateEntry({ contestId: contest.id, entryId: second, raterId: client, stars: 4 });
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_winner",
        designerId: ana,
        entryId: winning,
        verdict: await computeVerdict(trx, c),
      }),
    });

    const { context, page, errors } = await newPage({ width: 1100 });
    await logIn(page, client);
    await page.goto(`${server.url}/contests/${contest.id}`);
    await page.getByTestId("gallery").waitFor();
    const tiles = page.getByTestId("gallery").locator("> li");
    const tile = (n: number) =>
      tiles.filter({ has: page.locator(".entry-card__number", { hasText: `#${n}` }) });
    expect(await tiles.count()).toBe(4); // the declined one too, for the client, with its badge

    // One count: the gallery's heading and the contest's facts agree (the entries in the running).
    const headingCount = await page.locator("#gallery-title .num").innerText();
    const factsCount = await page
      .locator(".facts div")
      .filter({ has: page.locator("dt", { hasText: /^Entries$/ }) })
      .locator("dd")
      .innerText();
    expect(headingCount).toBe("3");
    expect(factsCount).toBe(headingCount);

    const winner = tiles.filter({ has: page.getByTestId("winner-badge") });
    expect(await winner.count()).toBe(1);
    expect(await winner.innerText()).toContain("by Ana Souza");
    expect(await tile(2).getByTestId("entry-designer").innerText()).toBe("by Ben Okafor");
    // The client's own stars on the tile they rated.
    expect(await tile(2).getByTestId("entry-my-stars").getByRole("img").getAttribute("aria-label")).toBe(
      "4 stars",
    );

    // No tile reaches into the next column: every tile's content stays inside its box.
    const overflow = await page.$$eval("[data-testid=gallery] > li", (items) =>
      items.flatMap((li) => {
        const box = li.getBoundingClientRect();
        return [...li.querySelectorAll("*")]
          .filter((el) => el.getBoundingClientRect().right > box.right + 1)
          .map((el) => `${el.className}: ${el.getBoundingClientRect().right} > ${box.right}`);
      }),
    );
    expect(overflow).toEqual([]);
    await page.screenshot({ path: artifactPath("gallery-winner.png"), fullPage: true });
    // On a phone the gallery reflows; nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: artifactPath("gallery-winner-phone.png"), fullPage: true });

    // The viewer after the contest's rounds: it says where the contest is, not "Final round".
    await page.goto(`${server.url}/contests/${contest.id}/judge`);
    const round = await page.getByTestId("viewer-round").innerText();
    expect(round).not.toMatch(/round/i);
    expect(round).toBe("Handover");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a judge's gallery does not name the designers (judges judge blind); a visitor's does", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Souza");
    const entry = await makeReadyEntry(contest.id, ana);
    await paintEntries([entry]);
    const judge = await makeJudge(contest.id, "Jules Judge");
    const { context, page } = await newPage();
    await page.goto(`${server.url}/contests/${contest.id}`);
    expect(await page.getByTestId("entry-designer").innerText()).toBe("by Ana Souza");
    await logIn(page, judge);
    await page.goto(`${server.url}/contests/${contest.id}`);
    await page.getByTestId("gallery").waitFor();
    expect(await page.getByTestId("entry-designer").count()).toBe(0);
    expect(await page.getByTestId("gallery").innerText()).not.toContain("Ana Souza");
    await context.close();
  });

  it("the shortlist ranks the finalists by score (the round-1 score until the final round is rated), shows no rank beside 'Not rated yet', and its thumbnails are large enough to choose from", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    // Alphabetical order and score order differ on purpose.
    const ana = await makeUser("Ana Able");
    const zoe = await makeUser("Zoé Zed");
    const anaEntry = await makeReadyEntry(contest.id, ana);
    const zoeEntry = await makeReadyEntry(contest.id, zoe);
    const zoeOther = await makeReadyEntry(contest.id, zoe);
    await paintEntries([anaEntry, zoeEntry, zoeOther]);
    await rateEntry({ contestId: contest.id, entryId: anaEntry, raterId: client, stars: 2 });
    await rateEntry({ contestId: contest.id, entryId: zoeEntry, raterId: client, stars: 5 });
    await selectFinalistsNow(contest.id, client, [ana, zoe]);

    const { context, page, errors } = await newPage();
    await logIn(page, client);
    await page.goto(`${server.url}/contests/${contest.id}/shortlist`);
    const rows = page.getByTestId("shortlist-designer");
    await rows.first().waitFor();
    expect(await rows.locator("h2").allInnerTexts()).toEqual([
      expect.stringContaining("Zoé Zed"),
      expect.stringContaining("Ana Able"),
    ]);
    // Nobody rated the final round yet: no entry claims a rank.
    for (const label of await page.getByTestId("shortlist-entry-label").allInnerTexts())
      expect(label).not.toMatch(/rank/i);
    expect(await page.getByText("Not rated yet").count()).toBe(3);
    const widths = await page.$$eval(".shortlist__thumb img", (imgs) =>
      imgs.map((i) => i.getBoundingClientRect().width),
    );
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: artifactPath("shortlist-final.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const w of await page.$$eval(".shortlist__thumb img", (imgs) =>
      imgs.map((i) => i.getBoundingClientRect().width),
    ))
      expect(w).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: artifactPath("shortlist-final-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });

    // Once the final round is rated, its ranks show beside its scores.
    await rateEntry({ contestId: contest.id, entryId: anaEntry, raterId: client, stars: 5 });
    await page.reload();
    await rows.first().waitFor();
    expect(await rows.first().locator("h2").innerText()).toContain("Ana Able");
    const labels = await page.getByTestId("shortlist-entry-label").allInnerTexts();
    expect(labels.filter((l) => /rank 1/.test(l))).toHaveLength(1);
    expect(labels.filter((l) => /rank/.test(l))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the wizard's summary follows a change of prize package or currency before it is saved", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const draft = await makeReadyDraft(client);
    const { context, page, errors } = await newPage();
    await logIn(page, client);
    await page.goto(`${server.url}/contests/${draft}/edit?step=4`);
    const aside = page.locator(".wizard__aside .facts__prize");
    const before = await aside.innerText();
    const silver = page.locator(".package--silver");
    const amount = await silver.locator(".package__amount").innerText();
    expect(amount).not.toBe(before);
    await silver.click();
    await expect.poll(() => aside.innerText()).toBe(amount);
    const gold = page.locator(".package--gold");
    await gold.click();
    await expect.poll(() => aside.innerText()).toBe(await gold.locator(".package__amount").innerText());
    // Another currency prices the packages, the summary and the field's sign in it at once.
    await page.getByLabel("Currency").selectOption("CAD");
    await expect.poll(() => gold.locator(".package__amount").innerText()).toBe("CA$1,120");
    await expect.poll(() => aside.innerText()).toBe("CA$1,120");
    await expect(page.locator(".input-prefix__text").innerText()).resolves.toBe("CA$");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("accessibility of the gallery, viewer, shortlist and wizard", () => {
  it("links' names begin with their visible text on a logged-in page (axe label-content-name-mismatch)", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const [ana, ben] = [await makeUser("Ana Souza"), await makeUser("Ben Okafor")];
    const first = await makeReadyEntry(contest.id, ana);
    const second = await makeReadyEntry(contest.id, ben);
    await sameImage(first, second);
    await paintEntries([first, second]); // the landing page shows them to everyone who logs in
    await flagSimilar(second); // an unread notification for the client, beside the launch receipt
    const { context, page } = await newPage();
    await logIn(page, client);
    for (const path of ["/dashboard", `/contests/${contest.id}`]) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId("current-user").waitFor();
      const mismatches = await page.$$eval("a[href], button", (els) => {
        const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
        const visible = (el: Element) => {
          let text = "";
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const parent = n.parentElement!;
            // Decorative (aria-hidden) text is not read; clipped "visually hidden" text is not seen.
            if (parent.closest("[aria-hidden=true]")) continue;
            const box = parent.getBoundingClientRect();
            const clipped =
              getComputedStyle(parent).clipPath !== "none" || getComputedStyle(parent).clip !== "auto";
            if (box.width > 1 && box.height > 1 && !clipped) text += n.textContent;
          }
          return norm(text);
        };
        const name = (el: Element) => {
          const label = el.getAttribute("aria-label");
          if (label) return norm(label);
          let text = "";
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode())
            if (!n.parentElement?.closest("[aria-hidden=true]")) text += n.textContent;
          return norm(text);
        };
        return els
          .filter((el) => el.getBoundingClientRect().width > 0)
          .map((el) => ({ visible: visible(el), name: name(el) }))
          .filter((x) => x.visible && /[a-z]/.test(x.visible) && !x.name.startsWith(x.visible));
      });
      expect(mismatches, `${path}: ${JSON.stringify(mismatches)}`).toEqual([]);
    }
    // The unread count is part of the notifications link's name.
    // (the similar entry's note and the launch receipt)
    expect(await page.getByRole("link", { name: /^Notifications 2 unread$/ }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /^Camille Tremblay/ }).count()).toBe(1);
    await context.close();
  });

  it("fields' borders have 3:1 against their ground and locked wizard steps 4.5:1", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const draft = await createDraft({
      clientId: client,
      category: "logo",
      title: "A new logo",
      businessName: "",
      currency: "USD",
    });
    const { context, page } = await newPage();
    await logIn(page, client);
    await db().updateTable("contests").set({ draft_step: 4 }).where("id", "=", draft).execute();
    for (const step of [1, 2, 4]) {
      await page.goto(`${server.url}/contests/${draft}/edit?step=${step}`);
      const weak = (await contrasts(page, ".input, .select, .textarea", "border")).filter((x) => x.ratio < 3);
      expect(weak, `step ${step}`).toEqual([]);
    }
    await db().updateTable("contests").set({ draft_step: 1 }).where("id", "=", draft).execute();
    await page.goto(`${server.url}/contests/${draft}/edit?step=1`);
    const locked = (await contrasts(page, ".stepper__step.is-locked .stepper__label", "text")).map(
      (x) => x.ratio,
    );
    expect(locked.length).toBeGreaterThan(0);
    for (const ratio of locked) expect(ratio).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it("the rating viewer makes the page behind it inert, its decline choices are 24 px targets, and a rating given with Tab and Enter is announced", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const ana = await makeUser("Ana Souza");
    const entries = [await makeReadyEntry(contest.id, ana), await makeReadyEntry(contest.id, ana)];
    await paintEntries(entries);
    const { context, page, errors } = await newPage();
    await logIn(page, client);
    await page.goto(`${server.url}/contests/${contest.id}/judge`);
    await page.locator("[data-testid=viewer][data-hydrated=true]").waitFor();

    // The first ten tab stops are visible controls inside the viewer.
    await page.locator("body").focus();
    const stops: { inViewer: boolean; visible: boolean; label: string }[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return { inViewer: false, visible: false, label: "body" };
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            inViewer: !!el.closest(".viewer"),
            visible:
              r.width > 0 && r.height > 0 && !!hit && (el === hit || el.contains(hit) || hit.contains(el)),
            label: el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? el.tagName,
          };
        }),
      );
    }
    expect(
      stops.filter((s) => !s.inViewer || !s.visible),
      JSON.stringify(stops),
    ).toEqual([]);

    // Decline's choices: at least 24 × 24 px each.
    await page.keyboard.press("Escape");
    await page.locator("body").press("d");
    const radios = page.locator(".viewer__reason input[type=radio]");
    await radios.first().waitFor();
    for (const box of await Promise.all((await radios.all()).map((r) => r.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(24);
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    await page.keyboard.press("Escape");

    // A rating given with Tab and Enter is announced, as the number keys' ratings are.
    const live = page.locator(".viewer [aria-live=polite]");
    expect(await live.innerText()).toBe("");
    await page.locator(".viewer__rate").getByRole("button", { name: "Rate 4 out of 5" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => live.innerText()).toBe("Entry #1 by Ana Souza: 4 stars");
    await expect
      .poll(async () =>
        (await db().selectFrom("ratings").select("stars").where("entry_id", "=", entries[0]!).execute()).map(
          (r) => r.stars,
        ),
      )
      .toEqual([4]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
