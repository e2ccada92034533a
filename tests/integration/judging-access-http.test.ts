import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { createSession, sessionCookieName } from "~/modules/auth/sessions.server";
import { inviteJudge } from "~/modules/judging/judges.server";
import { decode } from "../helpers/contests";
import { createPoll } from "~/modules/judging/polls.server";
import { cancelDraft } from "~/modules/contests/manage.server";
import { makeLaunchedContest, makeReadyDraft, makeUser } from "../helpers/fixtures";
import { judgingSetup, makeJudge } from "../helpers/judging";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ROLES = ["client", "judge", "judgeElsewhere", "designer", "stranger", "anonymous"] as const;
type Role = (typeof ROLES)[number];

/** A browser-like client logged in as this user (a session made straight in the database). */
async function as(userId: string | null): Promise<TestClient> {
  const client = server.client();
  if (userId) {
    const { token } = await createSession(db(), userId);
    client.cookies.set(sessionCookieName(), token);
  }
  return client;
}

async function world() {
  const s = await judgingSetup();
  const elsewhere = await makeLaunchedContest(await makeUser("Other client", "client"));
  const judgeElsewhere = await makeJudge(elsewhere.id, "Judge of another contest");
  const stranger = await makeUser("Stranger", "client");
  const users: Record<Role, string | null> = {
    client: s.client,
    judge: s.judge,
    judgeElsewhere,
    designer: s.ana,
    stranger,
    anonymous: null,
  };
  const clients = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await as(users[r])] as const)),
  ) as Record<Role, TestClient>;
  return { ...s, users, clients };
}

type Expect = number | "login";
/** One expected answer per role, in ROLES order. */
const row = (...answers: Expect[]) =>
  Object.fromEntries(ROLES.map((r, i) => [r, answers[i]!])) as Record<Role, Expect>;

function check(res: Response, expected: Expect, label: string) {
  if (expected === "login") {
    expect(res.status, label).toBe(302);
    expect(res.headers.get("location"), label).toMatch(/^\/login\?redirectTo=/);
  } else {
    expect(res.status, label).toBe(expected);
  }
}

describe("who may do what on the judging routes (real HTTP requests)", () => {
  it("tells a designer who opens the rating viewer why it is closed to her, in the refusal's words", async () => {
    const w = await world();
    const res = await w.clients.designer.get(`/contests/${w.contestId}/judge`);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Not open to you");
    expect(html).toContain(`<p class="lead">Only the client and the judges of this contest can do that.</p>`);
  });

  it("the rating viewer: the client and this contest's judges only", async () => {
    const w = await world();
    const path = `/contests/${w.contestId}/judge`;
    const view = row(200, 200, 403, 403, 403, "login");
    const rate = row(302, 302, 403, 403, 403, "login");
    const decline = row(302, 403, 403, 403, 403, "login");
    const comment = row(302, 403, 403, 403, 403, "login");
    const note = row(403, 302, 403, 403, 403, "login");
    const eliminate = row(302, 403, 403, 403, 403, "login");
    for (const role of ROLES) {
      const c = w.clients[role];
      check(await c.get(path), view[role], `${role} GET viewer`);
      check(
        await c.post(path, { intent: "rate", entryId: w.entries.ben1, stars: "4" }),
        rate[role],
        `${role} rate`,
      );
      check(
        await c.post(path, { intent: "comment", entryId: w.entries.ben1, body: `From ${role}` }),
        comment[role],
        `${role} comment`,
      );
      check(
        await c.post(path, { intent: "note", entryId: w.entries.ben1, body: `Note by ${role}` }),
        note[role],
        `${role} note`,
      );
      check(
        await c.post(path, { intent: "decline", entryId: w.entries.chloe1, reason: "off_brief" }),
        decline[role],
        `${role} decline`,
      );
      check(
        await c.post(path, { intent: "eliminate", designerId: w.ben }),
        eliminate[role],
        `${role} eliminate`,
      );
      if (role === "client") {
        await c.post(path, { intent: "reinstate", designerId: w.ben });
        await c.post(path, { intent: "restore", entryId: w.entries.chloe1 });
      }
    }
    const ratings = await db()
      .selectFrom("ratings")
      .select("rater_id")
      .where("entry_id", "=", w.entries.ben1)
      .execute();
    expect(ratings.map((r) => r.rater_id).sort()).toEqual([w.client, w.judge].sort());
    const comments = await db()
      .selectFrom("entry_comments")
      .select("body")
      .where("entry_id", "=", w.entries.ben1)
      .execute();
    expect(comments.map((c) => c.body)).toEqual(["From client"]);
    const notes = await db()
      .selectFrom("judge_notes")
      .select("body")
      .where("contest_id", "=", w.contestId)
      .execute();
    expect(notes.map((n) => n.body)).toEqual(["Note by judge"]);
  });

  it("the shortlist, judges and polls pages: the client only", async () => {
    const w = await world();
    const clientOnly = row(200, 403, 403, 403, 403, "login");
    const clientPost = row(200, 403, 403, 403, 403, "login");
    for (const role of ROLES) {
      const c = w.clients[role];
      check(await c.get(`/contests/${w.contestId}/shortlist`), clientOnly[role], `${role} GET shortlist`);
      check(
        await c.post(`/contests/${w.contestId}/shortlist`, {
          intent: "review-finalists",
          designerIds: w.ana,
        }),
        clientPost[role],
        `${role} review finalists`,
      );
      check(await c.get(`/contests/${w.contestId}/judges`), clientOnly[role], `${role} GET judges`);
      check(
        await c.post(`/contests/${w.contestId}/judges`, {
          intent: "invite",
          email: `${role}-pick@example.com`,
        }),
        clientPost[role],
        `${role} invite`,
      );
      check(await c.get(`/contests/${w.contestId}/polls`), clientOnly[role], `${role} GET polls`);
      const form = new URLSearchParams({ intent: "create", question: `By ${role}?` });
      form.append("entryIds", w.entries.ana1);
      form.append("entryIds", w.entries.ben1);
      check(
        await c.request(`/contests/${w.contestId}/polls`, { method: "POST", body: form }),
        clientPost[role],
        `${role} create poll`,
      );
    }
    const invited = await db()
      .selectFrom("contest_invitations")
      .select("email")
      .where("contest_id", "=", w.contestId)
      .execute();
    expect(invited.map((i) => i.email)).toEqual(["client-pick@example.com"]);
    const polls = await db()
      .selectFrom("polls")
      .select("question")
      .where("contest_id", "=", w.contestId)
      .execute();
    expect(polls.map((p) => p.question)).toEqual(["By client?"]);
    expect(
      (await db().selectFrom("contests").select("status").where("id", "=", w.contestId).executeTakeFirst())!
        .status,
    ).toBe("qualifying");
  });

  it("the final decisions: only the client's confirmation moves the contest", async () => {
    const w = await world();
    for (const role of ROLES.filter((r) => r !== "client")) {
      const res = await w.clients[role].post(`/contests/${w.contestId}/shortlist`, {
        intent: "confirm-finalists",
        designerIds: w.ana,
      });
      check(res, role === "anonymous" ? "login" : 403, `${role} confirm finalists`);
      const win = await w.clients[role].post(`/contests/${w.contestId}/shortlist`, {
        intent: "confirm-winner",
        entryId: w.entries.ana1,
      });
      check(win, role === "anonymous" ? "login" : 403, `${role} confirm winner`);
    }
    expect(
      (await db().selectFrom("contests").select("status").where("id", "=", w.contestId).executeTakeFirst())!
        .status,
    ).toBe("qualifying");
    const ok = await w.clients.client.post(`/contests/${w.contestId}/shortlist`, {
      intent: "confirm-finalists",
      designerIds: w.ana,
    });
    expect(ok.status).toBe(302);
    expect(
      (await db().selectFrom("contests").select("status").where("id", "=", w.contestId).executeTakeFirst())!
        .status,
    ).toBe("final_round");
  });

  it("the thread on the entry page: the client and that entry's designer", async () => {
    const w = await world();
    const post = row(302, 403, 403, 302, 403, "login");
    for (const role of ROLES) {
      check(
        await w.clients[role].post(`/entries/${w.entries.ana1}/comments`, { body: `Hello from ${role}` }),
        post[role],
        `${role} comment on Ana's entry`,
      );
    }
    // Ana cannot write on Ben's entry.
    check(
      await w.clients.designer.post(`/entries/${w.entries.ben1}/comments`, { body: "Not mine" }),
      403,
      "designer on another's entry",
    );
    const bodies = await db()
      .selectFrom("entry_comments")
      .select("body")
      .where("contest_id", "=", w.contestId)
      .orderBy("created_at")
      .execute();
    expect(bodies.map((b) => b.body)).toEqual(["Hello from client", "Hello from designer"]);
  });

  it("an entry's page names its designer to the client, never to a judge while the contest runs", async () => {
    const w = await world();
    const name = (
      await db().selectFrom("users").select("display_name").where("id", "=", w.ana).executeTakeFirstOrThrow()
    ).display_name;
    const page = async (role: Role) =>
      decode(await (await w.clients[role].get(`/entries/${w.entries.ana1}`)).text());
    expect(await page("client")).toContain(name);
    const judged = await page("judge");
    expect(judged).toContain(`#1`);
    // Judges judge blind: not in the byline, the image's text, or anywhere else on the page.
    expect(judged).not.toContain(name);
  });

  it("notifications: every logged-in person sees their own, and only their own", async () => {
    const w = await world();
    await w.clients.client.post(`/contests/${w.contestId}/judge`, {
      intent: "rate",
      entryId: w.entries.ana1,
      stars: "5",
    });
    const view = row(200, 200, 200, 200, 200, "login");
    const mark = row(302, 302, 302, 302, 302, "login");
    for (const role of ROLES) {
      const res = await w.clients[role].get("/notifications");
      check(res, view[role], `${role} GET notifications`);
      const html = res.status === 200 ? await res.text() : "";
      if (role === "designer")
        expect(html).toContain("The client gave your entry #1 in “Logo for a bakery” 5 stars.");
      else expect(html).not.toContain("The client gave your entry");
      check(await w.clients[role].post("/notifications", {}), mark[role], `${role} mark all read`);
    }
    const unread = await db()
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", w.ana)
      .where("read_at", "is", null)
      .execute();
    expect(unread).toEqual([]);
  });

  it("a judge invitation: anyone may look at it, only a logged-in person may accept, once", async () => {
    const w = await world();
    const invite = await inviteJudge({
      contestId: w.contestId,
      clientId: w.client,
      email: "new-judge@example.com",
      locale: "en",
    });
    if (!invite.ok) throw new Error("invite failed");
    const path = new URL(invite.link).pathname;
    for (const role of ROLES) check(await w.clients[role].get(path), 200, `${role} GET invitation`);
    check(await w.clients.anonymous.post(path, {}), "login", "anonymous accept");
    check(await w.clients.client.post(path, {}), 409, "the client accepts their own invitation");
    check(await w.clients.designer.post(path, {}), 409, "an entrant accepts");
    const accepted = await w.clients.stranger.post(path, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/contests/${w.contestId}/judge`);
    check(await w.clients.judgeElsewhere.post(path, {}), 410, "a second person with a spent link");
    check(await w.clients.judgeElsewhere.get(path), 410, "GET a spent link");
    expect((await w.clients.stranger.get(`/contests/${w.contestId}/judge`)).status).toBe(200);
    expect((await w.clients.judgeElsewhere.get(`/contests/${w.contestId}/judge`)).status).toBe(403);
  });

  it("a poll: anyone with the link votes (no account needed); results stay with the client", async () => {
    const w = await world();
    const poll = await createPoll({
      contestId: w.contestId,
      clientId: w.client,
      entryIds: [w.entries.ana1, w.entries.ben1],
      question: "Which one?",
    });
    const path = new URL(poll.link).pathname;
    for (const role of ROLES) {
      check(await w.clients[role].get(path), 200, `${role} GET poll`);
      check(await w.clients[role].post(path, { entryId: w.entries.ben1 }), 302, `${role} vote`);
    }
    const html = await (await w.clients.anonymous.get(path)).text();
    expect(html).toContain("Your vote");
    expect(html).not.toMatch(/\d+ votes?/);
    const votes = await db().selectFrom("poll_votes").select("entry_id").execute();
    expect(votes).toHaveLength(ROLES.length);
    // An entry that is not in the poll cannot be voted for, nor its preview fetched through the poll.
    check(await w.clients.anonymous.post(path, { entryId: w.entries.chloe1 }), 409, "vote outside the poll");
    check(
      await w.clients.anonymous.get(`${path}/media/${w.entries.chloe1}`),
      404,
      "preview outside the poll",
    );
  });
});

describe("what an outsider may not see answers exactly as an unknown contest does", () => {
  /** The page without what changes on every response (the CSP nonce, the request's id). */
  const normalise = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/"requestId":"[^"]*"/g, "");

  it("every judging route of a private contest, a draft and a cancelled draft: 404, like a made-up id", async () => {
    const priv = await judgingSetup({ isPrivate: true });
    const owner = await makeUser("Draft owner", "client");
    const draft = await makeReadyDraft(owner);
    const cancelled = await makeReadyDraft(owner);
    await cancelDraft({ contestId: cancelled, clientId: owner });
    const outsiders = {
      stranger: await as(await makeUser("Outsider", "client")),
      designer: await as(await makeUser("Uninvited designer")),
      judgeElsewhere: await as(await makeJudge((await makeLaunchedContest(owner)).id, "Judge elsewhere")),
    };
    const unknown = "zzzzzzzzzzzzzzzz";
    const pollForm = (entryId: string) => {
      const form = new FormData();
      form.set("intent", "create");
      form.set("question", "Which one?");
      form.append("entryIds", entryId);
      form.append("entryIds", "yyyyyyyyyyyyyyyy");
      return form;
    };
    const requests = (id: string, entryId: string) =>
      [
        ["GET", `/contests/${id}/judge`, null],
        ["GET", `/contests/${id}/judges`, null],
        ["GET", `/contests/${id}/polls`, null],
        ["GET", `/contests/${id}/shortlist`, null],
        ["POST", `/contests/${id}/judge`, { intent: "rate", entryId, stars: "4" }],
        ["POST", `/contests/${id}/judge`, { intent: "comment", entryId, body: "Hello" }],
        ["POST", `/contests/${id}/judges`, { intent: "invite", email: "someone@example.com" }],
        ["POST", `/contests/${id}/polls`, pollForm(entryId)],
        ["POST", `/contests/${id}/shortlist`, { intent: "review-finalists", designerIds: "x" }],
      ] as const;
    for (const [who, client] of Object.entries(outsiders)) {
      const baseline = requests(unknown, unknown);
      for (const [label, id, entryId] of [
        ["private", priv.contestId, priv.entries.ana1],
        ["draft", draft, unknown],
        ["cancelled", cancelled, unknown],
      ] as const) {
        const probes = requests(id, entryId);
        for (let i = 0; i < probes.length; i++) {
          const [method, path, body] = probes[i]!;
          const res = method === "GET" ? await client.get(path) : await client.post(path, body!);
          const [, basePath, baseBody] = baseline[i]!;
          const ref = method === "GET" ? await client.get(basePath) : await client.post(basePath, baseBody!);
          const what = `${who} ${method} ${path} (${label})`;
          expect(res.status, what).toBe(404);
          expect(res.status, what).toBe(ref.status);
          // The same page, once the ids the request itself named are set aside.
          const text = (await res.text()).replaceAll(id, unknown).replaceAll(entryId, unknown);
          expect(normalise(text), what).toBe(normalise(await ref.text()));
        }
      }
      // A comment on an entry of the private contest, through the entry's own route.
      const res = await client.post(`/entries/${priv.entries.ana1}/comments`, { body: "Hello" });
      const ref = await client.post(`/entries/${unknown}/comments`, { body: "Hello" });
      expect(res.status, `${who} comment on a private entry`).toBe(404);
      const text = (await res.text()).replaceAll(priv.entries.ana1, unknown);
      expect(normalise(text)).toBe(normalise(await ref.text()));
    }
  });
});

describe("the page someone who may see a contest, but not judge it, gets", () => {
  it("says in words that it is not open to them (403), not that something went wrong", async () => {
    const w = await world();
    const res = await w.clients.designer.get(`/contests/${w.contestId}/judge`);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Not open to you");
    expect(html).not.toContain("Something went wrong");
  });
});
