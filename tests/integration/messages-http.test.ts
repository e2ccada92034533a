import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { UNREAD_MAIL_DELAY_MS } from "~/modules/people/messages/rules";
import { setMailPreferences } from "~/modules/notify/notifications.server";
import { DIGEST_HOUR_UTC } from "~/modules/notify/kinds";
import { advanceClock, freezeClock } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import type { TestClient } from "../helpers/http-client";
import { makePng } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const userRow = (id: string) =>
  db().selectFrom("users").select(["email", "handle"]).where("id", "=", id).executeTakeFirstOrThrow();
const handleOf = async (id: string) => (await userRow(id)).handle!;

/** A message form as the browser sends it without JavaScript (multipart, the file input left empty or not). */
function messageForm(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set(
    "file",
    file ? new Blob([new Uint8Array(file.bytes)], { type: file.type }) : new Blob([]),
    file?.name ?? "",
  );
  return form;
}

/** The client writes to the designer from the "Write to …" page: the conversation's id. */
async function startConversation(client: TestClient, designerId: string, body = "Hello, I love your work.") {
  const res = await client.post(`/messages/new?to=${await handleOf(designerId)}`, messageForm({ body }));
  expect(res.status).toBe(302);
  const m = /^\/messages\/([a-z0-9]+)#m-/.exec(res.headers.get("location") ?? "");
  expect(m).not.toBeNull();
  return m![1]!;
}

async function people() {
  const camille = await makeUser("Camille Tremblay", "client");
  const ana = await makeUser("Ana Souza", "designer");
  const ben = await makeUser("Ben Okafor", "designer");
  const dora = await makeUser("Dora Client", "client");
  return { camille, ana, ben, dora };
}

const page = async (client: TestClient, pathname: string) => {
  const res = await client.get(pathname);
  return { status: res.status, html: decode(await res.text()) };
};

/** What the file transport wrote to this person (the mail that really went out), oldest first. */
async function mailTo(userId: string): Promise<{ to: string; subject: string; text: string }[]> {
  const dir = path.join(config().dataDir, "mail");
  if (!fs.existsSync(dir)) return [];
  const { email } = await userRow(userId);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((m) => m.to === email);
}

describe("who may read a conversation", () => {
  it("only its two parties: a third person and a stranger get 404, as for one that does not exist", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const id = await startConversation(camille, p.ana, "A logo for my bakery?");

    const asAna = await page(await loginAs(server, p.ana), `/messages/${id}`);
    expect(asAna.status).toBe(200);
    expect(asAna.html).toContain("A logo for my bakery?");
    expect(asAna.html).toContain("Conversation with Camille Tremblay");
    expect((await page(camille, `/messages/${id}`)).status).toBe(200);

    for (const outsider of [p.ben, p.dora]) {
      const client = await loginAs(server, outsider);
      const seen = await page(client, `/messages/${id}`);
      const missing = await page(client, `/messages/nosuchconversation`);
      expect(seen.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(seen.html).not.toContain("A logo for my bakery?");
      // Writing in it is answered the same way.
      const post = await client.post(`/messages/${id}`, messageForm({ body: "Let me in" }));
      expect(post.status).toBe(404);
    }
    // Someone not logged in is asked to log in, whether the conversation exists or not.
    const stranger = server.client();
    const a = await stranger.get(`/messages/${id}`);
    const b = await stranger.get(`/messages/nosuchconversation`);
    expect(a.status).toBe(302);
    expect(a.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/messages/${id}`)}`);
    expect(b.status).toBe(302);
    const messages = await db()
      .selectFrom("messages")
      .select("body")
      .where("conversation_id", "=", id)
      .execute();
    expect(messages.map((m) => m.body)).toEqual(["A logo for my bakery?"]);
  });

  it("never shows an e-mail address, in the inbox or the conversation", async () => {
    const p = await people();
    const id = await startConversation(await loginAs(server, p.camille), p.ana);
    const ana = await loginAs(server, p.ana);
    for (const pathname of ["/messages", `/messages/${id}`]) {
      const { html } = await page(ana, pathname);
      expect(html).toContain("Camille Tremblay");
      expect(html).not.toContain((await userRow(p.camille)).email);
      expect(html).not.toMatch(/@example\.com/);
    }
  });
});

describe("who may write", () => {
  it("a client writes first from the designer's profile; the designer answers", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const handle = await handleOf(p.ana);
    const profile = await page(camille, `/designers/${handle}`);
    expect(profile.html).toContain(`href="/messages/new?to=${handle}"`);
    expect(profile.html).toContain("Write to Ana Souza");
    const form = await page(camille, `/messages/new?to=${handle}`);
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/enctype="multipart\/form-data"/i);

    const id = await startConversation(camille, p.ana, "Are you free next week?");
    const ana = await loginAs(server, p.ana);
    const answer = await ana.post(`/messages/${id}`, messageForm({ body: "Yes, gladly." }));
    expect(answer.status).toBe(302);
    const thread = (await page(camille, `/messages/${id}`)).html;
    expect(thread.indexOf("Are you free next week?")).toBeLessThan(thread.indexOf("Yes, gladly."));
    // Writing again from the profile goes on in the same conversation: one per pair.
    const again = await camille.get(`/messages/new?to=${handle}`);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/messages/${id}`);
    expect(await startConversation(camille, p.ana, "One more thing")).toBe(id);
    const pairs = await db()
      .selectFrom("conversations")
      .select("id")
      .where("started_by", "=", p.camille)
      .execute();
    expect(pairs).toHaveLength(1);
  });

  it("two first messages sent at once make one conversation, with both messages in it", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const handle = await handleOf(p.ana);
    const [a, b] = await Promise.all(
      ["One", "Two"].map((body) => camille.post(`/messages/new?to=${handle}`, messageForm({ body }))),
    );
    expect([a!.status, b!.status]).toEqual([302, 302]);
    const rows = await db()
      .selectFrom("conversations")
      .select("id")
      .where("started_by", "=", p.camille)
      .execute();
    expect(rows).toHaveLength(1);
    const seqs = await db()
      .selectFrom("messages")
      .select(["seq", "body"])
      .where("conversation_id", "=", rows[0]!.id)
      .orderBy("seq")
      .execute();
    expect(seqs.map((m) => m.seq)).toEqual([1, 2]);
    expect(seqs.map((m) => m.body).sort()).toEqual(["One", "Two"]);
  });

  it("a designer may not write first, to a client or to another designer: a clear refusal", async () => {
    const p = await people();
    const ben = await loginAs(server, p.ben);
    for (const target of [p.camille, p.ana]) {
      const handle = await handleOf(target);
      const res = await ben.post(`/messages/new?to=${handle}`, messageForm({ body: "Hire me!" }));
      expect(res.status).toBe(403);
      expect(decode(await res.text())).toContain("Designers cannot start conversations.");
      expect((await ben.get(`/messages/new?to=${handle}`)).status).toBe(403);
    }
    // A designer's profile does not offer them the button either.
    expect((await page(ben, `/designers/${await handleOf(p.ana)}`)).html).not.toContain("Write to Ana Souza");
    const rows = await db()
      .selectFrom("conversations")
      .select("id")
      .where("started_by", "=", p.ben)
      .execute();
    expect(rows).toEqual([]);
    expect(await db().selectFrom("messages").select("id").where("sender_id", "=", p.ben).execute()).toEqual(
      [],
    );
  });

  it("a blocked pair cannot write, either way, until the blocker unblocks", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const ana = await loginAs(server, p.ana);
    const id = await startConversation(camille, p.ana);
    expect((await ana.post(`/messages/${id}`, { intent: "block" })).status).toBe(302);

    const refused = await camille.post(`/messages/${id}`, messageForm({ body: "Hello?" }));
    expect(refused.status).toBe(403);
    expect(decode(await refused.text())).toContain("one of you has blocked the other");
    expect((await ana.post(`/messages/${id}`, messageForm({ body: "Bye" }))).status).toBe(403);
    const viaProfile = await camille.post(
      `/messages/new?to=${await handleOf(p.ana)}`,
      messageForm({ body: "Hi" }),
    );
    expect(viaProfile.status).toBe(403);
    expect((await page(camille, `/messages/${id}`)).html).toContain(
      "You can no longer write in this conversation.",
    );
    expect((await page(ana, `/messages/${id}`)).html).toContain("You blocked Camille Tremblay.");
    // Only the blocker can lift it.
    await camille.post(`/messages/${id}`, { intent: "unblock" });
    expect((await camille.post(`/messages/${id}`, messageForm({ body: "Still?" }))).status).toBe(403);
    await ana.post(`/messages/${id}`, { intent: "unblock" });
    expect((await camille.post(`/messages/${id}`, messageForm({ body: "Hello again" }))).status).toBe(302);
    const bodies = await db()
      .selectFrom("messages")
      .select("body")
      .where("conversation_id", "=", id)
      .orderBy("seq")
      .execute();
    expect(bodies.map((b) => b.body)).toEqual(["Hello, I love your work.", "Hello again"]);
  });

  it("an empty message is refused with a message, not a stack trace", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const res = await camille.post(`/messages/new?to=${await handleOf(p.ana)}`, messageForm({ body: "   " }));
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Write a message or attach an image.");
  });
});

describe("what a message is about", () => {
  async function blindContest() {
    const p = await people();
    const contest = await makeLaunchedContest(p.camille);
    await db()
      .updateTable("contests")
      .set({ blind: 1, title: "Blind bakery logo" })
      .where("id", "=", contest.id)
      .execute();
    const anaEntry = await makeReadyEntry(contest.id, p.ana);
    const benEntry = await makeReadyEntry(contest.id, p.ben);
    return { ...p, contestId: contest.id, anaEntry, benEntry };
  }

  it("the entry page offers the client to write to its designer about it", async () => {
    const r = await blindContest();
    const camille = await loginAs(server, r.camille);
    const { html } = await page(camille, `/entries/${r.anaEntry}`);
    const href = `/messages/new?to=${await handleOf(r.ana)}&about=entry:${r.anaEntry}`;
    expect(html).toContain(href);
    expect(html).toContain("Write to the designer");
    const form = await page(camille, `/messages/new?to=${await handleOf(r.ana)}&about=entry:${r.anaEntry}`);
    expect(form.html).toContain("About entry #1 in “Blind bakery logo”");
    expect(form.html).toContain(`value="entry:${r.anaEntry}"`);
    // The designer looking at their own entry is not offered to write to themselves.
    expect((await page(await loginAs(server, r.ana), `/entries/${r.anaEntry}`)).html).not.toContain(
      "Write to the designer",
    );
  });

  it("in a blind contest a client cannot show one designer another's entry; their own, yes", async () => {
    const r = await blindContest();
    const camille = await loginAs(server, r.camille);
    const handle = await handleOf(r.ana);
    const refused = await camille.post(
      `/messages/new?to=${handle}`,
      messageForm({ body: "Look at this one", about: `entry:${r.benEntry}` }),
    );
    expect(refused.status).toBe(400);
    expect(decode(await refused.text())).toContain("This message cannot link to that");
    expect(
      await db().selectFrom("messages").select("id").where("about_entry_id", "=", r.benEntry).execute(),
    ).toEqual([]);

    const id = await startConversation(camille, r.ana);
    const again = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "Look", about: `entry:${r.benEntry}` }),
    );
    expect(again.status).toBe(400);

    const ok = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "About yours", about: `entry:${r.anaEntry}` }),
    );
    expect(ok.status).toBe(302);
    const asAna = (await page(await loginAs(server, r.ana), `/messages/${id}`)).html;
    expect(asAna).toContain(`href="/entries/${r.anaEntry}"`);
    expect(asAna).toContain("About entry #1 in “Blind bakery logo”");
    expect(asAna).not.toContain(r.benEntry);
  });

  it("a contest must be one both can see: a private contest the designer is not invited to is refused", async () => {
    const p = await people();
    const open = await makeLaunchedContest(p.camille);
    const secret = await makeLaunchedContest(p.camille);
    await db()
      .updateTable("contests")
      .set({ is_private: 1, title: "Secret rebrand" })
      .where("id", "=", secret.id)
      .execute();
    const camille = await loginAs(server, p.camille);
    const id = await startConversation(camille, p.ana);
    const refused = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "This one", about: `contest:${secret.id}` }),
    );
    expect(refused.status).toBe(400);
    const ok = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "This one", about: `contest:${open.id}` }),
    );
    expect(ok.status).toBe(302);
    const asAna = (await page(await loginAs(server, p.ana), `/messages/${id}`)).html;
    expect(asAna).toContain(`href="/contests/${open.id}"`);
    expect(asAna).not.toContain("Secret rebrand");
  });
});

describe("attachments", () => {
  it("an image is checked, stripped of its metadata and served only to the two parties", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const id = await startConversation(camille, p.ana);
    const withExif = await sharp(await makePng(3, 320))
      .jpeg()
      .withExif({ IFD0: { Copyright: "Camille", Artist: "Secret Artist" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const sent = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "My sketch" }, { name: "sketch.jpg", type: "image/jpeg", bytes: withExif }),
    );
    expect(sent.status).toBe(302);
    const html = (await page(await loginAs(server, p.ana), `/messages/${id}`)).html;
    const url = /<a href="(\/messages\/[a-z0-9]+\/attachments\/[a-z0-9]+)"/.exec(html)?.[1];
    expect(url).toBeDefined();

    const asAna = await (await loginAs(server, p.ana)).get(url!);
    expect(asAna.status).toBe(200);
    expect(asAna.headers.get("content-type")).toBe("image/webp");
    expect(asAna.headers.get("cache-control")).toContain("private");
    const bytes = Buffer.from(await asAna.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("Secret Artist"))).toBe(false);
    expect((await camille.get(url!)).status).toBe(200);

    for (const other of [await loginAs(server, p.ben), await loginAs(server, p.dora), server.client()]) {
      expect((await other.get(url!)).status).toBe(404);
    }
    // The key is private: no public media route serves it.
    const row = await db().selectFrom("message_attachments").select("blob_key").executeTakeFirstOrThrow();
    expect(row.blob_key.startsWith("private/messages/")).toBe(true);
    expect((await server.client().get(`/media/${row.blob_key}`)).status).toBe(404);
  });

  it("a file that is not a JPEG, PNG or WebP is refused in plain words, and nothing is sent", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const id = await startConversation(camille, p.ana);
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    const res = await camille.post(
      `/messages/${id}`,
      messageForm({ body: "A gif" }, { name: "cat.png", type: "image/png", bytes: gif }),
    );
    expect(res.status).toBe(415);
    expect(decode(await res.text())).toMatch(/GIF/);
    const bodies = await db()
      .selectFrom("messages")
      .select("body")
      .where("conversation_id", "=", id)
      .execute();
    expect(bodies).toHaveLength(1);
  });
});

describe("unread counts, read receipts and mail", () => {
  it("the header counts unread messages until they are read; the sender then sees “Seen”", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const ana = await loginAs(server, p.ana);
    expect((await page(ana, "/messages")).html).not.toContain('data-testid="nav-messages-count"');
    const id = await startConversation(camille, p.ana, "First");
    await camille.post(`/messages/${id}`, messageForm({ body: "Second" }));

    expect((await page(camille, `/messages/${id}`)).html).not.toContain('data-testid="dm-seen"');
    const inbox = (await page(ana, "/dashboard")).html;
    expect(inbox).toMatch(/data-testid="nav-messages-count">2</);
    const list = (await page(ana, "/messages")).html;
    expect(list).toMatch(/data-testid="inbox-unread">2</);
    expect(list).toContain("Second");

    const opened = (await page(ana, `/messages/${id}`)).html;
    // The page that reads them still counted them; the next one does not.
    expect(opened).toContain("Second");
    const after = (await page(ana, "/messages")).html;
    expect(after).not.toContain('data-testid="nav-messages-count"');
    expect(after).not.toContain('data-testid="inbox-unread"');

    const receipt = (await page(camille, `/messages/${id}`)).html;
    expect(receipt.match(/data-testid="dm-seen"/g)).toHaveLength(1);
    expect(receipt.indexOf("Second")).toBeLessThan(receipt.indexOf('data-testid="dm-seen"'));
    // Ana answers: Camille's count goes up by one; Ana has not seen her own receipt yet.
    await ana.post(`/messages/${id}`, messageForm({ body: "Third" }));
    expect((await page(camille, "/dashboard")).html).toMatch(/data-testid="nav-messages-count">1</);
    expect((await page(ana, `/messages/${id}`)).html).not.toContain('data-testid="dm-seen"');
  });

  it("a message still unread some minutes later is mailed, in the reader's language, with a link", async () => {
    const p = await people();
    await db().updateTable("users").set({ locale: "fr-CA" }).where("id", "=", p.ana).execute();
    const id = await startConversation(await loginAs(server, p.camille), p.ana, "Bonjour Ana, un logo ?");
    await drainJobs();
    expect(await mailTo(p.ana)).toEqual([]);
    advanceClock(UNREAD_MAIL_DELAY_MS);
    await drainJobs();
    const mail = await mailTo(p.ana);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Nouveau message de Camille Tremblay");
    expect(mail[0]!.text).toContain(`http://localhost:3000/messages/${id}`);
    expect(mail[0]!.text).toContain("Bonjour Ana, un logo ?");
    expect(mail[0]!.text).not.toContain((await userRow(p.camille)).email);
    // Run again: nothing new is unread, nothing is mailed twice.
    advanceClock(UNREAD_MAIL_DELAY_MS);
    await drainJobs();
    expect(await mailTo(p.ana)).toHaveLength(1);
  });

  it("someone who wants a daily digest gets the unread messages at the digest's hour, not before", async () => {
    const p = await people();
    await setMailPreferences(p.ana, { messages: "daily" });
    freezeClock(Date.UTC(2026, 11, 3, DIGEST_HOUR_UTC - 2));
    const id = await startConversation(await loginAs(server, p.camille), p.ana, "No rush");
    advanceClock(UNREAD_MAIL_DELAY_MS);
    await drainJobs();
    expect(await mailTo(p.ana)).toEqual([]);
    advanceClock(2 * HOUR);
    await drainJobs();
    const mail = await mailTo(p.ana);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("New message from Camille Tremblay");
    expect(mail[0]!.text).toContain(`/messages/${id}`);
  });

  it("a message read in time is not mailed, nor one whose reader wants messages in the app only", async () => {
    const p = await people();
    const camille = await loginAs(server, p.camille);
    const id = await startConversation(camille, p.ana, "Read me soon");
    await page(await loginAs(server, p.ana), `/messages/${id}`);
    advanceClock(UNREAD_MAIL_DELAY_MS);
    await drainJobs();
    expect(await mailTo(p.ana)).toEqual([]);

    await setMailPreferences(p.ben, { messages: "app" });
    await startConversation(camille, p.ben, "Never mailed");
    advanceClock(UNREAD_MAIL_DELAY_MS);
    await drainJobs();
    expect(await mailTo(p.ben)).toEqual([]);
  });
});
