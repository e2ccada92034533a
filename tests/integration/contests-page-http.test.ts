import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { escrowOf } from "~/modules/escrow/ledger-reads.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { drainJobs } from "../helpers/jobs";
import { makeReadyEntry } from "../helpers/fixtures";
import {
  GOOD_BRIEF,
  contestRow,
  decode,
  fieldError,
  formError,
  makeLiveContest,
  signUpAs,
  textareaValue,
} from "../helpers/contests";
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

const editFields = (patch: Record<string, string> = {}) => {
  const body = new URLSearchParams({
    intent: "edit-launched",
    ...GOOD_BRIEF,
    classic_modern: "50",
    playful_serious: "50",
    simple_detailed: "50",
    feminine_masculine: "50",
    economical_luxurious: "50",
    colorsUse: "#C8553D",
    colorsAvoid: "",
    ...patch,
  });
  body.append("deliverables", "svg");
  body.append("deliverables", "png");
  return body;
};

describe("the contest page", () => {
  it("shows a launched public contest to anyone, with the prize, the countdown and the timeline", async () => {
    const owner = await person("Camille Tremblay");
    const id = await makeLiveContest(owner.id, { title: "Logo for a bakery", prize: 74_900 });
    const res = await server.client().get(`/contests/${id}`);
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("Logo for a bakery");
    expect(html).toContain("$749");
    expect(html).toContain("Open for entries");
    expect(html).toMatch(/<time dateTime="\d{4}-\d\d-\d\dT[^"]+Z" class="countdown__cells num"/);
    expect(html).toContain("Camille Tremblay launched the contest");
    // The drafting is the client's own business.
    expect(html).not.toContain("started the brief");
    expect(html).toContain("Sign up to take part");
    expect(html).toContain('role="meter"');
  });

  it("gives each viewer their own primary action", async () => {
    const owner = await person("Owner");
    const designer = await person("Dana Designer", "designer");
    const id = await makeLiveContest(owner.id);
    const ownerHtml = await (await owner.client.get(`/contests/${id}`)).text();
    expect(ownerHtml).toContain(`href="/contests/${id}/judge"`);
    expect(ownerHtml).toContain(`href="/contests/${id}/shortlist"`);
    expect(ownerHtml).toContain(`href="/contests/${id}/refund"`);
    expect(ownerHtml).toContain("Extend the round");
    expect(ownerHtml).not.toContain("Submit a design");
    const designerHtml = await (await designer.client.get(`/contests/${id}`)).text();
    expect(designerHtml).toContain(`href="/contests/${id}/entries/new"`);
    expect(designerHtml).not.toContain("Extend the round");
    const judge = await person("Jules Judge");
    await db()
      .insertInto("contest_members")
      .values({
        contest_id: id,
        user_id: judge.id,
        role: "judge",
        nda_accepted_at: null,
        eliminated_at: null,
        created_at: 1,
      })
      .execute();
    const judgeHtml = await (await judge.client.get(`/contests/${id}`)).text();
    expect(judgeHtml).toContain(`href="/contests/${id}/judge"`);
    expect(judgeHtml).not.toContain(`href="/contests/${id}/entries/new"`);
  });

  it("answers 404 for a contest that does not exist", async () => {
    expect((await server.client().get("/contests/nosuchcontest00")).status).toBe(404);
  });
});

describe("extending the round", () => {
  it("moves the deadline, records it, and tells what is left", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const before = await contestRow(id);
    const res = await owner.client.post(`/contests/${id}`, { intent: "extend", days: "3" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}?extended=1`);
    const after = await contestRow(id);
    expect(after.roundEndsAt).toBe(before.roundEndsAt! + 3 * DAY);
    const html = await (await owner.client.get(`/contests/${id}?extended=1`)).text();
    expect(html).toContain("The round is extended and entrants have been told.");
    expect(html).toContain("Owner extended the round by 3 days");
    expect(html).toContain("1 of 2 extensions left.");
  });

  it("refuses a bad number of days beside the field, and a third extension in words", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const bad = await owner.client.post(`/contests/${id}`, { intent: "extend", days: "9" });
    expect(bad.status).toBe(400);
    expect(fieldError(await bad.text(), "extend-days-error")).toBe("Choose between 1 and 7 days.");
    await owner.client.post(`/contests/${id}`, { intent: "extend", days: "1" });
    await owner.client.post(`/contests/${id}`, { intent: "extend", days: "1" });
    const third = await owner.client.post(`/contests/${id}`, { intent: "extend", days: "1" });
    expect(third.status).toBe(409);
    expect(formError(await third.text())).toBe("You have used both extensions this contest allows.");
    expect((await contestRow(id)).extensionsUsed).toBe(2);
  });

  it("does not let another client extend a contest (403), and nothing changes", async () => {
    const owner = await person("Owner");
    const other = await person("Other client");
    const id = await makeLiveContest(owner.id);
    const before = await contestRow(id);
    const res = await other.client.post(`/contests/${id}`, { intent: "extend", days: "2" });
    expect(res.status).toBe(403);
    expect(formError(await res.text())).toBe("Only the client who runs this contest can do that.");
    expect(await contestRow(id)).toEqual(before);
  });
});

describe("refunding", () => {
  it("asks for a confirmation on a page of its own", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const page = await owner.client.get(`/contests/${id}/refund`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("The contest ends now without a winner. The prize of $499");
    const unconfirmed = await owner.client.post(`/contests/${id}/refund`, {});
    expect(unconfirmed.status).toBe(400);
    expect(fieldError(await unconfirmed.text(), "confirm-confirm-error")).toBe("Tick the box to confirm.");
    expect((await contestRow(id)).status).toBe("qualifying");
  });

  it("ends the contest and returns the prize through escrow once confirmed", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const res = await owner.client.post(`/contests/${id}/refund`, { confirm: "on" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}?refunded=1`);
    expect((await contestRow(id)).status).toBe("refunded");
    expect(await escrowOf(db(), id)).toMatchObject({ status: "refunded", held: 0 });
    const html = decode(await (await owner.client.get(`/contests/${id}?refunded=1`)).text());
    expect(html).toContain("The contest has ended and the prize is on its way back to you.");
    expect(html).toContain("Owner ended the contest and was refunded");
    expect(html).not.toContain("Extend the round");
    // Sent twice (a double click): the second is refused in words, nothing moves again.
    const again = await owner.client.post(`/contests/${id}/refund`, { confirm: "on" });
    expect(again.status).toBe(409);
    expect(formError(await again.text())).toBe(
      "This contest changed while you were deciding: it has been refunded.",
    );
  });

  it("does not let another client refund a contest (403), and nothing changes", async () => {
    const owner = await person("Owner");
    const other = await person("Other client");
    const id = await makeLiveContest(owner.id);
    const before = await contestRow(id);
    expect((await other.client.get(`/contests/${id}/refund`)).status).toBe(403);
    const res = await other.client.post(`/contests/${id}/refund`, { confirm: "on" });
    expect(res.status).toBe(403);
    expect(await contestRow(id)).toEqual(before);
  });

  it("refuses a guaranteed prize in words", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id, { guaranteed: true });
    const page = await owner.client.get(`/contests/${id}/refund`);
    expect(await page.text()).toContain("This contest cannot be refunded");
    const res = await owner.client.post(`/contests/${id}/refund`, { confirm: "on" });
    expect(res.status).toBe(409);
    expect(formError(await res.text())).toBe("This prize is guaranteed, so it cannot be refunded.");
    expect((await contestRow(id)).status).toBe("qualifying");
  });

  it("says what changed when the finalists were picked while the client was deciding", async () => {
    const owner = await person("Owner");
    const [ana, ben] = [await person("Ana", "designer"), await person("Ben", "designer")];
    const id = await makeLiveContest(owner.id);
    await makeReadyEntry(id, ana.id);
    await makeReadyEntry(id, ben.id);
    // The refund page is open in one tab; in another, the client picks finalists.
    expect((await owner.client.get(`/contests/${id}/refund`)).status).toBe(200);
    await applyContestEvent({
      contestId: id,
      actor: { kind: "user", id: owner.id },
      event: async (c, trx) => ({
        type: "select_finalists",
        designerIds: [ana.id],
        verdict: await computeVerdict(trx, c),
      }),
    });
    const res = await owner.client.post(`/contests/${id}/refund`, { confirm: "on" });
    expect(res.status).toBe(409);
    expect(formError(await res.text())).toBe(
      "This contest changed while you were deciding: the finalists have been picked.",
    );
    expect((await contestRow(id)).status).toBe("final_round");
  });
});

describe("editing a launched brief", () => {
  it("records the change with before and after, and shows designers a dated change list", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const form = await (await owner.client.get(`/contests/${id}/edit`)).text();
    expect(form).toContain("Edit your brief");
    expect(form).toContain("The category, prize and options are fixed once a contest launches.");
    const res = await owner.client.request(`/contests/${id}/edit`, {
      method: "POST",
      body: editFields({
        audience: "Neighbours and the cafés we supply",
        classic_modern: "80",
        category: "app",
      }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}/edit?saved=2`);
    const after = await contestRow(id);
    expect(after.audience).toBe("Neighbours and the cafés we supply");
    expect(after.style.classic_modern).toBe(80);
    expect(after.category).toBe("logo");
    const event = await db()
      .selectFrom("contest_events")
      .select(["kind", "data", "actor_id"])
      .where("contest_id", "=", id)
      .where("kind", "=", "brief_changed")
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(owner.id);
    expect(JSON.parse(event.data)).toEqual({
      fields: ["audience", "style"],
      changes: [
        { field: "audience", before: "Neighbours and families", after: "Neighbours and the cafés we supply" },
        { field: "style.classic_modern", before: "50", after: "80" },
      ],
    });
    const designer = await person("Dana", "designer");
    const page = decode(await (await designer.client.get(`/contests/${id}`)).text());
    expect(page).toContain("Changes to the brief");
    expect(page).toMatch(/<del>Neighbours and families<\/del>/);
    expect(page).toMatch(/<ins>Neighbours and the cafés we supply<\/ins>/);
    expect(page).toContain("Style: Classic ↔ Modern");
    expect(page).toContain("Owner changed the brief");
  });

  it("records nothing when nothing changed", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const version = (await contestRow(id)).version;
    const res = await owner.client.request(`/contests/${id}/edit`, { method: "POST", body: editFields() });
    expect(res.headers.get("location")).toBe(`/contests/${id}/edit?saved=0`);
    expect(await (await owner.client.get(res.headers.get("location")!)).text()).toContain("Nothing changed.");
    expect((await contestRow(id)).version).toBe(version);
  });

  it("keeps what was typed and says what is wrong", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    const res = await owner.client.request(`/contests/${id}/edit`, {
      method: "POST",
      body: editFields({ description: "", audience: "Still here" }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "brief-edit-description-error")).toBe("Please fill this in.");
    expect(textareaValue(html, "brief-edit-audience")).toBe("Still here");
  });

  it("does not let another client edit it (403), and nothing changes", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const id = await makeLiveContest(owner.id);
    const before = await contestRow(id);
    expect((await other.client.get(`/contests/${id}/edit`)).status).toBe(403);
    const res = await other.client.request(`/contests/${id}/edit`, {
      method: "POST",
      body: editFields({ description: "Hijacked" }),
    });
    expect(res.status).toBe(403);
    expect(await contestRow(id)).toEqual(before);
  });

  it("closes the brief once the winner is being picked", async () => {
    const owner = await person("Owner");
    const id = await makeLiveContest(owner.id);
    await db().updateTable("contests").set({ fast_track: 1 }).where("id", "=", id).execute();
    advanceClock(4 * DAY + 1000);
    await drainJobs();
    expect((await contestRow(id)).status).toBe("winner_selection");
    const res = await owner.client.get(`/contests/${id}/edit`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}`);
    const html = decode(await (await owner.client.get(`/contests/${id}`)).text());
    expect(html).toContain("The qualifying round ended; time to pick the winner");
    expect(html).toContain("Picking the winner");
  });
});
