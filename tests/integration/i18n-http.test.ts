import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { translate } from "~/i18n";
import { makeUser } from "../helpers/fixtures";
import { decode } from "../helpers/contests";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function htmlLang(html: string) {
  return /<html lang="([^"]+)"/.exec(html)?.[1];
}

function visitor(language: string | null) {
  const client = server.client();
  client.language = language;
  return client;
}

describe("the reader's language", () => {
  it("answers a browser that prefers French in French, with lang=fr-CA", async () => {
    const html = decode(await (await visitor("fr-CA,fr;q=0.9,en;q=0.5").get("/")).text());
    expect(htmlLang(html)).toBe("fr-CA");
    expect(html).toContain(translate("fr-CA", "nav.login"));
    expect(html).toContain(translate("fr-CA", "landing.cta.client"));
  });

  it("answers in English for an English browser, and in French for one that names neither", async () => {
    expect(htmlLang(await (await visitor("en-US,en;q=0.9").get("/")).text())).toBe("en");
    expect(htmlLang(await (await visitor("de-DE").get("/")).text())).toBe("fr-CA");
    expect(htmlLang(await (await visitor(null).get("/")).text())).toBe("fr-CA");
  });

  it("links every page to itself in each language (hreflang)", async () => {
    const html = decode(await (await visitor("en").get("/contests?sort=new")).text());
    expect(html).toMatch(
      /<link rel="alternate" hrefLang="fr-CA" href="[^"]*\/contests\?sort=new&lang=fr-CA"/i,
    );
    expect(html).toMatch(/<link rel="alternate" hrefLang="en" href="[^"]*\/contests\?sort=new&lang=en"/i);
    expect(html).toMatch(/<link rel="alternate" hrefLang="x-default" href="[^"]*\/contests\?sort=new"/i);
    const french = await visitor("en").get("/contests?lang=fr-CA");
    expect(htmlLang(await french.text())).toBe("fr-CA");
  });

  it("keeps a visitor's choice from the switch, over what the browser prefers", async () => {
    const client = visitor("en-US");
    const res = await client.post("/language", { locale: "fr-CA", back: "/contests?lang=en&sort=new" });
    expect(res.status).toBe(302);
    // Back where they were, without the address's old ?lang= that would outrank the choice.
    expect(res.headers.get("location")).toBe("/contests?sort=new");
    expect(htmlLang(await (await client.get("/contests")).text())).toBe("fr-CA");
    expect(htmlLang(await (await client.get("/")).text())).toBe("fr-CA");
  });

  it("keeps a logged-in person's choice in their account, on every device", async () => {
    const userId = await makeUser("Langue");
    const phone = await loginAs(server, userId);
    phone.language = "en";
    expect(htmlLang(await (await phone.get("/dashboard")).text())).toBe("en");
    expect((await phone.post("/language", { locale: "fr-CA", back: "/dashboard" })).status).toBe(302);
    const row = await db()
      .selectFrom("users")
      .select("locale")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(row.locale).toBe("fr-CA");
    // Another browser, English, with no cookie of the switch: the account decides.
    const laptop = await loginAs(server, userId);
    laptop.language = "en-US";
    expect(htmlLang(await (await laptop.get("/dashboard")).text())).toBe("fr-CA");
  });

  it("refuses a language we do not offer, in the reader's language, and never sends them off-site", async () => {
    const client = visitor("fr-CA");
    const res = await client.post("/language", { locale: "xx", back: "/" });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(translate("fr-CA", "errors.language"));
    const away = await client.post("/language", { locale: "en", back: "https://evil.example/" });
    expect(away.headers.get("location")).toBe("/");
  });

  it("shows a French validation error on a bad form", async () => {
    const client = visitor("fr-CA");
    const res = await client.post("/signup", {
      displayName: "",
      email: "pas-un-courriel",
      password: "court",
      role: "client",
    });
    const html = decode(await res.text());
    expect(htmlLang(html)).toBe("fr-CA");
    expect(html).toContain(translate("fr-CA", "validation.email"));
    expect(html).not.toContain(translate("en", "validation.email"));
  });
});

describe("the bytes of a page", () => {
  it.each(["fr-CA", "en"])(
    "hold no NUL byte, wherever an accented character meets the renderer's buffer (%s)",
    async (language) => {
      // The French privacy policy put a NUL before "’extérieur" with React 18's stream renderer.
      for (const path of ["/", "/contests", "/terms", "/privacy", "/login", "/signup"]) {
        const bytes = Buffer.from(await (await visitor(language).get(path)).arrayBuffer());
        expect(bytes.length, path).toBeGreaterThan(1000);
        expect(bytes.indexOf(0), path).toBe(-1);
        // Nothing else was lost: the page is still well-formed UTF-8 with its whole document.
        expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes), path).toContain("</html>");
      }
    },
  );
});
