import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { decode, makeLiveContest, signUpAs } from "../helpers/contests";
import { handoverSetup } from "../helpers/handover";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The hrefs of the header's links (both the wide nav and the phone menu). */
function headerLinks(html: string): string[] {
  const header = /<header class="site-header"[\s\S]*?<\/header>/.exec(html)?.[0] ?? "";
  return [...header.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => decode(m[1]!));
}

describe("where people land after signing up or logging in", () => {
  it("sends a visitor's “Start a contest” through sign-up to the brief wizard", async () => {
    const html = decode(await (await server.client().get("/")).text());
    expect(html).toContain('href="/signup?as=client&redirectTo=%2Fcontests%2Fnew"');
    expect(html).not.toMatch(/href="\/signup\?as=client"/);
    // Designers are on their way to the open contests.
    expect(html).toContain('href="/signup?as=designer&redirectTo=%2Fcontests"');

    const client = server.client();
    const res = await client.post("/signup?as=client&redirectTo=%2Fcontests%2Fnew", {
      displayName: "Start Me",
      email: "start.me@example.com",
      password: "a long enough passphrase",
      role: "client",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/contests/new");
  });

  it("keeps the destination between the sign-up and log-in pages", async () => {
    const signup = decode(
      await (await server.client().get("/signup?as=client&redirectTo=%2Fcontests%2Fnew")).text(),
    );
    expect(signup).toMatch(/href="\/login\?redirectTo=%2Fcontests%2Fnew"/);
    const login = decode(await (await server.client().get("/login?redirectTo=%2Fcontests%2Fnew")).text());
    expect(login).toMatch(/href="\/signup\?redirectTo=%2Fcontests%2Fnew"/);
    expect(login).toContain('name="redirectTo" value="/contests/new"');
  });

  it("brings someone back to the protected page they opened while logged out", async () => {
    const id = await makeUser("Back Again", "client");
    const visitor = server.client();
    const first = await visitor.get("/receipts");
    expect(first.headers.get("location")).toBe("/login?redirectTo=%2Freceipts");
    const email = (
      await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()
    ).email;
    const res = await visitor.post("/login", {
      email,
      password: "a test passphrase",
      redirectTo: "/receipts",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/receipts");
  });

  it("sends someone already logged in on to their destination, not to the landing page", async () => {
    const id = await makeUser("Already In", "client");
    const asClient = await loginAs(server, id);
    const res = await asClient.get("/login?redirectTo=%2Fcontests%2Fnew");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/contests/new");
    const signup = await asClient.get("/signup?redirectTo=%2Fdashboard");
    expect(signup.headers.get("location")).toBe("/dashboard");
  });

  it("lets the header's “Log in” come back to the page it was pressed on", async () => {
    const owner = await makeUser("Page Owner", "client");
    const contest = await makeLaunchedContest(owner);
    const links = headerLinks(await (await server.client().get(`/contests/${contest.id}`)).text());
    expect(links).toContain(`/login?redirectTo=${encodeURIComponent(`/contests/${contest.id}`)}`);
  });
});

describe("the header by role", () => {
  it("shows a client who never designed no “My entries” and no “Earnings”", async () => {
    const client = server.client();
    await signUpAs(client, "Only Client", "client");
    const links = headerLinks(await (await client.get("/contests")).text());
    expect(links).toContain("/dashboard");
    expect(links).not.toContain("/my/entries");
    expect(links).not.toContain("/earnings");
  });

  it("shows a designer, and a client who has entered a contest, their entries and earnings", async () => {
    const designer = server.client();
    await signUpAs(designer, "Only Designer", "designer");
    const designerLinks = headerLinks(await (await designer.get("/contests")).text());
    expect(designerLinks).toContain("/my/entries");
    expect(designerLinks).toContain("/earnings");

    const client = server.client();
    const { id } = await signUpAs(client, "Client Who Designs", "client");
    const other = await makeUser("Someone", "client");
    await makeReadyEntry(await makeLiveContest(other), id);
    const links = headerLinks(await (await client.get("/contests")).text());
    expect(links).toContain("/my/entries");
    expect(links).toContain("/earnings");
  });
});

describe("the client's way around a contest", () => {
  it("links the contest page to the judges and the polls while the contest runs", async () => {
    const owner = await makeUser("Running Client", "client");
    const contest = await makeLaunchedContest(owner);
    const asOwner = await loginAs(server, owner);
    const html = await (await asOwner.get(`/contests/${contest.id}`)).text();
    expect(html).toContain(`href="/contests/${contest.id}/judges"`);
    expect(html).toContain(`href="/contests/${contest.id}/polls"`);
    // Not for a designer looking at the same page.
    const designer = await loginAs(server, await makeUser("Looking Designer"));
    const theirs = await (await designer.get(`/contests/${contest.id}`)).text();
    expect(theirs).not.toContain(`href="/contests/${contest.id}/judges"`);
  });

  it("makes “Next: the handover” a link once the winner is picked", async () => {
    const s = await handoverSetup();
    const asClient = await loginAs(server, s.client);
    const html = decode(await (await asClient.get(`/contests/${s.contestId}/shortlist?done=winner`)).text());
    expect(html).toMatch(new RegExp(`<a [^>]*href="/contests/${s.contestId}/handover"[^>]*>[^<]*handover`));
  });
});
