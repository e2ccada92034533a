import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { advanceClock, now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { decode, formError } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
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

/** A handover with files and both signatures; `approve` releases the prize through the real route. */
async function handover(options: { approve: boolean; isPrivate?: boolean }) {
  const s = await handoverSetup();
  if (options.isPrivate)
    await db().updateTable("contests").set({ is_private: 1 }).where("id", "=", s.contestId).execute();
  const asWinner = await loginAs(server, s.winner);
  expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
  expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
  const asClient = await loginAs(server, s.client);
  expect((await sign(asClient, s.contestId, "Camille Tremblay")).status).toBe(302);
  if (options.approve) {
    const res = await asClient.post(`/contests/${s.contestId}/handover/approve`, { confirm: "on" });
    expect(res.status).toBe(302);
  }
  return { ...s, asClient, asWinner, page: `/contests/${s.contestId}/handover` };
}

const review = (stars: number | string, body: string) => ({ intent: "review", stars: String(stars), body });

async function notificationsOf(userId: string) {
  return (await db().selectFrom("notifications").select("kind").where("user_id", "=", userId).execute()).map(
    (n) => n.kind,
  );
}

describe("reviews after the work", () => {
  it("cannot be written before the prize is released: the work must be paid for first", async () => {
    const s = await handover({ approve: false });
    const page = decode(await (await s.asClient.get(s.page)).text());
    expect(page).not.toContain('id="review"');
    const res = await s.asClient.post(s.page, review(5, "Great work"));
    expect(res.status).toBe(409);
    expect(formError(decode(await res.text()))).toBe(
      "You can review the designer once the prize has been released to them.",
    );
    expect(await db().selectFrom("reviews").selectAll().execute()).toHaveLength(0);
  });

  it("lets the client review the winner once the prize is released, and shows it on the profile", async () => {
    const s = await handover({ approve: true });
    const page = decode(await (await s.asClient.get(s.page)).text());
    expect(page).toContain('id="review"');
    expect(page).toContain("Your review of Ana Souza");
    expect(page).toContain("Publish the review");
    const winnerPage = decode(await (await s.asWinner.get(s.page)).text());
    expect(winnerPage).toContain("Camille Tremblay has not reviewed your work yet.");
    expect(winnerPage).not.toContain("Publish the review");

    // Bad input is refused with the reason, on the form, and nothing is stored.
    let res = await s.asClient.post(s.page, review(0, "Great work"));
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Please choose from 1 to 5 stars.");
    res = await s.asClient.post(s.page, review(4, "   "));
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Please write a few words about the work.");
    expect(await db().selectFrom("reviews").selectAll().execute()).toHaveLength(0);

    res = await s.asClient.post(
      s.page,
      review(5, "Ana listened, and the crest is perfect.\nWould hire again."),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${s.page}?reviewed=1#review`);
    expect(await notificationsOf(s.winner)).toContain("review.received");

    const profile = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(s.winner)}`)
        .then((r) => r.text()),
    );
    expect(profile).toContain("Client reviews");
    expect(profile).toContain("Ana listened, and the crest is perfect.");
    expect(profile).toContain("By Camille Tremblay");
    expect(profile).toContain("Logo contest “Logo for Pain d'Or”");
    expect(profile).toMatch(/data-testid="stat-rating"><span class="profile__stat-n num">5\.0/);
    expect(profile).toContain("average from 1 client review");
  });

  it("is the client's alone to write, once per contest; others are refused or see nothing", async () => {
    const s = await handover({ approve: true });
    // The winner cannot review themself; the other designer and a stranger do not see the handover.
    let res = await s.asWinner.post(s.page, review(5, "I was great"));
    expect(res.status).toBe(403);
    expect(formError(decode(await res.text()))).toBe(
      "Only the contest’s client writes the review, and only its winner answers it.",
    );
    for (const who of [s.other, s.judge, s.stranger]) {
      res = await (await loginAs(server, who)).post(s.page, review(1, "Bad"));
      expect(res.status).toBe(404);
    }
    expect((await server.client().post(s.page, review(1, "Bad"))).status).toBe(302); // to the login page

    // A second review of the same contest corrects the first: there is still one, marked edited.
    expect((await s.asClient.post(s.page, review(3, "Good"))).status).toBe(302);
    expect((await s.asClient.post(s.page, review(4, "Better than I first said"))).status).toBe(302);
    const rows = await db().selectFrom("reviews").selectAll().where("contest_id", "=", s.contestId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stars: 4, body: "Better than I first said", designer_id: s.winner });
    expect(rows[0]!.edited_at).not.toBeNull();
    const profile = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(s.winner)}`)
        .then((r) => r.text()),
    );
    expect(profile).toContain("Better than I first said");
    expect(profile).not.toContain(">Good<");
    expect(profile).toContain("edited");
  });

  it("lets the winner answer once there is a review, and both texts stand after 14 days", async () => {
    const s = await handover({ approve: true });
    let res = await s.asWinner.post(s.page, { intent: "answer", answer: "Thank you!" });
    expect(res.status).toBe(409);
    expect(formError(decode(await res.text()))).toBe("There is no review to answer yet.");

    expect((await s.asClient.post(s.page, review(5, "Lovely work"))).status).toBe(302);
    const winnerPage = decode(await (await s.asWinner.get(s.page)).text());
    expect(winnerPage).toContain("Lovely work");
    expect(winnerPage).toContain("Publish the answer");
    res = await s.asWinner.post(s.page, { intent: "answer", answer: "Merci, Camille! It was a pleasure." });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${s.page}?answered=1#review`);
    expect(await notificationsOf(s.client)).toContain("review.answered");
    const profile = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(s.winner)}`)
        .then((r) => r.text()),
    );
    expect(profile).toContain("Answer from Ana Souza");
    expect(profile).toContain("Merci, Camille! It was a pleasure.");

    advanceClock(15 * DAY);
    // Fifteen days on, both sign in again (sessions do not last that long unused).
    const asClient = await loginAs(server, s.client);
    const asWinner = await loginAs(server, s.winner);
    res = await asClient.post(s.page, review(1, "Changed my mind"));
    expect(res.status).toBe(409);
    expect(formError(decode(await res.text()))).toBe(
      "A review and its answer can be changed for 14 days after they are written; this one now stands.",
    );
    res = await asWinner.post(s.page, { intent: "answer", answer: "Edited later" });
    expect(res.status).toBe(409);
    const row = await db()
      .selectFrom("reviews")
      .selectAll()
      .where("contest_id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      stars: 5,
      body: "Lovely work",
      answer: "Merci, Camille! It was a pleasure.",
    });
    // The page no longer offers to change either.
    const clientPage = decode(await (await asClient.get(s.page)).text());
    expect(clientPage).toContain("Lovely work");
    expect(clientPage).not.toContain("Correct your review");
    const winnerLater = decode(await (await asWinner.get(s.page)).text());
    expect(winnerLater).toContain("Merci, Camille!");
    expect(winnerLater).not.toContain("Correct your answer");
  });

  it("shows a private contest's review without the contest's name", async () => {
    const s = await handover({ approve: true, isPrivate: true });
    expect((await s.asClient.post(s.page, review(4, "Discreet and fast"))).status).toBe(302);
    const profile = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(s.winner)}`)
        .then((r) => r.text()),
    );
    expect(profile).toContain("Discreet and fast");
    expect(profile).toContain("A private Logo contest");
    expect(profile).not.toContain("Logo for Pain d'Or");
  });
});

/** A completed contest in a category won by `designer`, with an optional review of it. */
async function win(client: string, designer: string, category: string, stars?: number) {
  const contest = await makeLaunchedContest(client);
  const entry = await makeReadyEntry(contest.id, designer);
  await db()
    .updateTable("contests")
    .set({ category, status: "completed", winner_id: designer, winning_entry_id: entry, ended_at: now() })
    .where("id", "=", contest.id)
    .execute();
  if (stars !== undefined) {
    await db()
      .insertInto("reviews")
      .values({
        contest_id: contest.id,
        client_id: client,
        designer_id: designer,
        stars,
        body: "Review",
        created_at: now(),
      })
      .execute();
  }
  return contest.id;
}

describe("levels and reply times on the profile and the dashboard", () => {
  it("shows each category's level, what the next one needs, and the rules as written", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    await db()
      .updateTable("users")
      .set({ categories: JSON.stringify(["packaging"]) })
      .where("id", "=", ana)
      .execute();
    await win(client, ana, "logo", 5);
    await win(client, ana, "logo", 4);
    await win(client, ana, "illustration");

    const profile = decode(
      await server
        .client()
        .get(`/designers/${await handleOf(ana)}`)
        .then((r) => r.text()),
    );
    expect(profile).toMatch(/data-testid="profile-level">Mid level</);
    expect(profile).toContain("Logo: Mid level");
    expect(profile).toContain("Illustration: Entry level");
    expect(profile).toContain("Packaging: Entry level");

    const dashboard = decode(await (await loginAs(server, ana)).get("/dashboard").then((r) => r.text()));
    expect(dashboard).toContain("Your levels");
    const row = (category: string) =>
      new RegExp(`data-testid="level-${category}">([\\s\\S]*?)</li>`)
        .exec(dashboard)?.[1]
        ?.replace(/<[^>]+>/g, " ");
    expect(row("logo")).toMatch(
      /Mid level\s+4 more wins in Logo to reach top level\. 1 more client review for top level\./,
    );
    expect(row("illustration")).toMatch(/Entry level\s+1 more win in Illustration to reach mid level\./);
    expect(row("packaging")).toMatch(/2 more wins in Packaging to reach mid level\./);
    expect(dashboard).toContain(
      "Mid level: 2 contests won there, and an average of at least 3.5 stars if clients reviewed you. Top level: 6 contests won, 3 client reviews or more, and an average of at least 4.5 stars.",
    );
  });

  it("shows the median time to answer a client's comment, from contests that are not private", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    const open = await makeLaunchedContest(client);
    const hidden = await makeLaunchedContest(client);
    await db().updateTable("contests").set({ is_private: 1 }).where("id", "=", hidden.id).execute();
    const t0 = now();
    let n = 0;
    const exchange = async (contestId: string, entryId: string, delay: number) => {
      const asked = t0 + n++ * DAY;
      await db()
        .insertInto("entry_comments")
        .values([
          {
            id: `q${n}${entryId}`.slice(0, 20),
            entry_id: entryId,
            contest_id: contestId,
            author_id: client,
            body: "?",
            created_at: asked,
          },
          {
            id: `a${n}${entryId}`.slice(0, 20),
            entry_id: entryId,
            contest_id: contestId,
            author_id: ana,
            body: "!",
            created_at: asked + delay,
          },
        ])
        .execute();
    };
    const handle = await handleOf(ana);
    const page = async () =>
      decode(
        await server
          .client()
          .get(`/designers/${handle}`)
          .then((r) => r.text()),
      );
    const entry = await makeReadyEntry(open.id, ana);
    await exchange(open.id, entry, 1 * HOUR);
    await exchange(open.id, entry, 3 * HOUR);
    expect(await page()).not.toContain('data-testid="profile-reply"'); // two answers say too little
    await exchange(open.id, entry, 2 * HOUR);
    expect(await page()).toContain("Usually answers clients within 2 hours.");
    // Slow answers in a private contest are not counted (and the private contest is not revealed).
    const secret = await makeReadyEntry(hidden.id, ana);
    for (let i = 0; i < 3; i++) await exchange(hidden.id, secret, 9 * DAY);
    expect(await page()).toContain("Usually answers clients within 2 hours.");
  });
});
