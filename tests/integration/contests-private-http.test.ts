import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { blobStore, keys } from "~storage/index";
import { REFERENCE_LIMITS } from "~/modules/contests/references.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import {
  cardIds,
  contestRow,
  decode,
  fieldError,
  makeCompleteDraft,
  makeLiveContest,
  signUpAs,
} from "../helpers/contests";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function person(name: string, role: "client" | "designer" = "client") {
  const client = server.client();
  const user = await signUpAs(client, name, role);
  return { client, ...user };
}

const png = (w = 64, h = 48) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#c8553d" } })
    .png()
    .toBuffer();

function upload(client: TestClient, path: string, files: { name: string; bytes: Buffer; type?: string }[]) {
  const form = new FormData();
  form.set("intent", "add-reference");
  for (const f of files)
    form.append("file", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/png" }), f.name);
  return client.post(path, form);
}

const referenceIds = async (contestId: string) =>
  (
    await db()
      .selectFrom("contest_references")
      .select("id")
      .where("contest_id", "=", contestId)
      .orderBy("created_at")
      .execute()
  ).map((r) => r.id);

describe("reference images", () => {
  it("accepts a real image, stores it re-encoded, shows it to its client and removes it on request", async () => {
    const owner = await person("Owner");
    const id = await makeCompleteDraft(owner.id);
    const res = await upload(owner.client, `/contests/${id}/edit?step=3`, [
      { name: "our-shop.png", bytes: await png(1200, 800) },
    ]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}/edit?step=3&added=1`);
    const [refId] = await referenceIds(id);
    expect(refId).toBeDefined();
    const row = await db()
      .selectFrom("contest_references")
      .selectAll()
      .where("id", "=", refId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      filename: "our-shop.png",
      content_type: "image/webp",
      width: 1200,
      height: 800,
    });
    expect(row.blob_key).toBe(keys.reference(id, refId!));

    const thumb = await owner.client.get(`/contests/${id}/references/${refId}?size=thumb`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("cache-control")).toBe("private, max-age=300");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(REFERENCE_LIMITS.thumbEdge);

    // A draft's references: nobody else's business.
    expect((await server.client().get(`/contests/${id}/references/${refId}`)).status).toBe(404);
    const other = await person("Other");
    expect((await other.client.get(`/contests/${id}/references/${refId}`)).status).toBe(404);

    const page = await owner.client.get(`/contests/${id}/edit?step=3&added=1`);
    const html = await page.text();
    expect(html).toContain("Image added.");
    expect(html).toContain(`/contests/${id}/references/${refId}?size=thumb`);

    const removed = await owner.client.post(`/contests/${id}/edit?step=3`, {
      intent: "remove-reference",
      referenceId: refId!,
    });
    expect(removed.status).toBe(302);
    expect(await referenceIds(id)).toEqual([]);
    expect(await blobStore().head(keys.reference(id, refId!))).toBeNull();
    expect((await owner.client.get(`/contests/${id}/references/${refId}`)).status).toBe(404);
  });

  it("refuses what is not a JPEG, PNG or WebP, in plain words beside the upload", async () => {
    const owner = await person("Owner");
    const id = await makeCompleteDraft(owner.id);
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const cases: [string, Buffer, string][] = [
      ["anim.gif", gif, "anim.gif is a GIF file; upload a JPEG, PNG or WebP."],
      [
        "logo.svg",
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'),
        "logo.svg is a SVG file",
      ],
      ["notes.png", Buffer.from("definitely not a picture"), "notes.png is not an image we can read"],
      ["cut.png", (await png(400, 400)).subarray(0, 120), "cut.png is not an image we can read"],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await upload(owner.client, `/contests/${id}/edit?step=3`, [{ name, bytes }]);
      expect(res.status, name).toBe(400);
      const html = decode(await res.text());
      expect(html, name).toContain(message);
      expect(html).toMatch(/id="reference-error" role="alert"/);
    }
    expect(await referenceIds(id)).toEqual([]);
  });

  it("refuses a file over the byte cap and an image over the pixel cap", async () => {
    const owner = await person("Owner");
    const id = await makeCompleteDraft(owner.id);
    const big = Buffer.concat([await png(), Buffer.alloc(REFERENCE_LIMITS.maxBytes + 10)]);
    const tooBig = await upload(owner.client, `/contests/${id}/edit?step=3`, [
      { name: "huge.png", bytes: big },
    ]);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("larger than 10 MB");
    // 8000 × 6000 = 48 megapixels, above the cap; small on disk (a flat colour).
    const wide = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(wide.length).toBeLessThan(REFERENCE_LIMITS.maxBytes);
    const res = await upload(owner.client, `/contests/${id}/edit?step=3`, [
      { name: "wide.png", bytes: wide },
    ]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("wide.png has more than 40 megapixels");
    expect(await referenceIds(id)).toEqual([]);
  });

  it("does not let another client add or remove references", async () => {
    const owner = await person("Owner");
    const id = await makeCompleteDraft(owner.id);
    await upload(owner.client, `/contests/${id}/edit?step=3`, [{ name: "a.png", bytes: await png() }]);
    const [refId] = await referenceIds(id);
    const other = await person("Other");
    expect(
      (await upload(other.client, `/contests/${id}/edit?step=3`, [{ name: "b.png", bytes: await png() }]))
        .status,
    ).toBe(404);
    expect(
      (
        await other.client.post(`/contests/${id}/edit?step=3`, {
          intent: "remove-reference",
          referenceId: refId!,
        })
      ).status,
    ).toBe(404);
    expect(await referenceIds(id)).toEqual([refId]);
  });

  it("puts a reference added after launch on the timeline, for designers to see", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const res = await upload(owner.client, `/contests/${id}/edit`, [
      { name: "mood.png", bytes: await png() },
    ]);
    expect(res.status).toBe(302);
    const [refId] = await referenceIds(id);
    // A public launched contest: anyone may see its references.
    expect((await server.client().get(`/contests/${id}/references/${refId}`)).status).toBe(200);
    const event = await db()
      .selectFrom("contest_events")
      .select("data")
      .where("contest_id", "=", id)
      .where("kind", "=", "brief_changed")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data).changes).toEqual([{ field: "references", before: "", after: "mood.png" }]);
  });
});

async function privateContest(ndaText = "Keep the brief to yourself.") {
  const owner = await person("Priya Client");
  const id = await makeLiveContest(owner.id, {
    isPrivate: true,
    ndaText,
    title: "Secret rebrand",
    description: "The confidential plan.",
  });
  await upload(owner.client, `/contests/${id}/edit`, [{ name: "current-logo.png", bytes: await png() }]);
  const [refId] = await referenceIds(id);
  return { owner, id, refId: refId! };
}

async function invite(owner: TestClient, id: string, emails: string) {
  const res = await owner.post(`/contests/${id}/invitations`, { emails });
  const html = decode(await res.text());
  const links = [...html.matchAll(/value="(http:\/\/[^"]+\/invitations\/([a-z2-7]{32}))"/g)].map(
    (m) => m[2]!,
  );
  return { res, html, tokens: links };
}

describe("private contests", () => {
  it("stay invisible to anyone not invited: the list, the page, the references", async () => {
    const { owner, id, refId } = await privateContest();
    // A public contest with the same words, to show the search does find things.
    const open = await makeLiveContest(owner.id, { title: "Secret rebrand in public" });
    const outsider = await person("Outsider", "designer");
    for (const client of [server.client(), outsider.client]) {
      expect(cardIds(await (await client.get("/contests?q=secret+rebrand")).text())).toEqual([open]);
      expect(cardIds(await (await client.get("/contests?q=confidential+plan")).text())).not.toContain(id);
      expect((await client.get(`/contests/${id}`)).status).toBe(404);
      expect((await client.get(`/contests/${id}/references/${refId}`)).status).toBe(404);
      expect((await client.get(`/contests/${id}/references/${refId}?size=thumb`)).status).toBe(404);
    }
    expect(cardIds(await (await server.client().get("/")).text())).not.toContain(id);
    // Its client and nobody else finds it.
    expect(cardIds(await (await owner.client.get("/contests?q=secret+rebrand")).text()).sort()).toEqual(
      [id, open].sort(),
    );
  });

  it("invite by e-mail with a single-use link stored only as a hash; the NDA comes before the brief", async () => {
    const { owner, id, refId } = await privateContest();
    const { res, html, tokens } = await invite(owner.client, id, "dana@example.com");
    expect(res.status).toBe(200);
    expect(html).toContain("Invitations sent.");
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    const rows = await db()
      .selectFrom("contest_invitations")
      .selectAll()
      .where("contest_id", "=", id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]).toMatchObject({ email: "dana@example.com", role: "designer", accepted_at: null });
    const mail = await db()
      .selectFrom("outbox_mail")
      .selectAll()
      .where("to_address", "=", "dana@example.com")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Priya Client invites you to a private design contest");
    expect(mail.text_body).toContain(`/invitations/${token}`);

    // A visitor sees who invites them, and is asked to log in or sign up (and come back here).
    const visit = decode(await (await server.client().get(`/invitations/${token}`)).text());
    expect(visit).toContain("Priya Client invites you to take part in a private contest: “Secret rebrand”.");
    expect(visit).toContain(`/login?redirectTo=%2Finvitations%2F${token}`);
    const anonymousAccept = await server.client().post(`/invitations/${token}`, {});
    expect(anonymousAccept.status).toBe(302);
    expect(anonymousAccept.headers.get("location")).toMatch(/^\/login\?redirectTo=/);

    const dana = await person("Dana", "designer");
    const accepted = await dana.client.post(`/invitations/${token}`, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/contests/${id}`);
    const member = await db()
      .selectFrom("contest_members")
      .selectAll()
      .where("contest_id", "=", id)
      .where("user_id", "=", dana.id)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ role: "designer", nda_accepted_at: null });

    // Now listed for her; the page shows the NDA, not the brief; references stay closed.
    const found = cardIds(await (await dana.client.get("/contests?q=secret+rebrand")).text());
    expect(found).toContain(id);
    const gate = decode(await (await dana.client.get(`/contests/${id}`)).text());
    expect(gate).toContain("Confidential brief");
    expect(gate).toContain("Keep the brief to yourself.");
    expect(gate).not.toContain("The confidential plan.");
    expect(gate).not.toContain("Submit a design");
    expect((await dana.client.get(`/contests/${id}/references/${refId}`)).status).toBe(404);

    const unticked = await dana.client.post(`/contests/${id}`, { intent: "accept-nda" });
    expect(unticked.status).toBe(400);
    expect(fieldError(await unticked.text(), "nda-confirm-error")).toBe("Tick the box to confirm.");
    const ok = await dana.client.post(`/contests/${id}`, { intent: "accept-nda", confirm: "on" });
    expect(ok.headers.get("location")).toBe(`/contests/${id}?nda=1`);
    const brief = decode(await (await dana.client.get(`/contests/${id}?nda=1`)).text());
    expect(brief).toContain("The confidential plan.");
    expect(brief).toContain(`href="/contests/${id}/entries/new"`);
    expect((await dana.client.get(`/contests/${id}/references/${refId}`)).status).toBe(200);
    const row = await db()
      .selectFrom("contest_members")
      .select("nda_accepted_at")
      .where("contest_id", "=", id)
      .where("user_id", "=", dana.id)
      .executeTakeFirstOrThrow();
    expect(row.nda_accepted_at).toEqual(expect.any(Number));
  });

  it("lets an invitation be used once only", async () => {
    const { owner, id } = await privateContest();
    const { tokens } = await invite(owner.client, id, "first@example.com");
    const first = await person("First", "designer");
    expect((await first.client.post(`/invitations/${tokens[0]}`, {})).status).toBe(302);
    const second = await person("Second", "designer");
    const again = await second.client.post(`/invitations/${tokens[0]}`, {});
    expect(again.status).toBe(410);
    expect((await second.client.get(`/invitations/${tokens[0]}`)).status).toBe(410);
    expect((await second.client.get(`/contests/${id}`)).status).toBe(404);
  });

  it("lets an invitation expire, and a revoked one stop working", async () => {
    const { owner, id } = await privateContest();
    const { tokens } = await invite(owner.client, id, "late@example.com, revoked@example.com");
    expect(tokens).toHaveLength(2);
    const revokedRow = await db()
      .selectFrom("contest_invitations")
      .select("id")
      .where("email", "=", "revoked@example.com")
      .executeTakeFirstOrThrow();
    await owner.client.post(`/contests/${id}/invitations`, { intent: "revoke", invitationId: revokedRow.id });
    const designer = await person("Late", "designer");
    const revoked = await designer.client.post(`/invitations/${tokens[1]}`, {});
    expect(revoked.headers.get("location")).toBeNull();
    expect(revoked.status).toBe(410);
    advanceClock(15 * DAY);
    // Two weeks on (sessions have idled out meanwhile: both people log in again).
    const later = await person("Later", "designer");
    const invalid = await later.client.get(`/invitations/${tokens[0]}`);
    expect(invalid.status).toBe(410);
    expect(await invalid.text()).toContain("This invitation cannot be used");
    expect((await later.client.post(`/invitations/${tokens[0]}`, {})).status).toBe(410);
    const ownerAgain = server.client();
    const login = await ownerAgain.post("/login", {
      email: owner.email,
      password: "a long enough passphrase",
    });
    expect(login.status).toBe(302);
    const list = await (await ownerAgain.get(`/contests/${id}/invitations`)).text();
    expect(list).toContain("Expired");
    expect(list).toContain("Revoked");
  });

  it("answers an unknown or malformed token like an expired one", async () => {
    expect((await server.client().get("/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(410);
    expect((await server.client().get("/invitations/nope")).status).toBe(410);
  });

  it("checks the e-mail addresses beside the field, and only its client may invite", async () => {
    const { owner, id } = await privateContest();
    const bad = await owner.client.post(`/contests/${id}/invitations`, {
      emails: "dana@example.com, not-an-email",
    });
    expect(bad.status).toBe(400);
    const html = decode(await bad.text());
    expect(fieldError(html, "invite-emails-error")).toBe(
      "“not-an-email” does not look like an e-mail address.",
    );
    expect(html).toContain("dana@example.com, not-an-email");
    const outsider = await person("Outsider");
    expect(
      (await outsider.client.post(`/contests/${id}/invitations`, { emails: "x@example.com" })).status,
    ).toBe(404);
    expect(
      await db().selectFrom("contest_invitations").select("id").where("contest_id", "=", id).execute(),
    ).toEqual([]);
  });

  it("takes no invitations for a public contest", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const res = await owner.client.post(`/contests/${id}/invitations`, { emails: "x@example.com" });
    expect(res.status).toBe(409);
    expect(decode(await res.text())).toContain(
      "Only private contests take invitations; this one is open to every designer.",
    );
    expect((await contestRow(id)).isPrivate).toBe(false);
  });
});
