import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { HANDOVER_AUTO_APPROVE_MS } from "~/modules/contests/machine";
import { DAY } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { decode } from "../helpers/contests";
import { FILES, blobKeys, finalVersions, handoverSetup, loginAs, uploadFinal } from "../helpers/handover";
import { startTestServer } from "../helpers/server";

// A small cap, so "one byte too many" is cheap to send (the default is 200 MB).
const CAP = 64 * 1024;
process.env.HANDOVER_MAX_BYTES = String(CAP);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const message = async (res: Response) => ((await res.json()) as { message?: string }).message ?? "";

describe("the winner uploads the final files", () => {
  it("accepts each format the brief asked for (and a zip), stores it privately, and starts the 5-day clock", async () => {
    const s = await handoverSetup({ deliverables: ["svg", "png", "pdf", "ai", "eps"] });
    const asWinner = await loginAs(server, s.winner);
    const before = (await loadContest(db(), s.contestId))!;
    expect(before.roundEndsAt).toBeNull();

    const locations: string[] = [];
    for (const [name, bytes] of [
      ["logo.svg", FILES.svg],
      ["logo.png", FILES.png],
      ["brand guide.pdf", FILES.pdf],
      ["logo.ai", FILES.pdf], // Illustrator files are PDF-compatible
      ["logo.eps", FILES.eps],
      ["fonts.zip", FILES.zip],
    ] as const) {
      const res = await uploadFinal(asWinner, s.contestId, name, bytes);
      expect(res.status, name).toBe(201);
      locations.push(((await res.json()) as { location: string }).location);
    }
    const versions = await finalVersions(s.contestId);
    // Each upload sends the form to an address of its own (one differing only by its hash would not load).
    expect(locations).toEqual(
      versions.map((v) => `/contests/${s.contestId}/handover?uploaded=${v.id}#files`),
    );
    expect(versions.map((v) => [v.file_name, v.format, Number(v.bytes)])).toEqual([
      ["logo.svg", "svg", FILES.svg.length],
      ["logo.png", "png", FILES.png.length],
      ["brand guide.pdf", "pdf", FILES.pdf.length],
      ["logo.ai", "ai", FILES.pdf.length],
      ["logo.eps", "eps", FILES.eps.length],
      ["fonts.zip", "zip", FILES.zip.length],
    ]);
    // Stored under the private final-files prefix, byte for byte, with the SHA-256 on record.
    for (const v of versions) expect(v.blob_key.startsWith(`private/finals/${s.contestId}/`)).toBe(true);
    const stored = await blobKeys(`private/finals/${s.contestId}/`);
    expect(stored.sort()).toEqual(versions.map((v) => v.blob_key).sort());
    expect(versions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The first upload started the automatic approval's clock, once, and told the client.
    const after = (await loadContest(db(), s.contestId))!;
    expect(after.status).toBe("handover");
    expect(after.roundEndsAt).not.toBeNull();
    const events = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(events.filter((e) => e.kind === "handover_started")).toHaveLength(1);
    const reminders = await db()
      .selectFrom("jobs")
      .select(["unique_key", "run_at"])
      .where("kind", "=", "handover.reminder")
      .execute();
    expect(reminders.map((r) => r.run_at).sort()).toEqual([
      after.roundEndsAt! - 2 * DAY,
      after.roundEndsAt! - 1 * DAY,
    ]);
    expect(after.roundEndsAt! - after.updatedAt).toBe(HANDOVER_AUTO_APPROVE_MS);
    const told = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.client)
      .execute();
    expect(told.map((n) => n.kind)).toContain("handover.started");
  });

  it("refuses, by the bytes, a file that is not what its name says, and formats the brief did not ask for", async () => {
    const s = await handoverSetup({ deliverables: ["svg", "png", "pdf"] });
    const asWinner = await loginAs(server, s.winner);
    const cases: [string, Buffer, RegExp][] = [
      [
        "logo.png",
        FILES.pdf,
        /^This file is named \.png but it is a PDF\. Export it again as PNG, or give it the right extension\.$/,
      ],
      ["logo.pdf", FILES.png, /^This file is named \.pdf but it is a PNG image\./],
      ["logo.svg", FILES.html, /^This file is named \.svg but it is an HTML page\./],
      ["logo.svg", FILES.png, /but it is a PNG image/],
      ["fonts.zip", FILES.pdf, /^This file is named \.zip but it is a PDF\./],
      [
        "layers.psd",
        FILES.psd,
        /^The brief asks for SVG, PDF, PNG or ZIP; this file is a \.psd\. Put anything else in a \.zip\.$/,
      ],
      ["logo", FILES.svg, /^Give the file its format's extension/],
      ["empty.png", Buffer.alloc(0), /^This file is empty\./],
    ];
    for (const [name, bytes, words] of cases) {
      const res = await uploadFinal(asWinner, s.contestId, name, bytes);
      expect(res.status, name).toBe(bytes.length === 0 ? 422 : 415);
      expect(await message(res), name).toMatch(words);
    }
    // Nothing half-written: no rows, no blobs, the clock not started.
    expect(await finalVersions(s.contestId)).toEqual([]);
    expect(await blobKeys(`private/finals/${s.contestId}/`)).toEqual([]);
    expect((await loadContest(db(), s.contestId))!.roundEndsAt).toBeNull();
  });

  it("caps the size while the file streams: one byte over is a 413 and nothing is stored; exactly the cap is fine", async () => {
    const s = await handoverSetup({ deliverables: ["png"] });
    const asWinner = await loginAs(server, s.winner);
    const big = Buffer.concat([FILES.png, Buffer.alloc(CAP + 1 - FILES.png.length, 7)]);
    const res = await uploadFinal(asWinner, s.contestId, "huge.png", big);
    expect(res.status).toBe(413);
    expect(await message(res)).toBe(
      "This file is larger than 64 KB; upload a file of 64 KB or less, or split it into zips.",
    );
    expect(await finalVersions(s.contestId)).toEqual([]);
    expect(await blobKeys(`private/finals/${s.contestId}/`)).toEqual([]);
    const tmp = path.join(config().dataDir, "blobs", ".tmp");
    expect(fs.readdirSync(tmp)).toEqual([]);

    const exact = await uploadFinal(asWinner, s.contestId, "exact.png", big.subarray(0, CAP));
    expect(exact.status).toBe(201);
    expect(Number((await finalVersions(s.contestId))[0]!.bytes)).toBe(CAP);
  });

  it("replaces a file with a new version and keeps every version", async () => {
    const s = await handoverSetup();
    const asWinner = await loginAs(server, s.winner);
    const first = (await (await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).json()) as {
      versionId: string;
    };
    const [v1] = await finalVersions(s.contestId);
    const fileId = v1!.file_id;
    const changed = Buffer.from(FILES.svg.toString().replace('r="4"', 'r="3"'));
    const res = await uploadFinal(asWinner, s.contestId, "logo-final.svg", changed, { replace: fileId });
    expect(res.status).toBe(201);
    const versions = await finalVersions(s.contestId);
    expect(versions.map((v) => [v.file_id, v.version, v.file_name])).toEqual([
      [fileId, 1, "logo.svg"],
      [fileId, 2, "logo-final.svg"],
    ]);
    const file = await db()
      .selectFrom("handover_files")
      .selectAll()
      .where("id", "=", fileId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ version_count: 2, current_version_id: versions[1]!.id });
    expect(first.versionId).toBe(v1!.id);
    expect((await blobKeys(`private/finals/${s.contestId}/`)).length).toBe(2);
    // The client heard of the first file, then of the new version; more uploads fold into that notice.
    await uploadFinal(asWinner, s.contestId, "logo.png", FILES.png);
    const told = await db()
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", s.client)
      .where("kind", "like", "handover.%")
      .orderBy("created_at")
      .execute();
    expect(told.map((n) => n.kind)).toEqual(["handover.started", "handover.files_updated"]);

    // The page shows the current version and the earlier one.
    const page = await (await asWinner.get(`/contests/${s.contestId}/handover`)).text();
    expect(page).toContain("logo-final.svg");
    expect(decode(page)).toContain("Earlier versions (1)");

    // A file of another contest cannot be "replaced" from here.
    const elsewhere = await handoverSetup();
    const asOther = await loginAs(server, elsewhere.winner);
    const foreign = await uploadFinal(asOther, elsewhere.contestId, "logo.svg", FILES.svg, {
      replace: fileId,
    });
    expect(foreign.status).toBe(404);
    expect(await message(foreign)).toBe("That file is not part of this handover.");
    expect(await blobKeys(`private/finals/${elsewhere.contestId}/`)).toEqual([]);
  });

  it("works without JavaScript: the form posts to the page, which redirects, or shows the refusal beside the field", async () => {
    const s = await handoverSetup();
    const asWinner = await loginAs(server, s.winner);
    const ok = await uploadFinal(asWinner, s.contestId, "logo.png", FILES.png, { page: true });
    expect(ok.status).toBe(302);
    const [uploaded] = await finalVersions(s.contestId);
    expect(ok.headers.get("location")).toBe(
      `/contests/${s.contestId}/handover?uploaded=${uploaded!.id}#files`,
    );
    const bad = await uploadFinal(asWinner, s.contestId, "logo.png", FILES.pdf, { page: true });
    expect(bad.status).toBe(415);
    const html = decode(await bad.text());
    expect(html).toContain('id="final-upload-error"');
    expect(html).toContain("This file is named .png but it is a PDF.");
  });

  it("lets only the winner upload, and only during the handover", async () => {
    const s = await handoverSetup();
    for (const [who, status] of [
      [s.client, 403],
      [s.other, 404],
      [s.judge, 404],
      [s.stranger, 404],
    ] as const) {
      const res = await uploadFinal(await loginAs(server, who), s.contestId, "logo.png", FILES.png);
      expect(res.status).toBe(status);
    }
    expect((await uploadFinal(server.client(), s.contestId, "logo.png", FILES.png)).status).toBe(401);
    await db().updateTable("contests").set({ status: "completed" }).where("id", "=", s.contestId).execute();
    const late = await uploadFinal(await loginAs(server, s.winner), s.contestId, "logo.png", FILES.png);
    expect(late.status).toBe(409);
    expect(await message(late)).toBe("The handover is over: the files can no longer change.");
    expect(await blobKeys(`private/finals/${s.contestId}/`)).toEqual([]);
  });
});

describe("the handover thread", () => {
  it("carries messages between the client and the winner, and tells the other one", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    const asWinner = await loginAs(server, s.winner);
    const sent = await asClient.post(`/contests/${s.contestId}/handover`, {
      intent: "message",
      body: "Could the wordmark be a touch bolder?",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/contests/${s.contestId}/handover?sent=1#messages`);
    const page = decode(await (await asWinner.get(`/contests/${s.contestId}/handover`)).text());
    expect(page).toContain("Could the wordmark be a touch bolder?");
    const told = await db()
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", s.winner)
      .where("kind", "=", "handover.message")
      .execute();
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.data)).toEqual({ name: "Camille Tremblay" });

    const empty = await asWinner.post(`/contests/${s.contestId}/handover`, {
      intent: "message",
      body: "   ",
    });
    expect(empty.status).toBe(400);
    expect(decode(await empty.text())).toContain("Write a message first.");
    const count = await db()
      .selectFrom("handover_messages")
      .select("id")
      .where("contest_id", "=", s.contestId)
      .execute();
    expect(count).toHaveLength(1);
  });
});
