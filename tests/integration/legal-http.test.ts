import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES, translate, type Locale } from "~/i18n";
import { decode } from "../helpers/contests";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function page(path: string, locale: Locale) {
  const client = server.client();
  client.language = locale;
  const res = await client.get(path);
  return { status: res.status, html: decode(await res.text()) };
}

function h1(html: string) {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
}

describe.each(LOCALES)("the legal pages in %s", (locale) => {
  it("publish the terms of use, with their date and a table of contents", async () => {
    const { status, html } = await page("/terms", locale);
    expect(status).toBe(200);
    expect(html).toContain(`<html lang="${locale}"`);
    expect(h1(html)).toBe(translate(locale, "legal.terms.title"));
    expect(html).toContain('<time dateTime="2026-12-01">');
    expect(html).toContain(
      translate(locale, "legal.updated", { date: locale === "en" ? "December 1, 2026" : "1 décembre 2026" }),
    );
    expect(html).toContain('href="#governing-law"');
    expect(html).toContain(`<h2 id="language">${translate(locale, "legal.terms.s12.title")}</h2>`);
  });

  it("publish the privacy policy, naming the person in charge and the Commission d’accès à l’information", async () => {
    const { status, html } = await page("/privacy", locale);
    expect(status).toBe(200);
    expect(html).toContain(`<html lang="${locale}"`);
    expect(h1(html)).toBe(translate(locale, "legal.privacy.title"));
    expect(html).toContain(translate(locale, "legal.privacy.officer.role"));
    expect(html).toContain('href="mailto:confidentialite@concours.example"');
    expect(html).toContain("Commission d’accès à l’information du Québec");
    expect(html).toContain('href="#complaints"');
  });
});
