import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { now } from "~/utils/clock.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyDraft, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import type { TestClient } from "../helpers/http-client";
import { loginAs, startTestServer } from "../helpers/server";
import { makePng } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import { inspectImage } from "~/modules/entries/images.server";
import { addPiece } from "~/modules/people/pieces.server";
import { launchContest } from "~/modules/contests/launch.server";
import { newId } from "~/utils/ids.server";

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

const page = async (client: TestClient, pathname: string) => {
  const res = await client.get(pathname);
  return { status: res.status, html: decode(await res.text()) };
};

/** A network form as the profile sends it without JavaScript. */
async function act(client: TestClient, designerId: string, fields: Record<string, string>) {
  const handle = await handleOf(designerId);
  return client.post(`/designers/${handle}/network`, { back: `/designers/${handle}`, ...fields });
}

const kindsOf = async (userId: string) =>
  (
    await db()
      .selectFrom("notifications")
      .select(["kind", "contest_id", "entry_id"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute()
  ).filter((n) => n.kind.startsWith("network."));

const mailTo = async (userId: string) =>
  db()
    .selectFrom("outbox_mail")
    .select(["subject", "text_body"])
    .where("to_address", "=", (await userRow(userId)).email)
    .execute();

async function setContest(
  id: string,
  patch: { title?: string; is_private?: number; status?: string; portfolio_opt_out?: number },
) {
  await db()
    .updateTable("contests")
    .set(patch as never)
    .where("id", "=", id)
    .execute();
}

/** A completed contest of `client` won by `winner`, with `finalist` beside them. */
async function completedContest(
  client: string,
  winner: string,
  finalist: string,
  title: string,
  isPrivate = false,
) {
  const contest = await makeLaunchedContest(client);
  const entry = await makeReadyEntry(contest.id, winner);
  await makeReadyEntry(contest.id, finalist);
  await db()
    .updateTable("contests")
    .set({
      title,
      is_private: isPrivate ? 1 : 0,
      status: "completed",
      winner_id: winner,
      winning_entry_id: entry,
      ended_at: now(),
    })
    .where("id", "=", contest.id)
    .execute();
  await db()
    .insertInto("contest_finalists")
    .values([winner, finalist].map((d) => ({ contest_id: contest.id, designer_id: d, created_at: now() })))
    .execute();
  return contest.id;
}

describe("my designers: favourites", () => {
  it("a client adds a designer from the profile, sees them in /my/designers, and removes them", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const asCamille = await loginAs(server, camille);
    const profile = `/designers/${await handleOf(ana)}`;

    expect((await page(asCamille, profile)).html).toContain("Add to my designers");
    expect((await page(asCamille, "/my/designers")).html).toContain("No favourites yet.");

    const added = await act(asCamille, ana, { intent: "favourite" });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(profile);
    // Twice is still one favourite.
    expect((await act(asCamille, ana, { intent: "favourite" })).status).toBe(302);
    const rows = await db()
      .selectFrom("favourite_designers")
      .selectAll()
      .where("client_id", "=", camille)
      .execute();
    expect(rows.map((r) => r.designer_id)).toEqual([ana]);

    expect((await page(asCamille, profile)).html).toContain("Remove from my designers");
    const list = await page(asCamille, "/my/designers");
    expect(list.status).toBe(200);
    expect(list.html).toMatch(/data-testid="favourite"[\s\S]*Ana Souza[\s\S]*Entry level[\s\S]*no wins yet/);
    expect(list.html).toContain(`href="${profile}"`);

    const removed = await asCamille.post(`${profile}/network`, {
      intent: "unfavourite",
      back: "/my/designers",
    });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe("/my/designers");
    expect((await page(asCamille, "/my/designers")).html).toContain("No favourites yet.");
  });

  it("cannot favourite or follow oneself: no button on one's own profile, and a POST is refused", async () => {
    const ana = await makeUser("Ana Souza");
    const asAna = await loginAs(server, ana);
    const own = await page(asAna, `/designers/${await handleOf(ana)}`);
    expect(own.status).toBe(200);
    expect(own.html).not.toContain("Add to my designers");
    for (const intent of ["favourite", "follow"]) {
      const res = await act(asAna, ana, { intent });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("This is your own profile.");
    }
    expect(
      await db().selectFrom("favourite_designers").selectAll().where("client_id", "=", ana).execute(),
    ).toEqual([]);
    expect(
      await db().selectFrom("designer_follows").selectAll().where("follower_id", "=", ana).execute(),
    ).toEqual([]);
  });

  it("a stranger sees the profile, but a POST asks them to log in and changes nothing", async () => {
    const ana = await makeUser("Ana Souza");
    const stranger = server.client();
    const profile = `/designers/${await handleOf(ana)}`;
    const seen = await page(stranger, profile);
    expect(seen.status).toBe(200);
    expect(seen.html).toContain("Ana Souza");
    for (const intent of ["favourite", "follow", "invite"]) {
      const res = await stranger.post(`${profile}/network`, { intent, contestId: "x", back: profile });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(
        `/login?redirectTo=${encodeURIComponent(`${profile}/network`)}`,
      );
    }
    expect((await stranger.get("/my/designers")).status).toBe(302);
    expect((await stranger.get("/my/invitations")).status).toBe(302);
    expect(
      await db().selectFrom("designer_follows").selectAll().where("designer_id", "=", ana).execute(),
    ).toEqual([]);
  });
});

describe("my designers: worked with before", () => {
  it("lists the winners and finalists of the client's completed contests, private ones too, never another client's", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const dora = await makeUser("Dora Client", "client");
    const ana = await makeUser("Ana Souza");
    const ben = await makeUser("Ben Okafor");
    const chloe = await makeUser("Chloé Martin");
    await completedContest(camille, ana, ben, "Logo for Pain d'Or");
    await completedContest(camille, ben, ana, "Secret packaging", true);
    await completedContest(dora, chloe, ana, "Dora's hidden rebrand", true);

    const list = await page(await loginAs(server, camille), "/my/designers");
    expect(list.status).toBe(200);
    const worked = list.html.slice(list.html.indexOf('data-testid="worked-with"'));
    expect(worked).toContain("Ana Souza");
    expect(worked).toContain("Ben Okafor");
    expect(worked).toContain("Logo for Pain d'Or");
    expect(worked).toContain("Secret packaging");
    expect(worked).toMatch(/Won(?: |<!-- -->)*<a[^>]*>Logo for Pain d'Or/);
    expect(worked).toMatch(/Finalist in(?: |<!-- -->)*<a[^>]*>Secret packaging/);
    expect(list.html).not.toContain("Dora's hidden rebrand");
    expect(list.html).not.toContain("Chloé Martin");
    // Ana's public win counts on her card; the private one does not show as a win.
    expect(worked).toMatch(
      /Ana Souza[\s\S]*?1 win[\s\S]*?Ben Okafor[\s\S]*?no wins yet|Ben Okafor[\s\S]*?no wins yet[\s\S]*?Ana Souza[\s\S]*?1 win/,
    );

    const doraList = await page(await loginAs(server, dora), "/my/designers");
    expect(doraList.html).toContain("Dora's hidden rebrand");
    expect(doraList.html).not.toContain("Secret packaging");
    expect(doraList.html).not.toContain("Logo for Pain d'Or");
  });
});

describe("inviting a designer to a contest", () => {
  it("to the client's own running private contest: the designer gets access (404 before, 200 after), told in the app and by mail", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await makeLaunchedContest(camille);
    await setContest(contest.id, { title: "Secret packaging", is_private: 1 });
    const asAna = await loginAs(server, ana);
    const asCamille = await loginAs(server, camille);
    expect((await asAna.get(`/contests/${contest.id}`)).status).toBe(404);

    // The profile names none of the client's contests: its button leads to the picker's page.
    const profile = await page(asCamille, `/designers/${await handleOf(ana)}`);
    expect(profile.html).toContain(`href="/designers/${await handleOf(ana)}/network"`);
    expect(profile.html).not.toContain("Secret packaging");
    const picker = await page(asCamille, `/designers/${await handleOf(ana)}/network`);
    expect(picker.status).toBe(200);
    expect(picker.html).toContain("Invite Ana Souza to one of your contests");
    expect(picker.html).toContain("Secret packaging (private)");

    const res = await act(asCamille, ana, { intent: "invite", contestId: contest.id });
    expect(res.status).toBe(302);
    const back = res.headers.get("location")!;
    expect(back).toMatch(new RegExp(`^/designers/[^?]+\\?invited=${contest.id}&designer=`));
    const after = await page(asCamille, back);
    expect(after.html).toContain("Ana Souza is invited to “Secret packaging”.");
    expect((await page(asCamille, `/designers/${await handleOf(ana)}/network`)).html).toContain(
      "Secret packaging (already invited)",
    );
    // The client never sees the designer's address.
    expect(after.html).not.toContain((await userRow(ana)).email);
    expect((await page(asCamille, "/my/designers")).html).not.toContain((await userRow(ana)).email);

    expect((await asAna.get(`/contests/${contest.id}`)).status).toBe(200);
    expect(await kindsOf(ana)).toEqual([
      { kind: "network.invited_private", contest_id: contest.id, entry_id: null },
    ]);
    const notifications = await page(asAna, "/notifications");
    expect(notifications.html).toContain(
      "Camille Tremblay invited you to their private contest “Secret packaging”.",
    );
    expect(notifications.html).toContain(`href="/contests/${contest.id}"`);
    const mail = await mailTo(ana);
    expect(mail.map((m) => m.subject)).toContain(
      "Camille Tremblay invited you to their private contest “Secret packaging”. You can now read the brief and send entries",
    );
  });

  it("to a public contest: a notification with a link; twice is idempotent and says so", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await makeLaunchedContest(camille);
    await setContest(contest.id, { title: "Logo for Pain d'Or" });
    const asCamille = await loginAs(server, camille);

    expect((await act(asCamille, ana, { intent: "invite", contestId: contest.id })).status).toBe(302);
    const again = await act(asCamille, ana, { intent: "invite", contestId: contest.id });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toContain("again=1");
    const said = await page(asCamille, again.headers.get("location")!);
    expect(said.html).toContain(
      "Ana Souza was already invited to “Logo for Pain d'Or”: nothing was sent again.",
    );

    expect(await kindsOf(ana)).toEqual([{ kind: "network.invited", contest_id: contest.id, entry_id: null }]);
    expect((await mailTo(ana)).filter((m) => m.subject.includes("invited you"))).toHaveLength(1);
    const rows = await db()
      .selectFrom("designer_invitations")
      .selectAll()
      .where("designer_id", "=", ana)
      .execute();
    expect(rows).toHaveLength(1);
    // A public contest grants no membership: nobody needs one to see it.
    expect(await db().selectFrom("contest_members").selectAll().where("user_id", "=", ana).execute()).toEqual(
      [],
    );
    const notifications = await page(await loginAs(server, ana), "/notifications");
    expect(notifications.html).toContain("Camille Tremblay invited you to “Logo for Pain d'Or”.");
  });

  it("from /my/designers, coming back to the list with the notice", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await makeLaunchedContest(camille);
    await setContest(contest.id, { title: "Logo for Pain d'Or" });
    const asCamille = await loginAs(server, camille);
    await act(asCamille, ana, { intent: "favourite" });
    const list = await page(asCamille, "/my/designers");
    expect(list.html).toMatch(/data-testid="favourite"[\s\S]*name="contestId"[\s\S]*Logo for Pain d'Or/);
    const res = await asCamille.post(`/designers/${await handleOf(ana)}/network`, {
      intent: "invite",
      contestId: contest.id,
      back: "/my/designers",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/my\/designers\?invited=/);
    expect((await page(asCamille, res.headers.get("location")!)).html).toContain(
      "Ana Souza is invited to “Logo for Pain d'Or”.",
    );
  });

  it("refuses another client's contest (404, public or private) and a closed contest (409 with a message)", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const dora = await makeUser("Dora Client", "client");
    const ana = await makeUser("Ana Souza");
    const asCamille = await loginAs(server, camille);
    const dorasPublic = await makeLaunchedContest(dora);
    const dorasPrivate = await makeLaunchedContest(dora);
    await setContest(dorasPrivate.id, { is_private: 1 });
    for (const id of [dorasPublic.id, dorasPrivate.id, "nosuchcontest"]) {
      const res = await act(asCamille, ana, { intent: "invite", contestId: id });
      expect(res.status).toBe(404);
    }
    const closed = await makeLaunchedContest(camille);
    await setContest(closed.id, { status: "winner_selection" });
    const refused = await act(asCamille, ana, { intent: "invite", contestId: closed.id });
    expect(refused.status).toBe(409);
    expect(decode(await refused.text())).toContain(
      "This contest no longer takes entries, so nobody new can be invited to it.",
    );
    const none = await act(asCamille, ana, { intent: "invite", contestId: "" });
    expect(none.status).toBe(400);
    expect(decode(await none.text())).toContain("Choose one of your contests.");
    // Closed contests are not offered either.
    const picker = await page(asCamille, `/designers/${await handleOf(ana)}/network`);
    expect(picker.html).not.toContain('name="contestId"');
    expect(picker.html).toContain("You have no contest taking entries right now.");
    expect((await page(asCamille, `/designers/${await handleOf(ana)}`)).html).not.toContain(
      'data-testid="invite-link"',
    );
    expect(await kindsOf(ana)).toEqual([]);
    expect(
      await db().selectFrom("designer_invitations").selectAll().where("designer_id", "=", ana).execute(),
    ).toEqual([]);
  });

  it("to a new contest (a draft): kept, said so, and sent when it launches, a private one letting the designer in", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const asCamille = await loginAs(server, camille);
    const draft = await makeReadyDraft(camille);
    await setContest(draft, { title: "New private logo", is_private: 1 });
    const picker = await page(asCamille, `/designers/${await handleOf(ana)}/network`);
    expect(picker.html).toContain("New private logo (not launched yet: sent at launch)");
    const res = await act(asCamille, ana, { intent: "invite", contestId: draft });
    expect(res.status).toBe(302);
    expect((await page(asCamille, res.headers.get("location")!)).html).toContain(
      "Ana Souza will be invited to “New private logo” when it launches.",
    );
    const asAna = await loginAs(server, ana);
    expect(await kindsOf(ana)).toEqual([]);
    expect((await page(asAna, "/my/invitations")).html).not.toContain("New private logo");
    expect((await asAna.get(`/contests/${draft}`)).status).toBe(404);

    const launched = await launchContest({
      contestId: draft,
      clientId: camille,
      card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123", name: "Camille" },
      billing: { country: "US" },
      idempotencyKey: newId(),
    });
    expect(launched.ok).toBe(true);
    expect((await kindsOf(ana)).map((k) => k.kind)).toEqual(["network.invited_private"]);
    expect((await page(asAna, "/my/invitations")).html).toContain("New private logo");
    expect((await asAna.get(`/contests/${draft}`)).status).toBe(200);
  });

  it("the designer sees who invited them and to what, open while the contest takes entries, closed after", async () => {
    const camille = await makeUser("Camille Tremblay", "client");
    const dora = await makeUser("Dora Client", "client");
    const ana = await makeUser("Ana Souza");
    const first = await makeLaunchedContest(camille);
    await setContest(first.id, { title: "Logo for Pain d'Or" });
    const second = await makeLaunchedContest(dora);
    await setContest(second.id, { title: "Secret packaging", is_private: 1 });
    await act(await loginAs(server, camille), ana, { intent: "invite", contestId: first.id });
    await act(await loginAs(server, dora), ana, { intent: "invite", contestId: second.id });
    await setContest(first.id, { status: "finalist_selection" });

    const asAna = await loginAs(server, ana);
    expect((await page(asAna, "/my/invitations")).status).toBe(200);
    const items = (await page(asAna, "/my/invitations")).html
      .split('data-testid="received-invitation"')
      .slice(1);
    expect(items).toHaveLength(2);
    const pain = items.find((i) => i.includes("Logo for Pain d'Or"))!;
    const secret = items.find((i) => i.includes("Secret packaging"))!;
    expect(pain).toContain("From Camille Tremblay");
    expect(pain).toContain(`href="/contests/${first.id}"`);
    expect(pain).toMatch(/data-testid="invitation-state"[^>]*>Closed</);
    expect(secret).toContain("From Dora Client");
    expect(secret).toContain("Private");
    expect(secret).toMatch(/data-testid="invitation-state"[^>]*>Open</);

    const empty = await page(await loginAs(server, camille), "/my/invitations");
    expect(empty.html).toContain("No invitations yet.");
  });
});

describe("following a designer", () => {
  /** A handover approved through the real route: the contest completes, the winning entry is public if the contest is. */
  async function completeThroughHandover(isPrivate: boolean, follower: string, optOut = false) {
    const s = await handoverSetup();
    if (isPrivate) await setContest(s.contestId, { is_private: 1 });
    if (optOut) await setContest(s.contestId, { portfolio_opt_out: 1 });
    const asFollower = await loginAs(server, follower);
    const followed = await act(asFollower, s.winner, { intent: "follow" });
    expect(followed.status).toBe(302);
    expect((await page(asFollower, `/designers/${await handleOf(s.winner)}`)).html).toContain("Following");
    const asWinner = await loginAs(server, s.winner);
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    const asClient = await loginAs(server, s.client);
    expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
    const approved = await asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });
    expect(approved.status).toBe(302);
    const status = await db()
      .selectFrom("contests")
      .select("status")
      .where("id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("completed");
    return { ...s, asFollower };
  }

  it("a follower is told when a public contest's win enters the portfolio, with a link to the entry", async () => {
    const follower = await makeUser("Fiona Follower", "client");
    const s = await completeThroughHandover(false, follower);
    expect(await kindsOf(follower)).toEqual([
      { kind: "network.new_piece", contest_id: null, entry_id: s.winningEntry },
    ]);
    const notifications = await page(s.asFollower, "/notifications");
    expect(notifications.html).toContain(
      "Ana Souza, whom you follow, has a new piece in their portfolio: “Golden loaf”.",
    );
    expect(notifications.html).toContain(`href="/entries/${s.winningEntry}"`);
    // Only followers: the rival designer, who does not follow, hears nothing of it.
    expect(await kindsOf(s.other)).toEqual([]);
  });

  it("a private contest's win is never told to followers", async () => {
    const follower = await makeUser("Fiona Follower", "client");
    const s = await completeThroughHandover(true, follower);
    expect(await kindsOf(follower)).toEqual([]);
    const notifications = await page(s.asFollower, "/notifications");
    expect(notifications.html).not.toContain("Golden loaf");
    expect(notifications.html).not.toContain("Logo for Pain d'Or");
  });

  it("a win the client kept out of portfolios is not told either", async () => {
    const follower = await makeUser("Fiona Follower", "client");
    await completeThroughHandover(false, follower, true);
    expect(await kindsOf(follower)).toEqual([]);
  });

  it("a follower is told when the designer's own uploaded piece is ready, once", async () => {
    const follower = await makeUser("Fiona Follower", "client");
    const ana = await makeUser("Ana Souza");
    const asFollower = await loginAs(server, follower);
    expect((await act(asFollower, ana, { intent: "follow" })).status).toBe(302);
    const bytes = await makePng(21, 640);
    const image = await inspectImage(bytes);
    if (!image.ok) throw new Error("the test image was refused");
    await addPiece({
      designerId: ana,
      title: "Café sign",
      category: "logo",
      description: "",
      file: bytes,
      image,
    });
    expect(await kindsOf(follower)).toEqual([]); // not while its preview is being made
    await drainJobs();
    await drainJobs();
    expect(await kindsOf(follower)).toEqual([
      { kind: "network.new_piece", contest_id: null, entry_id: null },
    ]);
    const notifications = await page(asFollower, "/notifications");
    expect(notifications.html).toContain(
      "Ana Souza, whom you follow, has a new piece in their portfolio: “Café sign”.",
    );
    expect(notifications.html).toContain(`href="/designers/${await handleOf(ana)}"`);
  });

  it("answers a tampered form with a message, and changes nothing", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const res = await act(await loginAs(server, client), ana, { intent: "befriend" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("That request was not understood. Reload the page and try again.");
    for (const table of ["favourite_designers", "designer_follows"] as const)
      expect(await db().selectFrom(table).selectAll().where("designer_id", "=", ana).execute()).toEqual([]);
  });

  it("unfollowing stops the notifications", async () => {
    const follower = await makeUser("Fiona Follower", "client");
    const ana = await makeUser("Ana Souza");
    const asFollower = await loginAs(server, follower);
    await act(asFollower, ana, { intent: "follow" });
    await act(asFollower, ana, { intent: "unfollow" });
    expect(
      await db().selectFrom("designer_follows").selectAll().where("designer_id", "=", ana).execute(),
    ).toEqual([]);
    expect((await page(asFollower, `/designers/${await handleOf(ana)}`)).html).toMatch(/>Follow</);
  });
});
