// Avatars, portfolio pieces and the client's portfolio opt-out, through the built app (issue 13).
import sharp from "sharp";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { blobStore } from "~storage/index";
import { PIECES_MAX, PROFILE_PIECES_SHOWN } from "~/modules/people/pieces";
import { sweepOrphanPortfolioBlobs } from "~/modules/people/pieces.server";
import { HOUR } from "~/utils/durations";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyDraft, makeReadyEntry, makeUser } from "../helpers/fixtures";
import type { TestClient } from "../helpers/http-client";
import { makePng, multipart } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const handleOf = async (userId: string) =>
  (await db().selectFrom("users").select("handle").where("id", "=", userId).executeTakeFirstOrThrow())
    .handle!;
const avatarIdOf = async (userId: string) =>
  (await db().selectFrom("users").select("avatar_id").where("id", "=", userId).executeTakeFirstOrThrow())
    .avatar_id;
const page = async (client: TestClient, path: string) => decode(await (await client.get(path)).text());
const mediaIn = (html: string, folder: string) =>
  [...html.matchAll(new RegExp(`/media/(public/${folder}/[a-z0-9/-]+\\.webp)`, "g"))].map((m) => m[1]!);

/** A real PNG whose IHDR claims other dimensions (valid CRC): a decompression bomb's header. */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

const postAvatar = (client: TestClient, bytes: Buffer, name = "me.png", type = "image/png") =>
  client.post("/account?intent=avatar", multipart({}, { name, type, bytes }));

const postPiece = (client: TestClient, fields: Record<string, string>, bytes: Buffer) =>
  client.post("/account/portfolio", multipart(fields, { name: "piece.png", type: "image/png", bytes }));

describe("avatars", () => {
  it("an uploaded photo is cropped square, shown on the profile instead of the initials, replaced and removed", async () => {
    const me = await makeUser("Ava Portrait");
    const client = await loginAs(server, me);
    const handle = await handleOf(me);
    expect(await page(server.client(), `/designers/${handle}`)).toContain(">AP<");

    // A wide JPEG-free PNG: the crop must come out square whatever the shape.
    const wide = await sharp(await makePng(3, 600))
      .resize(900, 400, { fit: "fill" })
      .png()
      .toBuffer();
    const res = await postAvatar(client, wide);
    expect(res.status).toBe(200);
    expect(decode(await res.text())).toContain("Your photo is saved.");

    const profile = await page(server.client(), `/designers/${handle}`);
    const [large] = mediaIn(profile, "avatars");
    expect(large).toMatch(/-256\.webp$/);
    expect(profile).not.toContain(">AP<");
    const served = await server.client().get(`/media/${large}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["webp", 256, 256, undefined]);
    const small = await server.client().get(`/media/${large!.replace("-256.", "-64.")}`);
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(64);

    // Replace: new keys; the old crops are gone from the store and from the media route.
    await postAvatar(client, await makePng(9, 300));
    const [replaced] = mediaIn(await page(server.client(), `/designers/${handle}`), "avatars");
    expect(replaced).not.toBe(large);
    expect((await server.client().get(`/media/${large}`)).status).toBe(404);
    expect(await blobStore().head(large!)).toBeNull();
    expect((await server.client().get(`/media/${replaced}`)).status).toBe(200);

    const removed = await client.post("/account", { intent: "avatar-remove" });
    expect(removed.status).toBe(200);
    expect(decode(await removed.text())).toContain("Your photo is removed; your initials stand in for it.");
    const after = await page(server.client(), `/designers/${handle}`);
    expect(after).toContain(">AP<");
    expect(mediaIn(after, "avatars")).toEqual([]);
    expect((await server.client().get(`/media/${replaced}`)).status).toBe(404);
    expect(await avatarIdOf(me)).toBeNull();
  });

  it("refuses a hostile, oversize or non-image file with a message on the form, and changes nothing", async () => {
    const me = await makeUser("Hugo Hostile");
    const client = await loginAs(server, me);
    await postAvatar(client, await makePng(4, 200));
    const before = await avatarIdOf(me);
    expect(before).not.toBeNull();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>',
    );
    const cases = [
      {
        what: "an SVG named .png",
        bytes: svg,
        status: 415,
        words: /This file is an SVG drawing; upload a JPEG, PNG or WebP/,
      },
      {
        what: "a text file",
        bytes: Buffer.from("just some words, not a picture"),
        status: 415,
        words: /JPEG, PNG or WebP/,
      },
      {
        what: "a PNG whose header claims 50,000 × 50,000 pixels",
        bytes: await pngClaiming(50_000, 50_000),
        status: 413,
        words: /50000 × 50000 pixels, more than the 50 megapixels we accept/,
      },
      {
        what: "a PNG cut short",
        bytes: (await makePng(5, 200)).subarray(0, 300),
        status: 422,
        words: /cut short|incomplete|damaged/i,
      },
      {
        what: "an 11 MB file (over the 10 MB cap)",
        bytes: Buffer.alloc(11 * 1024 * 1024, 7),
        status: 413,
        words: /10 MB/,
      },
    ];
    for (const c of cases) {
      const res = await postAvatar(client, c.bytes);
      expect(res.status, c.what).toBe(c.status);
      const html = decode(await res.text());
      const error = /<p class="field__error" id="avatar-error" role="alert">([^<]+)</.exec(html)?.[1];
      expect(error, c.what).toMatch(c.words);
      expect(html, c.what).not.toMatch(/at \w+ \(|Error:/); // no stack trace
      expect(await avatarIdOf(me), c.what).toBe(before);
    }
  });

  it("needs a signed-in person", async () => {
    const res = await postAvatar(server.client(), await makePng(6, 100));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("portfolio pieces", () => {
  it("upload → job → a watermarked preview anyone sees; the original never; pending shown to the owner only", async () => {
    const ana = await makeUser("Ana Pieces");
    const owner = await loginAs(server, ana);
    const handle = await handleOf(ana);
    const original = await makePng(11, 640);
    const res = await postPiece(
      owner,
      { title: "Café sign", category: "logo", description: "For a corner café." },
      original,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/account/portfolio?added=1");
    const piece = await db()
      .selectFrom("portfolio_pieces")
      .selectAll()
      .where("designer_id", "=", ana)
      .executeTakeFirstOrThrow();
    expect(piece.status).toBe("processing");

    // Before the job: the owner sees it pending; the public sees nothing of it.
    const mine = await page(owner, "/account/portfolio");
    expect(mine).toContain("Café sign");
    expect(mine).toMatch(/data-testid="piece-status">Preparing the preview</);
    const pendingProfile = await page(server.client(), `/designers/${handle}`);
    expect(pendingProfile).not.toContain("Café sign");
    expect((await server.client().get(`/designers/${handle}/work/${piece.id}`)).status).toBe(404);

    await drainJobs();
    const ready = await db()
      .selectFrom("portfolio_pieces")
      .selectAll()
      .where("id", "=", piece.id)
      .executeTakeFirstOrThrow();
    expect(ready.status).toBe("ready");
    expect(ready.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(ready.preview_key).toMatch(/^public\/pieces\//);

    const stranger = server.client();
    const profile = await page(stranger, `/designers/${handle}`);
    expect(profile).toContain("Café sign");
    expect(profile).toMatch(/data-testid="portfolio-kind-own">Own work</);
    expect(profile).toContain(`/designers/${handle}/work/${piece.id}`);
    expect(profile).toContain(ready.thumbnail_key!);

    const view = await page(stranger, `/designers/${handle}/work/${piece.id}`);
    expect(view).toMatch(/<h1[^>]*>Café sign<\/h1>/);
    expect(view).toContain("For a corner café.");
    expect(view).toContain(`/media/${ready.preview_key}`);
    expect(view).not.toContain(ready.original_key);
    const preview = await stranger.get(`/media/${ready.preview_key}`);
    expect(preview.status).toBe(200);
    const previewBytes = Buffer.from(await preview.arrayBuffer());
    expect((await sharp(previewBytes).metadata()).format).toBe("webp");
    expect(previewBytes.equals(original)).toBe(false); // watermarked, re-encoded
    // The original is private: not through the media route, for a stranger nor for the owner.
    for (const viewer of [stranger, owner]) {
      expect((await viewer.get(`/media/${ready.original_key}`)).status).toBe(404);
    }
    expect(await blobStore().head(ready.original_key)).not.toBeNull();
  });

  it("a piece whose file fails processing shows as refused to its owner only", async () => {
    const ana = await makeUser("Ana Broken");
    const owner = await loginAs(server, ana);
    await postPiece(owner, { title: "Soon broken", category: "logo" }, await makePng(12, 200));
    const piece = await db()
      .selectFrom("portfolio_pieces")
      .select(["id", "original_key"])
      .where("designer_id", "=", ana)
      .executeTakeFirstOrThrow();
    // The stored original turns out not to decode (a storage fault, a decoder the check missed).
    await blobStore().put(piece.original_key, Buffer.from("not a png any more"), {
      contentType: "image/png",
    });
    await drainJobs();
    const mine = await page(owner, "/account/portfolio");
    expect(mine).toMatch(/data-testid="piece-status">Could not be used</);
    expect(await page(server.client(), `/designers/${await handleOf(ana)}`)).not.toContain("Soon broken");
  });

  it("refuses a bad file or missing title with a message, and adds nothing", async () => {
    const ana = await makeUser("Ana Careful");
    const owner = await loginAs(server, ana);
    const badFile = await owner.post(
      "/account/portfolio",
      multipart(
        { title: "Gif", category: "logo" },
        { name: "x.png", type: "image/png", bytes: Buffer.from("GIF89a....") },
      ),
    );
    expect(badFile.status).toBe(415);
    expect(decode(await badFile.text())).toMatch(
      /role="alert">This file is a GIF; upload a JPEG, PNG or WebP\./,
    );
    const noTitle = await postPiece(owner, { title: " ", category: "logo" }, await makePng(13, 100));
    expect(noTitle.status).toBe(400);
    expect(decode(await noTitle.text())).toMatch(/id="piece-title-error" role="alert">Please fill this in\./);
    const badCategory = await postPiece(owner, { title: "Ok", category: "rocket" }, await makePng(13, 100));
    expect(badCategory.status).toBe(400);
    expect(decode(await badCategory.text())).toContain("Choose the kind of design this is.");
    const count = await db()
      .selectFrom("portfolio_pieces")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("designer_id", "=", ana)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("the designer deletes a piece: gone from the profile, its page and the media route; nobody else may (404)", async () => {
    const ana = await makeUser("Ana Delete");
    const ben = await makeUser("Ben Other");
    const owner = await loginAs(server, ana);
    const handle = await handleOf(ana);
    await postPiece(owner, { title: "Keep or not", category: "illustration" }, await makePng(14, 300));
    await drainJobs();
    const piece = await db()
      .selectFrom("portfolio_pieces")
      .selectAll()
      .where("designer_id", "=", ana)
      .executeTakeFirstOrThrow();

    for (const other of [await loginAs(server, ben), server.client()]) {
      const res = await other.post("/account/portfolio", { intent: "delete", pieceId: piece.id });
      if (res.status === 302) expect(res.headers.get("location")).toMatch(/^\/login/);
      else expect(res.status).toBe(404);
    }
    expect(await page(server.client(), `/designers/${handle}`)).toContain("Keep or not");

    const res = await owner.post("/account/portfolio", { intent: "delete", pieceId: piece.id });
    expect(res.status).toBe(302);
    expect(await page(owner, res.headers.get("location")!)).toContain("The piece is deleted.");
    expect(await page(server.client(), `/designers/${handle}`)).not.toContain("Keep or not");
    expect((await server.client().get(`/designers/${handle}/work/${piece.id}`)).status).toBe(404);
    expect((await server.client().get(`/media/${piece.preview_key}`)).status).toBe(404);
    for (const key of [piece.original_key, piece.preview_key!, piece.thumbnail_key!])
      expect(await blobStore().head(key)).toBeNull();
  });

  it(`caps a designer at ${PIECES_MAX} pieces; a profile with 500 shows ${PROFILE_PIECES_SHOWN} and pages through the rest`, async () => {
    const ana = await makeUser("Ana Prolific");
    const handle = await handleOf(ana);
    const at = now();
    const rows = Array.from({ length: 500 }, (_, i) => {
      const id = newId();
      return {
        id,
        designer_id: ana,
        title: `Piece number ${i}`,
        category: "logo",
        status: "ready" as const,
        original_key: `private/pieces/${ana}/${id}`,
        original_format: "png",
        original_bytes: 100,
        preview_key: `public/pieces/${ana}/${id}-p-w2.webp`,
        thumbnail_key: `public/pieces/${ana}/${id}-t-w2.webp`,
        phash: "0123456789abcdef",
        created_at: at + i,
        ready_at: at + i,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await db()
        .insertInto("portfolio_pieces")
        .values(rows.slice(i, i + 100))
        .execute();

    // How fast it is, is bench:people's to say (a timed test only measures the machine's load).
    const profile = await page(server.client(), `/designers/${handle}`);
    expect(profile.match(/data-testid="portfolio-kind-own"/g)).toHaveLength(PROFILE_PIECES_SHOWN);
    expect(profile).toContain("Piece number 499"); // newest first
    expect(profile).toMatch(
      new RegExp(`href="/designers/${handle}/work"[^>]*>See all 500 pieces of their own work<`),
    );
    const second = await page(server.client(), `/designers/${handle}/work?page=2`);
    expect(second).toContain("Page 2 of 21");
    expect(second).toContain("Piece number 475");
    expect(second).not.toContain("Piece number 499<");
    expect((await server.client().get(`/designers/${handle}/work?page=99`)).status).toBe(404);

    const owner = await loginAs(server, ana);
    const full = await page(owner, "/account/portfolio");
    expect(full).toContain(`already holds ${PIECES_MAX} pieces`);
    const refused = await postPiece(owner, { title: "One more", category: "logo" }, await makePng(15, 100));
    expect(refused.status).toBe(409);
    expect(decode(await refused.text())).toContain(`already holds ${PIECES_MAX} pieces`);
  });
});

describe("the piece form's JavaScript path", () => {
  it("answers JSON: where to go once sent, or the reason in words", async () => {
    const owner = await loginAs(server, await makeUser("Ana Script"));
    const sent = await owner.post(
      "/api/account/portfolio",
      multipart(
        { title: "By script", category: "logo" },
        { name: "a.png", type: "image/png", bytes: await makePng(17, 120) },
      ),
    );
    expect(sent.status).toBe(201);
    expect(await sent.json()).toEqual({ ok: true, location: "/account/portfolio?added=1" });
    const refused = await owner.post(
      "/api/account/portfolio",
      multipart(
        { title: "", category: "logo" },
        { name: "a.png", type: "image/png", bytes: await makePng(17, 120) },
      ),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, message: "Please fill this in." });
    const stranger = await server
      .client()
      .post(
        "/api/account/portfolio",
        multipart(
          { title: "x", category: "logo" },
          { name: "a.png", type: "image/png", bytes: await makePng(17, 120) },
        ),
      );
    expect(stranger.status).toBe(401);
  });
});

describe("the orphan sweep", () => {
  it("removes piece images and avatar crops no row points at, and keeps those in use", async () => {
    const ana = await makeUser("Ana Sweep");
    const owner = await loginAs(server, ana);
    await postAvatar(owner, await makePng(18, 120));
    await postPiece(owner, { title: "Kept", category: "logo" }, await makePng(19, 200));
    await drainJobs();
    const piece = await db()
      .selectFrom("portfolio_pieces")
      .selectAll()
      .where("designer_id", "=", ana)
      .executeTakeFirstOrThrow();
    const orphans = [
      `private/pieces/${ana}/${newId()}`,
      `public/pieces/${ana}/${newId()}-p-w2.webp`,
      `public/avatars/${ana}/${newId()}-256.webp`,
    ];
    for (const key of orphans) await blobStore().put(key, Buffer.from("x"), { contentType: "image/webp" });
    expect(await sweepOrphanPortfolioBlobs(now() + HOUR)).toBeGreaterThanOrEqual(orphans.length);
    for (const key of orphans) expect(await blobStore().head(key), key).toBeNull();
    for (const key of [piece.original_key, piece.preview_key!, piece.thumbnail_key!])
      expect(await blobStore().head(key), key).not.toBeNull();
    const [avatar] = mediaIn(await page(server.client(), `/designers/${await handleOf(ana)}`), "avatars");
    expect(await blobStore().head(avatar!)).not.toBeNull();
  });
});

/** A contest Ana took part in: its kind, its state, and whether she won it. */
async function contestOf(
  client: string,
  ana: string,
  kind: {
    title: string;
    status: "completed" | "handover";
    isPrivate?: boolean;
    blind?: boolean;
    optOut?: boolean;
  },
) {
  const contest = await makeLaunchedContest(client);
  const entry = await makeReadyEntry(contest.id, ana);
  await db()
    .updateTable("entries")
    .set({ title: `${kind.title} entry` })
    .where("id", "=", entry)
    .execute();
  await db()
    .updateTable("contests")
    .set({
      title: kind.title,
      status: kind.status,
      is_private: kind.isPrivate ? 1 : 0,
      blind: kind.blind ? 1 : 0,
      portfolio_opt_out: kind.optOut ? 1 : 0,
      winner_id: ana,
      winning_entry_id: entry,
      ended_at: kind.status === "completed" ? now() : null,
    })
    .where("id", "=", contest.id)
    .execute();
  return { contestId: contest.id, entry };
}

describe("which winning designs a portfolio shows", () => {
  it("leaves out a contest whose client opted out, while the win still counts", async () => {
    const client = await makeUser("Opt Client", "client");
    const ana = await makeUser("Ana Winner");
    const shown = await contestOf(client, ana, { title: "Public bakery", status: "completed" });
    const kept = await contestOf(client, ana, { title: "Quiet brewery", status: "completed", optOut: true });
    const html = await page(server.client(), `/designers/${await handleOf(ana)}`);
    expect(html).toContain(`/entries/${shown.entry}`);
    expect(html).toMatch(/Won the contest “Public bakery”/);
    expect(html).not.toContain(kept.entry);
    expect(html).not.toContain("Quiet brewery");
    expect(html.match(/data-testid="portfolio-piece"/g)).toHaveLength(1);
    expect(html).toMatch(/data-testid="stat-won"><span class="profile__stat-n num">2</);
  });

  it("never shows a private or unfinished contest's entry, to a stranger, another designer or the client", async () => {
    const client = await makeUser("Matrix Client", "client");
    const ana = await makeUser("Ana Matrix");
    const ben = await makeUser("Ben Matrix");
    const hidden = [
      await contestOf(client, ana, { title: "Private done", status: "completed", isPrivate: true }),
      await contestOf(client, ana, { title: "Public handover", status: "handover" }),
      await contestOf(client, ana, { title: "Blind handover", status: "handover", blind: true }),
      await contestOf(client, ana, { title: "Private handover", status: "handover", isPrivate: true }),
    ];
    const handle = await handleOf(ana);
    const viewers = {
      stranger: server.client(),
      "another designer": await loginAs(server, ben),
      "the client": await loginAs(server, client),
      "the designer herself": await loginAs(server, ana),
    };
    for (const [who, viewer] of Object.entries(viewers)) {
      const html = await page(viewer, `/designers/${handle}`);
      for (const c of hidden) {
        expect(html, `${who}: ${c.contestId}`).not.toContain(c.entry);
        expect(html, `${who}: ${c.contestId}`).not.toContain(c.contestId);
      }
      for (const title of ["Private done", "Public handover", "Blind handover", "Private handover"])
        expect(html, who).not.toContain(title);
      expect(html, who).toContain("No work to show yet.");
      expect(html, who).toMatch(/data-testid="stat-won"><span class="profile__stat-n num">0</);
    }
  });
});

describe("the client's opt-out in the brief", () => {
  it("is chosen on the wizard's options step and told to designers on the brief", async () => {
    const clientId = await makeUser("Wizard Client", "client");
    const client = await loginAs(server, clientId);
    const draft = await makeReadyDraft(clientId);
    const body = new URLSearchParams({
      intent: "save-step",
      step: "4",
      currency: "USD",
      prizeChoice: "custom",
      prize: "499",
      qualifyingDays: "4",
      selectionDays: "4",
      finalDays: "3",
      winnerDays: "14",
      portfolioOptOut: "on",
    });
    const saved = await client.request(`/contests/${draft}/edit?step=4`, { method: "POST", body });
    expect(saved.status).toBe(302);
    const row = await db()
      .selectFrom("contests")
      .select("portfolio_opt_out")
      .where("id", "=", draft)
      .executeTakeFirstOrThrow();
    expect(row.portfolio_opt_out).toBe(1);
    const step = await page(client, `/contests/${draft}/edit?step=4`);
    expect(step).toMatch(/<input[^>]*name="portfolioOptOut"[^>]*checked/);
    expect(step).toContain("Keep the winning design out of portfolios");

    const live = await makeLaunchedContest(clientId);
    await db().updateTable("contests").set({ portfolio_opt_out: 1 }).where("id", "=", live.id).execute();
    const designer = await loginAs(server, await makeUser("Reading Designer"));
    const brief = await page(designer, `/contests/${live.id}`);
    expect(brief).toMatch(
      /data-testid="portfolio-opt-out">The client will not let the winning design appear in portfolios\.</,
    );
    const other = await makeLaunchedContest(clientId);
    expect(await page(designer, `/contests/${other.id}`)).not.toContain('data-testid="portfolio-opt-out"');
  });
});

describe("the account page's profile hints", () => {
  it("says how complete the profile is and links to what is missing, and to the public profile", async () => {
    const me = await makeUser("Nina Newcomer");
    const client = await loginAs(server, me);
    const html = await page(client, "/account");
    expect(html).toContain("Your profile is 0% complete.");
    for (const part of ["avatar", "bio", "location", "languages", "categories", "pieces"])
      expect(html).toContain(`data-testid="hint-${part}"`);
    expect(html).toMatch(/href="\/account#avatar"[^>]*>Add a photo or logo of yourself</);
    expect(html).toMatch(/href="\/account\/portfolio"[^>]*>Add 3 pieces of work to your portfolio</);
    expect(html).toMatch(
      new RegExp(`href="/designers/${await handleOf(me)}"[^>]*>Preview your public profile<`),
    );
    // Each hint's anchor exists on the page.
    for (const anchor of [...html.matchAll(/href="\/account#([a-z-]+)"/g)].map((m) => m[1]!))
      expect(html, anchor).toContain(`id="${anchor}"`);

    await db()
      .updateTable("users")
      .set({ bio: "Hello.", location: "Laval", languages: '["fr"]' })
      .where("id", "=", me)
      .execute();
    await postAvatar(client, await makePng(16, 200));
    const later = await page(client, "/account");
    expect(later).toContain("Your profile is 67% complete.");
    expect(later).not.toContain('data-testid="hint-bio"');
    expect(later).toContain('data-testid="hint-categories"');

    const fr = await loginAs(server, me);
    fr.language = "fr-CA";
    await db().updateTable("users").set({ locale: "fr-CA" }).where("id", "=", me).execute();
    expect(await page(fr, "/account")).toContain("Votre profil est complet à 67\u00a0%.");
  });
});
