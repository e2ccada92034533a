import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { decode, inputValue, makeCompleteDraft, makeLiveContest, textareaValue } from "../helpers/contests";
import { makeReadyEntry, makeUser } from "../helpers/fixtures";
import { entryForm, makePng, multipart } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import type { TestClient } from "../helpers/http-client";
import { loginAs, startTestServer } from "../helpers/server";

// Declared tools (issue 14, ADR 0041): every design says whether generative AI made it; the brief
// says whether the contest accepts it; the client (and the judges) read the declaration.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const as = (userId: string) => loginAs(server, userId);
const html = async (res: Response) => decode(await res.text());

async function upload(client: TestClient, contestId: string, fields: Record<string, string>, seed = 1) {
  return client.post(
    `/contests/${contestId}/entries/new`,
    multipart(fields, { name: "logo.png", type: "image/png", bytes: await makePng(seed) }),
  );
}

async function entriesOf(designerId: string) {
  const entries = await db()
    .selectFrom("entries")
    .select("id")
    .where("designer_id", "=", designerId)
    .execute();
  const revisions = await db()
    .selectFrom("entry_revisions")
    .select("id")
    .where("designer_id", "=", designerId)
    .execute();
  return { entries: entries.length, revisions: revisions.length };
}

/** The files under a contest's originals in the filesystem blob store of this test run. */
function originalsOf(contestId: string) {
  const dir = path.join(process.env.DATA_DIR!, "blobs", "private", "originals", contestId);
  if (!fs.existsSync(dir)) return 0;
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((f) =>
    f.isFile(),
  ).length;
}

function entryIdFrom(res: Response) {
  const m = /^\/entries\/([a-z0-9]+)/.exec(res.headers.get("location") ?? "");
  expect(m, res.headers.get("location") ?? "no location").not.toBeNull();
  return m![1]!;
}

/** A live contest whose brief accepts generative AI (a web page: allowed by default). */
const allowedContest = (client: string) =>
  makeLiveContest(client, { category: "web_page", title: "A landing page", prize: 79_900 });

/** The `<input>` tag of a radio answer, to see whether it is chosen. */
const radio = (page: string, value: string) =>
  new RegExp(`<input[^>]*name="generativeAi"[^>]*value="${value}"[^>]*>`).exec(page)?.[0] ?? "";

describe("the brief states the generative-AI rule", () => {
  it("refuses it by default in a logo contest, accepts it in a web page contest, and the upload form says which", async () => {
    const client = await makeUser("Camille Client", "client");
    const designer = await as(await makeUser("Ana Souza"));
    const logo = await makeLiveContest(client);
    const web = await allowedContest(client);

    const logoBrief = await html(await designer.get(`/contests/${logo}`));
    expect(logoBrief).toMatch(/data-testid="ai-rule">Not accepted in this contest/);
    const webBrief = await html(await designer.get(`/contests/${web}`));
    expect(webBrief).toMatch(/data-testid="ai-rule">Accepted\./);

    // The upload form asks, with no answer chosen beforehand, and states the contest's rule.
    const logoForm = await html(await designer.get(`/contests/${logo}/entries/new`));
    expect(logoForm).toContain("Did you use generative AI to make this design?");
    expect(logoForm).toContain("This contest does not accept designs made with generative AI");
    for (const answer of ["yes", "no"]) {
      expect(radio(logoForm, answer)).toContain("required");
      expect(radio(logoForm, answer)).not.toContain("checked");
    }
    const webForm = await html(await designer.get(`/contests/${web}/entries/new`));
    expect(webForm).toContain("This contest accepts it; the client sees your answer.");
  });

  it("lets a logo client opt in on the prize step, and the brief then says it is accepted", async () => {
    const { client, id: clientId } = await (async () => {
      const id = await makeUser("Opt In Client", "client");
      return { client: await as(id), id };
    })();
    const id = await makeCompleteDraft(clientId);
    const step = await html(await client.get(`/contests/${id}/edit?step=4`));
    const option = /<input[^>]*id="brief-prize-aiAllowed"[^>]*>/.exec(step)?.[0] ?? "";
    expect(option, "the option is on the prize step").not.toBe("");
    expect(option, "off by default for a logo").not.toContain("checked");
    expect(step).toContain("Off unless you turn it on");

    const saved = await client.post(`/contests/${id}/edit?step=4`, {
      intent: "save-step",
      step: "4",
      currency: "USD",
      prizeChoice: "custom",
      prize: "499",
      qualifyingDays: "4",
      selectionDays: "4",
      finalDays: "3",
      winnerDays: "14",
      aiAllowed: "on",
    });
    expect(saved.status).toBe(302);
    const review = await html(await client.get(`/contests/${id}/edit?step=5`));
    expect(review).toMatch(/data-testid="ai-rule">Accepted\./);
    const again = await html(await client.get(`/contests/${id}/edit?step=4`));
    expect(/<input[^>]*id="brief-prize-aiAllowed"[^>]*>/.exec(again)?.[0]).toContain("checked");
  });
});

describe("every design declares", () => {
  it("refuses an upload without a declaration, with a message, on the form, the API and a new version", async () => {
    const client = await makeUser("Camille Client", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await allowedContest(client);
    const asAna = await as(ana);

    const res = await upload(asAna, contest, { title: "Quiet mark", note: "Round and calm." });
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(page).toContain("Say whether you used generative AI to make this design (yes or no)");
    // What the designer typed is kept (only the file must be chosen again).
    expect(inputValue(page, "title")).toBe("Quiet mark");
    expect(textareaValue(page, "note")).toBe("Round and calm.");
    const api = await asAna.post(
      `/api/contests/${contest}/entries`,
      multipart({}, { name: "a.png", type: "image/png", bytes: await makePng(2) }),
    );
    expect(api.status).toBe(422);
    expect(((await api.json()) as { message: string }).message).toContain(
      "Say whether you used generative AI",
    );
    expect(await entriesOf(ana)).toEqual({ entries: 0, revisions: 0 });

    // A new version declares too.
    const sent = await upload(asAna, contest, { title: "Quiet mark", generativeAi: "no" });
    expect(sent.status).toBe(302);
    const entryId = entryIdFrom(sent);
    await drainJobs();
    const revise = await asAna.post(
      `/entries/${entryId}/revise`,
      multipart({}, { name: "v2.png", type: "image/png", bytes: await makePng(41) }),
    );
    expect(revise.status).toBe(422);
    expect(await html(revise)).toContain("Say whether you used generative AI");
    expect(await entriesOf(ana)).toEqual({ entries: 1, revisions: 1 });
  });

  it("refuses a design made with generative AI where the brief forbids it: nothing is stored, the form keeps the rest", async () => {
    const client = await makeUser("Camille Client", "client");
    const ana = await makeUser("Ana Souza");
    const logo = await makeLiveContest(client);
    const asAna = await as(ana);

    const res = await upload(asAna, logo, { title: "Robot mark", note: "Made fast.", generativeAi: "yes" });
    expect(res.status).toBe(403);
    const page = await html(res);
    expect(page).toContain(
      "This contest does not accept designs made with generative AI, so this one was not sent.",
    );
    expect(inputValue(page, "title")).toBe("Robot mark");
    expect(textareaValue(page, "note")).toBe("Made fast.");
    expect(radio(page, "yes")).toContain("checked");
    const api = await asAna.post(
      `/api/contests/${logo}/entries`,
      entryForm({ generativeAi: "yes" }, { name: "a.png", type: "image/png", bytes: await makePng(3) }),
    );
    expect(api.status).toBe(403);
    expect(await entriesOf(ana)).toEqual({ entries: 0, revisions: 0 });
    // Not a byte kept: no original waits for a job in the blob store.
    expect(originalsOf(logo)).toBe(0);

    // Declaring none is accepted, and a later version made with AI is refused the same way.
    const sent = await upload(asAna, logo, { title: "Hand drawn", generativeAi: "no" });
    expect(sent.status).toBe(302);
    expect(originalsOf(logo)).toBeGreaterThan(0);
    const entryId = entryIdFrom(sent);
    await drainJobs();
    const revise = await asAna.post(
      `/entries/${entryId}/revise`,
      entryForm({ generativeAi: "yes" }, { name: "v2.png", type: "image/png", bytes: await makePng(42) }),
    );
    expect(revise.status).toBe(403);
    expect(radio(await html(revise), "yes")).toContain("checked");
    expect(await entriesOf(ana)).toEqual({ entries: 1, revisions: 1 });
  });
});

describe("the client reads the declaration", () => {
  it("accepts AI where allowed; the client sees the badge on the gallery, the entry page and the rating viewer", async () => {
    const client = await makeUser("Camille Client", "client");
    const [ana, ben] = [await makeUser("Ana Souza"), await makeUser("Ben Okafor")];
    const contest = await allowedContest(client);
    const withAi = await upload(await as(ana), contest, { title: "Dreamy", generativeAi: "yes" }, 5);
    expect(withAi.status).toBe(302);
    const anaEntry = entryIdFrom(withAi);
    const without = await upload(await as(ben), contest, { title: "Inked", generativeAi: "no" }, 6);
    expect(without.status).toBe(302);
    const benEntry = entryIdFrom(without);
    await drainJobs();
    const stored = await db()
      .selectFrom("entries")
      .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select(["entries.id", "entries.ai_declared as entry", "entry_revisions.ai_declared as revision"])
      .where("entries.contest_id", "=", contest)
      .execute();
    expect(Object.fromEntries(stored.map((r) => [r.id, [r.entry, r.revision]]))).toEqual({
      [anaEntry]: [1, 1],
      [benEntry]: [0, 0],
    });

    const asClient = await as(client);
    const gallery = await html(await asClient.get(`/contests/${contest}`));
    expect(gallery.match(/Made with generative AI/g)).toHaveLength(1);
    expect(gallery.match(/No generative AI declared/g)).toHaveLength(1);
    expect(await html(await asClient.get(`/entries/${anaEntry}`))).toMatch(
      /data-testid="ai-declared"><span class="badge badge--accent">Made with generative AI/,
    );
    expect(await html(await asClient.get(`/entries/${benEntry}`))).toContain("No generative AI declared");
    const viewer = await html(await asClient.get(`/contests/${contest}/judge?entry=${anaEntry}`));
    expect(viewer).toMatch(/data-testid="ai-declared">Made with generative AI/);

    // A new version declares on its own: the entry shows what its shown version declared.
    const revised = await (
      await as(ana)
    ).post(
      `/entries/${anaEntry}/revise`,
      entryForm({ generativeAi: "no" }, { name: "v2.png", type: "image/png", bytes: await makePng(7) }),
    );
    expect(revised.status).toBe(302);
    await drainJobs();
    const after = await html(await asClient.get(`/entries/${anaEntry}`));
    expect(after).toContain("No generative AI declared");
  });

  it("shows other designers nothing new: nothing of others' entries in a blind contest, no declaration in an open one", async () => {
    const client = await makeUser("Camille Client", "client");
    const [ana, ben] = [await makeUser("Ana Souza"), await makeUser("Ben Okafor")];
    const blind = await allowedContest(client);
    await db().updateTable("contests").set({ blind: 1 }).where("id", "=", blind).execute();
    const open = await makeLiveContest(client, { category: "app", title: "An app", prize: 109_900 });
    const blindEntry = entryIdFrom(
      await upload(await as(ana), blind, { title: "Secret", generativeAi: "yes" }, 8),
    );
    const openEntry = entryIdFrom(
      await upload(await as(ana), open, { title: "Public", generativeAi: "yes" }, 9),
    );
    await drainJobs();

    const asBen = await as(ben);
    const blindPage = await html(await asBen.get(`/contests/${blind}`));
    expect(blindPage).not.toContain("Made with generative AI");
    expect(blindPage).not.toContain("Secret");
    expect((await asBen.get(`/entries/${blindEntry}`)).status).toBe(404);
    const openPage = await html(await asBen.get(`/contests/${open}`));
    expect(openPage).toContain("Public");
    expect(openPage).not.toContain("Made with generative AI");
    expect(await html(await asBen.get(`/entries/${openEntry}`))).not.toContain("generative AI");
    // The designer reads her own declaration.
    expect(await html(await (await as(ana)).get(`/entries/${blindEntry}`))).toContain(
      "Made with generative AI",
    );
  });

  it("reads an entry sent before declarations existed as not declared, never as a no", async () => {
    const client = await makeUser("Camille Client", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await makeLiveContest(client);
    const old = await makeReadyEntry(contest, ana);
    const asClient = await as(client);
    const page = await html(await asClient.get(`/entries/${old}`));
    expect(page).toContain("Generative AI: not declared");
    expect(page).not.toContain("No generative AI declared");
    const gallery = await html(await asClient.get(`/contests/${contest}`));
    expect(gallery).not.toContain("No generative AI declared");
    expect(gallery).not.toContain("Made with generative AI");
  });
});
