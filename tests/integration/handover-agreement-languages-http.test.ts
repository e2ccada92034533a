import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { translate } from "~/i18n";
import { agreementDate } from "~/modules/handover/agreement.server";
import { toWinAnsi } from "~/modules/handover/pdf";
import { decode } from "../helpers/contests";
import { handoverSetup, loginAs, sign } from "../helpers/handover";
import { startTestServer } from "../helpers/server";

// The design transfer agreement in both languages (issue 12, item 7): Québec's Charter of the French
// language has a contract of adhesion offered in French first; the parties may then choose to sign
// another language's text. The first signer's choice is the agreement's language.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const page = (contestId: string) => `/contests/${contestId}/handover`;

/** A party who reads Concours in French (their account's setting, which the page follows first). */
async function asReaderOf(userId: string, language: "fr-CA" | "en") {
  await db().updateTable("users").set({ locale: language }).where("id", "=", userId).execute();
  return loginAs(server, userId);
}

/**
 * The opening tag and the text of the agreement's document in `locale`, as a browser shows it.
 * React 18's streaming renderer can leave a NUL byte where a multi-byte character straddles its
 * 2 KB buffer (react/react#31134); an HTML parser drops NUL in text, and so does this.
 */
function documentOf(html: string, locale: string) {
  const at = html.indexOf(`data-testid="agreement-text-${locale}"`);
  if (at < 0) return null;
  const open = html.lastIndexOf("<div", at);
  const end = html.indexOf("</div>", at);
  const tag = html.slice(open, html.indexOf(">", at) + 1);
  const text = decode(html.slice(html.indexOf(">", at) + 1, end).replace(/<\/p><p[^>]*>/g, "\n\n"))
    .replace(/<[^>]+>/g, "")
    .replaceAll("\u0000", "")
    .trim();
  return { at, tag, text };
}

async function storedAgreement(contestId: string) {
  return db()
    .selectFrom("transfer_agreements")
    .selectAll()
    .where("contest_id", "=", contestId)
    .executeTakeFirstOrThrow();
}

async function signatures(contestId: string) {
  return db()
    .selectFrom("agreement_signatures")
    .select(["party", "text_sha256"])
    .where("contest_id", "=", contestId)
    .orderBy("signed_at")
    .execute();
}

/**
 * WinAnsiEncoding's codes 0x80–0x9F, from the PDF specification (Annex D); 0xA0–0xFF are Latin-1.
 * Written out here rather than asking TextDecoder("windows-1252"), which Node decodes as Latin-1.
 */
const WIN_ANSI_80 = "€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ";
const fromWinAnsi = (bytes: string) =>
  [...bytes]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x80 && code <= 0x9f ? WIN_ANSI_80[code - 0x80]! : ch;
    })
    .join("");

/**
 * The text a PDF draws in its body (every `(…) Tj` but the page footers, drawn at 8 pt), decoded
 * from WinAnsi, one string per line.
 */
function pdfLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const row of pdf.toString("latin1").split("\n")) {
    const m = /^BT \/F\d ([\d.]+) Tf .* Td \(((?:\\.|[^\\)])*)\) Tj ET$/.exec(row);
    if (!m || m[1] === "8") continue;
    const bytes = m[2]!
      .replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
      .replace(/\\([()\\])/g, "$1");
    lines.push(fromWinAnsi(bytes));
  }
  return lines;
}

/** Line breaks and runs of ordinary spaces as one space (no-break spaces stay what they are). */
const flat = (text: string) => text.replace(/[ \n]+/g, " ").trim();

describe("the agreement in French and in English", () => {
  it("shows both texts before anyone signs, the French first with lang=fr-CA, whatever the reader's language", async () => {
    const s = await handoverSetup();
    for (const language of ["en", "fr-CA"] as const) {
      const asClient = await asReaderOf(s.client, language);
      const html = await (await asClient.get(page(s.contestId))).text();
      const fr = documentOf(html, "fr-CA");
      const en = documentOf(html, "en");
      expect(fr, language).not.toBeNull();
      expect(en, language).not.toBeNull();
      expect(fr!.at, `${language}: French first`).toBeLessThan(en!.at);
      expect(fr!.tag).toContain('lang="fr-CA"');
      expect(en!.tag).toContain('lang="en"');
      expect(fr!.text).toMatch(/^ENTENTE DE CESSION DE DROITS\n\nDate\u00a0: \d{1,2} [a-zé]+ \d{4}\n/);
      expect(fr!.text).toContain("proposition nº\u00a01, «\u00a0Golden loaf\u00a0»");
      expect(en!.text).toMatch(/^DESIGN TRANSFER AGREEMENT\n\nDate: [A-Z][a-z]+ \d{1,2}, \d{4}\n/);
      expect(en!.text).toContain("entry #1, “Golden loaf”");

      // The note says so, in the reader's language; the form asks for the language, French preselected.
      const text = decode(html);
      const locale = language === "en" ? "en" : "fr-CA";
      expect(text).toContain(translate(locale, "agreement.bilingual"));
      expect(text).toContain(translate(locale, "agreement.language.legend"));
      expect(html).toContain('<input type="radio" name="language" checked="" value="fr-CA"/>');
      expect(html).toContain('<input type="radio" name="language" value="en"/>');
      expect(html).toContain('<span lang="fr-CA">Français</span>');
      expect(html).toContain('<span lang="en">English</span>');
    }
    expect(await db().selectFrom("transfer_agreements").select("contest_id").execute()).not.toContainEqual({
      contest_id: s.contestId,
    });
  });

  it("signed in English by a French reader, stores the English text and its SHA-256; the other party signs the same text", async () => {
    const s = await handoverSetup();
    const asClient = await asReaderOf(s.client, "fr-CA");
    expect((await sign(asClient, s.contestId, "Camille Tremblay", "ClientBrowser/2.0", "en")).status).toBe(
      302,
    );
    const agreement = await storedAgreement(s.contestId);
    expect(agreement.locale).toBe("en");
    expect(agreement.text).toMatch(/^DESIGN TRANSFER AGREEMENT\n/);
    expect(agreement.text_sha256).toBe(sha256(agreement.text));

    // The winner, reading in French, sees the signed English text first, the French as a translation.
    const asWinner = await asReaderOf(s.winner, "fr-CA");
    const html = await (await asWinner.get(page(s.contestId))).text();
    const signed = documentOf(html, "en")!;
    const translation = documentOf(html, "fr-CA")!;
    expect(signed.tag).toContain('lang="en"');
    expect(signed.text).toBe(agreement.text);
    expect(signed.at).toBeLessThan(translation.at);
    expect(html.slice(html.indexOf('data-testid="agreement-translation"'))).toContain(
      'data-testid="agreement-text-fr-CA"',
    );
    expect(translation.text).toMatch(/^ENTENTE DE CESSION DE DROITS\n/);
    // The translation is dated as the signed text is.
    expect(translation.text).toContain(`Date\u00a0: ${agreementDate(agreement.created_at, "fr-CA")}\n`);
    const words = decode(html);
    expect(words).toContain(translate("fr-CA", "agreement.language.fixed", { language: "en" }));
    expect(words).toContain(translate("fr-CA", "agreement.language.signFixed", { language: "en" }));
    expect(words).toContain(translate("fr-CA", "agreement.version.translation", { language: "fr" }));
    // No choice left: the form carries the stored language.
    expect(html).toContain('<input type="hidden" name="language" value="en"/>');
    expect(html).not.toContain('type="radio" name="language"');

    // A form still showing the choice (opened before the client signed) posts French: refused, clearly.
    const stale = await sign(asWinner, s.contestId, "Ana Souza", "DesignerBrowser/3.1", "fr-CA");
    expect(stale.status).toBe(409);
    expect(decode(await stale.text())).toContain(
      "L’entente vient d’être signée en anglais, ce qui en fixe la langue. Lisez ce texte, puis signez-le.",
    );
    expect(await signatures(s.contestId)).toHaveLength(1);

    expect((await sign(asWinner, s.contestId, "Ana Souza", "DesignerBrowser/3.1", "en")).status).toBe(302);
    expect(await signatures(s.contestId)).toEqual([
      { party: "client", text_sha256: agreement.text_sha256 },
      { party: "designer", text_sha256: agreement.text_sha256 },
    ]);
    expect(await storedAgreement(s.contestId)).toEqual(agreement);

    const txt = await asWinner.get(`${page(s.contestId)}/agreement.txt`);
    expect(sha256(Buffer.from(await txt.arrayBuffer()))).toBe(agreement.text_sha256);
  });

  it("signed in French by an English reader, stores the French text and its SHA-256, and downloads it as text and as a PDF with its accents", async () => {
    const s = await handoverSetup();
    // A title with the letters the agreement's own words lack.
    await db()
      .updateTable("contests")
      .set({ title: "Façade du Cœur" })
      .where("id", "=", s.contestId)
      .execute();
    const asWinner = await loginAs(server, s.winner); // reads in English
    expect((await sign(asWinner, s.contestId, "Ana Souza", "DesignerBrowser/3.1", "fr-CA")).status).toBe(302);
    const asClient = await loginAs(server, s.client);
    const before = await (await asClient.get(page(s.contestId))).text();
    expect(before).toContain('<input type="hidden" name="language" value="fr-CA"/>');
    expect(decode(before)).toContain("You sign the same text, in French.");
    // The other language, posted by hand: refused in the reader's words.
    const wrong = await sign(asClient, s.contestId, "Camille Tremblay", "ClientBrowser/2.0", "en");
    expect(wrong.status).toBe(409);
    expect(decode(await wrong.text())).toContain(
      "The agreement has just been signed in French, which sets its language. Read that text, then sign it.",
    );
    expect((await sign(asClient, s.contestId, "Camille Tremblay", "ClientBrowser/2.0", "fr-CA")).status).toBe(
      302,
    );

    const agreement = await storedAgreement(s.contestId);
    expect(agreement.locale).toBe("fr-CA");
    expect(agreement.text).toMatch(/^ENTENTE DE CESSION DE DROITS\n\nDate\u00a0: /);
    expect(agreement.text).toContain("Entre Camille Tremblay («\u00a0le Client\u00a0») et Ana Souza");
    expect(agreement.text).toContain("Le prix de 499\u00a0$\u00a0US");
    expect(agreement.text_sha256).toBe(sha256(agreement.text));
    expect(await signatures(s.contestId)).toEqual([
      { party: "designer", text_sha256: agreement.text_sha256 },
      { party: "client", text_sha256: agreement.text_sha256 },
    ]);
    const completed = await (await asClient.get(page(s.contestId))).text();
    expect(documentOf(completed, "fr-CA")!.text).toBe(agreement.text);
    expect(documentOf(completed, "fr-CA")!.at).toBeLessThan(documentOf(completed, "en")!.at);

    const txt = await asClient.get(`${page(s.contestId)}/agreement.txt`);
    expect(txt.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const bytes = Buffer.from(await txt.arrayBuffer());
    expect(bytes.toString("utf8")).toBe(agreement.text);
    expect(sha256(bytes)).toBe(agreement.text_sha256);

    // The PDF draws every character of the signed text: accents, «», ’, œ, nº and no-break spaces.
    const pdfRes = await asClient.get(`${page(s.contestId)}/agreement.pdf`);
    expect(pdfRes.status).toBe(200);
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Encoding /WinAnsiEncoding");
    expect(raw).toContain("/Lang (fr-CA)");
    const lines = pdfLines(pdf);
    expect(lines[0]).toBe("ENTENTE DE CESSION DE DROITS");
    const drawn = flat(lines.join("\n"));
    expect(drawn).toContain(flat(agreement.text));
    expect(drawn).not.toContain("?"); // nothing fell back to WinAnsi's "?"
    for (const piece of [
      "é",
      "è",
      "à",
      "ç",
      "œ",
      "«\u00a0",
      "\u00a0»",
      "Œ",
      "’",
      "nº\u00a01",
      "Date\u00a0:",
    ]) {
      expect(drawn, piece).toContain(piece);
    }
    // The bytes themselves: WinAnsi codes written as octal escapes.
    for (const [ch, octal] of [
      ["é", "\\351"],
      ["è", "\\350"],
      ["à", "\\340"],
      ["ç", "\\347"],
      ["«", "\\253"],
      ["»", "\\273"],
      ["’", "\\222"],
      ["Œ", "\\214"],
      ["œ", "\\234"],
      ["\u00a0", "\\240"],
    ]) {
      expect(raw, ch).toContain(octal);
    }
  });

  it("requires the language, from the catalogue in the reader's language, and changes nothing", async () => {
    const s = await handoverSetup();
    for (const [language, posted] of [
      ["en", undefined],
      ["fr-CA", "de"],
    ] as const) {
      const asClient = await asReaderOf(s.client, language);
      const res = await asClient.post(page(s.contestId), {
        intent: "sign",
        legalName: "Camille Tremblay",
        agree: "on",
        ...(posted ? { language: posted } : {}),
      });
      expect(res.status).toBe(400);
      expect(decode(await res.text())).toContain(translate(language, "agreement.error.language"));
    }
    expect(
      await db()
        .selectFrom("transfer_agreements")
        .select("contest_id")
        .where("contest_id", "=", s.contestId)
        .execute(),
    ).toEqual([]);
  });

  it("reads the language of an agreement stored before migration 0013 from its text", async () => {
    const s = await handoverSetup();
    const entry = await db()
      .selectFrom("contests")
      .select(["client_id", "winner_id", "winning_entry_id"])
      .where("id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    const text = "ENTENTE DE CESSION DE DROITS\n\nUn texte d’avant la migration 0013.";
    await db()
      .insertInto("transfer_agreements")
      .values({
        contest_id: s.contestId,
        client_id: entry.client_id,
        designer_id: entry.winner_id!,
        entry_id: entry.winning_entry_id!,
        template: "transfer-v1",
        text,
        text_sha256: sha256(text),
        created_at: Date.now(),
      })
      .execute();
    const asWinner = await loginAs(server, s.winner);
    const html = await (await asWinner.get(page(s.contestId))).text();
    expect(documentOf(html, "fr-CA")!.text).toBe(text);
    expect(html).toContain('<input type="hidden" name="language" value="fr-CA"/>');
    expect((await sign(asWinner, s.contestId, "Ana Souza", undefined, "en")).status).toBe(409);
    expect((await sign(asWinner, s.contestId, "Ana Souza", undefined, "fr-CA")).status).toBe(302);
    expect(await signatures(s.contestId)).toEqual([{ party: "designer", text_sha256: sha256(text) }]);
  });
});

describe("the PDF writer, in French", () => {
  it("writes French punctuation and ligatures as their WinAnsi codes, a narrow no-break space as a no-break space", () => {
    expect(toWinAnsi("«\u00a0l’Œuvre\u00a0» nº\u202f1 : çà è œ")).toEqual([
      0xab,
      0xa0,
      0x6c,
      0x92,
      0x8c,
      ...Buffer.from("uvre", "latin1"),
      0xa0,
      0xbb,
      0x20,
      0x6e,
      0xba,
      0xa0,
      0x31,
      0x20,
      0x3a,
      0x20,
      0xe7,
      0xe0,
      0x20,
      0xe8,
      0x20,
      0x9c,
    ]);
  });
});
