import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { renderPdf, toWinAnsi } from "~/modules/handover/pdf";
import { decode } from "../helpers/contests";
import { handoverSetup, loginAs, sign } from "../helpers/handover";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** Every object the xref table points at starts with "<n> 0 obj" at that byte offset. */
function checkXref(pdf: Buffer) {
  const text = pdf.toString("latin1");
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  expect(first).toBe("0");
  const rows = text
    .slice(startxref)
    .split("\n")
    .slice(2, 2 + Number(count));
  rows.slice(1).forEach((row, i) => {
    const offset = Number(row.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  return Number(count);
}

describe("the design transfer agreement", () => {
  it("is signed by both parties with their legal names, and records the text, its SHA-256, who, when and from where", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    const asWinner = await loginAs(server, s.winner);

    const before = decode(await (await asClient.get(`/contests/${s.contestId}/handover`)).text());
    expect(before).toContain("DESIGN TRANSFER AGREEMENT");
    expect(before).toContain("entry #1, “Golden loaf”");
    expect(before).toContain("These are the texts you may sign.");

    const first = await sign(asClient, s.contestId, "  Camille   Tremblay ", "ClientBrowser/2.0");
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/contests/${s.contestId}/handover?signed=1#agreement`);
    const second = await sign(asWinner, s.contestId, "Ana Maria Souza", "DesignerBrowser/3.1");
    expect(second.status).toBe(302);

    const agreement = await db()
      .selectFrom("transfer_agreements")
      .selectAll()
      .where("contest_id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    expect(agreement.text_sha256).toBe(sha256(agreement.text));
    expect(agreement.text).toContain(
      "Between Camille Tremblay (“the Client”) and Ana Souza (“the Designer”)",
    );
    expect(agreement.text).toContain("Contest: “Logo for Pain d'Or” on Concours");
    expect(agreement.text).toContain("entry #1, “Golden loaf”");
    expect(agreement.text).toContain("The prize of $499");
    expect(agreement.text).toMatch(/^DESIGN TRANSFER AGREEMENT\n\nDate: [A-Z][a-z]+ \d{1,2}, \d{4}\n/);
    expect(agreement.entry_id).toBe(s.winningEntry);

    const signatures = await db()
      .selectFrom("agreement_signatures")
      .selectAll()
      .where("contest_id", "=", s.contestId)
      .orderBy("signed_at")
      .execute();
    expect(signatures.map((x) => [x.party, x.user_id, x.legal_name, x.user_agent, x.text_sha256])).toEqual([
      ["client", s.client, "Camille Tremblay", "ClientBrowser/2.0", agreement.text_sha256],
      ["designer", s.winner, "Ana Maria Souza", "DesignerBrowser/3.1", agreement.text_sha256],
    ]);
    expect(signatures[0]!.ip).toMatch(/127\.0\.0\.1/);

    const page = decode(await (await asWinner.get(`/contests/${s.contestId}/handover`)).text());
    expect(page).toContain("Signed by both parties. This agreement can no longer change.");
    expect(page).toContain(agreement.text_sha256);
    expect(page).toContain("Signed by Camille Tremblay");

    // Each party was told when the other signed.
    const told = await db()
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("kind", "=", "handover.signed")
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([s.client, s.winner].sort());
  });

  it("refuses a second signature by the same party, an empty name and an unticked box, and changes nothing", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    const noName = await asClient.post(`/contests/${s.contestId}/handover`, {
      intent: "sign",
      legalName: " ",
      agree: "on",
    });
    expect(noName.status).toBe(400);
    expect(decode(await noName.text())).toContain("Type your legal name, as on an official document.");
    const noBox = await asClient.post(`/contests/${s.contestId}/handover`, {
      intent: "sign",
      legalName: "Camille Tremblay",
    });
    expect(noBox.status).toBe(400);
    expect(decode(await noBox.text())).toContain("Tick the box to agree.");
    expect(
      await db()
        .selectFrom("transfer_agreements")
        .select("contest_id")
        .where("contest_id", "=", s.contestId)
        .execute(),
    ).toEqual([]);

    expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
    const again = await sign(asClient, s.contestId, "Someone Else");
    expect(again.status).toBe(409);
    expect(decode(await again.text())).toContain("You have already signed this agreement.");
    const rows = await db()
      .selectFrom("agreement_signatures")
      .select("legal_name")
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(rows).toEqual([{ legal_name: "Camille Tremblay" }]);

    // Nobody else can sign (the handover does not exist for them).
    for (const who of [s.other, s.judge, s.stranger]) {
      expect((await sign(await loginAs(server, who), s.contestId, "Intruder Name")).status).toBe(404);
    }
  });

  it("cannot be changed or deleted once signed, not even with SQL (the database refuses)", async () => {
    const s = await handoverSetup();
    await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay");
    await sign(await loginAs(server, s.winner), s.contestId, "Ana Souza");
    const attempts = [
      sql`update transfer_agreements set text = 'something else' where contest_id = ${s.contestId}`,
      sql`update transfer_agreements set text_sha256 = ${"0".repeat(64)} where contest_id = ${s.contestId}`,
      sql`delete from transfer_agreements where contest_id = ${s.contestId}`,
      sql`update agreement_signatures set legal_name = 'Forged' where contest_id = ${s.contestId}`,
      sql`update agreement_signatures set signed_at = 0 where contest_id = ${s.contestId}`,
      sql`delete from agreement_signatures where contest_id = ${s.contestId}`,
    ];
    for (const attempt of attempts) {
      await expect(attempt.execute(db())).rejects.toThrow(/signed and cannot change/);
    }
    // A signature must name the stored text's digest (a foreign key), so a forged one cannot be added.
    await expect(
      sql`insert into agreement_signatures (contest_id, party, user_id, legal_name, text_sha256, ip, user_agent, signed_at)
          values (${s.other}, 'client', ${s.other}, 'Forger', ${"f".repeat(64)}, '1.1.1.1', 'x', 1)`.execute(
        db(),
      ),
    ).rejects.toThrow();
    const rows = await db()
      .selectFrom("agreement_signatures")
      .select(["legal_name"])
      .where("contest_id", "=", s.contestId)
      .orderBy("legal_name")
      .execute();
    expect(rows.map((r) => r.legal_name)).toEqual(["Ana Souza", "Camille Tremblay"]);
  });

  it("downloads as a PDF and as the exact signed text (whose SHA-256 is the one on record), for its two parties only", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    expect((await asClient.get(`/contests/${s.contestId}/handover/agreement.pdf`)).status).toBe(404);
    await sign(asClient, s.contestId, "Camille Tremblay");
    await sign(await loginAs(server, s.winner), s.contestId, "Ana Souza");
    const agreement = await db()
      .selectFrom("transfer_agreements")
      .selectAll()
      .where("contest_id", "=", s.contestId)
      .executeTakeFirstOrThrow();

    const pdfRes = await asClient.get(`/contests/${s.contestId}/handover/agreement.pdf`);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get("content-type")).toBe("application/pdf");
    expect(pdfRes.headers.get("content-disposition")).toMatch(
      /^attachment; filename="design-transfer-agreement-logo-for-pain-d-or\.pdf"/,
    );
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(checkXref(pdf)).toBeGreaterThanOrEqual(7);
    const text = pdf.toString("latin1");
    expect(text).toContain("/BaseFont /Helvetica");
    expect(text).toContain("(DESIGN TRANSFER AGREEMENT)");
    expect(text).toContain("Client: Camille Tremblay, signed");
    expect(text).toContain("Designer: Ana Souza, signed");
    expect(text).toContain(agreement.text_sha256);

    const txtRes = await (
      await loginAs(server, s.winner)
    ).get(`/contests/${s.contestId}/handover/agreement.txt`);
    expect(txtRes.status).toBe(200);
    expect(txtRes.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const bytes = Buffer.from(await txtRes.arrayBuffer());
    expect(sha256(bytes)).toBe(agreement.text_sha256);

    for (const who of [s.other, s.judge, s.stranger]) {
      expect(
        (await (await loginAs(server, who)).get(`/contests/${s.contestId}/handover/agreement.pdf`)).status,
      ).toBe(404);
    }
    expect((await server.client().get(`/contests/${s.contestId}/handover/agreement.txt`)).status).toBe(404);
  });
});

/** What a 404 says: status, body and every header, but what differs by request (date, id, nonce). */
async function answer(res: Response) {
  const headers = [...res.headers]
    .filter(([name]) => name !== "date" && name !== "x-request-id")
    .map(([name, value]) => [name, value.replace(/'nonce-[^']+'/, "'nonce-…'")]);
  return { status: res.status, body: await res.text(), headers };
}

describe("the agreement, to anyone who is not a party", () => {
  it("answers exactly as for a contest that does not exist, before and after a signature; its parties may be told it is not signed yet", async () => {
    const s = await handoverSetup();
    const live = await handoverSetup(); // a contest that exists but is not this one: never in the picture
    const people = {
      other: await loginAs(server, s.other),
      judge: await loginAs(server, s.judge),
      stranger: await loginAs(server, s.stranger),
      otherWinner: await loginAs(server, live.winner),
      visitor: server.client(),
    };
    const nowhere = "nosuchcontest000";
    const hidden = async (moment: string) => {
      for (const ext of ["pdf", "txt"]) {
        for (const [who, c] of Object.entries(people)) {
          const expected = await answer(await c.get(`/contests/${nowhere}/handover/agreement.${ext}`));
          expect(expected.status).toBe(404);
          expect(expected.body).toBe(
            "There is nothing at this address. It may have moved, or it may be private.",
          );
          const got = await answer(await c.get(`/contests/${s.contestId}/handover/agreement.${ext}`));
          expect(got, `${who}, agreement.${ext}, ${moment}`).toEqual(expected);
        }
      }
    };

    await hidden("before any signature");
    // Its parties, before anyone signed, are told why there is nothing yet.
    for (const party of [s.client, s.winner]) {
      const res = await (await loginAs(server, party)).get(`/contests/${s.contestId}/handover/agreement.pdf`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("The agreement can be downloaded once someone has signed it.");
    }

    await sign(await loginAs(server, s.winner), s.contestId, "Ana Souza");
    await hidden("after the winner signed");
    await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay");
    await hidden("after both signed");
    const forClient = await (
      await loginAs(server, s.client)
    ).get(`/contests/${s.contestId}/handover/agreement.txt`);
    expect(forClient.status).toBe(200);
  });
});

describe("the PDF writer", () => {
  it("writes French names in WinAnsi, wraps long text onto more pages, and keeps its cross-reference table right", () => {
    expect(toWinAnsi("Chloé “Gagnon” — 10 €")).toEqual([
      ...Buffer.from("Chlo", "latin1"),
      0xe9,
      0x20,
      0x93,
      ...Buffer.from("Gagnon", "latin1"),
      0x94,
      0x20,
      0x97,
      0x20,
      0x31,
      0x30,
      0x20,
      0x80,
    ]);
    expect(toWinAnsi("Łukasz 王")).toEqual([...Buffer.from("Lukasz ", "latin1"), 0x3f]);
    const long = Array.from(
      { length: 120 },
      (_, i) => `Paragraph ${i} with (parentheses) and a back\\slash.`,
    );
    const pdf = Buffer.from(
      renderPdf(
        long.map((text) => ({ kind: "paragraph" as const, text })),
        { title: "Test", footer: "Page {n} of {total}" },
      ),
    );
    const count = checkXref(pdf);
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString("latin1"))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(count).toBe(6 + pages * 2);
    expect(pdf.toString("latin1")).toContain("(Paragraph 7 with \\(parentheses\\) and a back\\\\slash.)");
    expect(pdf.toString("latin1")).toContain(`(Page ${pages} of ${pages})`);
  });
});
