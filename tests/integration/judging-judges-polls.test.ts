import { describe, expect, it } from "vitest";
import { db } from "~db/index";
import { hashToken } from "~/modules/auth/tokens.server";
import {
  acceptInvitation as acceptDesignerInvitation,
  lookupInvitation,
} from "~/modules/contests/invitations.server";
import { listContestEvents } from "~/modules/contests/queries.server";
import {
  acceptInvitation,
  getInvitation,
  inviteJudge,
  JUDGE_INVITATION_TTL_MS,
  listJudges,
  removeJudge,
  revokeInvitation,
} from "~/modules/judging/judges.server";
import {
  castVote,
  closePoll,
  createPoll,
  getPollForVoter,
  listPolls,
  voterHash,
} from "~/modules/judging/polls.server";
import { declineEntry, rateEntry } from "~/modules/judging/ratings.server";
import { advanceClock } from "~/utils/clock.server";
import { makeUser } from "../helpers/fixtures";
import { judgingSetup, notificationsOf } from "../helpers/judging";

const tokenOf = (link: string) => link.split("/").pop()!;

describe("inviting judges", () => {
  it("stores only the token's hash, queues the mail with the link, and makes the person a judge of that contest only", async () => {
    const s = await judgingSetup();
    const invite = await inviteJudge({
      contestId: s.contestId,
      clientId: s.client,
      email: "  Jules@Example.com ",
      locale: "en",
    });
    if (!invite.ok) throw new Error("refused");
    expect(invite.email).toBe("jules@example.com");
    const token = tokenOf(invite.link);
    const row = await db()
      .selectFrom("contest_invitations")
      .selectAll()
      .where("id", "=", invite.invitationId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expires_at - row.created_at).toBe(JUDGE_INVITATION_TTL_MS);
    const mail = await db()
      .selectFrom("outbox_mail")
      .selectAll()
      .where("to_address", "=", "jules@example.com")
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(invite.link);
    expect(mail.subject).toContain("Logo for a bakery");

    expect(await getInvitation(token)).toMatchObject({
      contestId: s.contestId,
      clientName: "Camille Client",
    });
    const jules = await makeUser("Jules", "client");
    expect(await acceptInvitation({ token, userId: jules })).toEqual({ ok: true, contestId: s.contestId });
    expect(await acceptInvitation({ token, userId: await makeUser("Someone else") })).toEqual({
      ok: false,
      area: "judge_invitation",
      reason: "invalid",
    });
    expect(await getInvitation(token)).toBeNull();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: jules, stars: 4 });
    const list = await listJudges({ contestId: s.contestId, clientId: s.client });
    expect(list.judges.map((j) => [j.name, j.rated])).toEqual([
      ["Jules Judge", 0],
      ["Jules", 1],
    ]);
    expect((await notificationsOf(s.client)).map((n) => n.kind)).toContain("judge.joined");
  });

  it("refuses expired, withdrawn and replaced links, the client's own address, and anyone but the client", async () => {
    const s = await judgingSetup();
    const first = await inviteJudge({
      contestId: s.contestId,
      clientId: s.client,
      email: "late@example.com",
      locale: "en",
    });
    const second = await inviteJudge({
      contestId: s.contestId,
      clientId: s.client,
      email: "late@example.com",
      locale: "en",
    });
    if (!first.ok || !second.ok) throw new Error("refused");
    // A new invitation to the same address withdraws the earlier link.
    expect(await getInvitation(tokenOf(first.link))).toBeNull();
    expect(await getInvitation(tokenOf(second.link))).not.toBeNull();
    advanceClock(JUDGE_INVITATION_TTL_MS + 1000);
    expect(await getInvitation(tokenOf(second.link))).toBeNull();
    expect(
      await acceptInvitation({ token: tokenOf(second.link), userId: await makeUser("Late") }),
    ).toMatchObject({ ok: false });

    const third = await inviteJudge({
      contestId: s.contestId,
      clientId: s.client,
      email: "withdrawn@example.com",
      locale: "en",
    });
    if (!third.ok) throw new Error("refused");
    await revokeInvitation({ contestId: s.contestId, clientId: s.client, invitationId: third.invitationId });
    expect(await getInvitation(tokenOf(third.link))).toBeNull();

    const clientEmail = (
      await db().selectFrom("users").select("email").where("id", "=", s.client).executeTakeFirstOrThrow()
    ).email;
    expect(
      await inviteJudge({ contestId: s.contestId, clientId: s.client, email: clientEmail, locale: "en" }),
    ).toEqual({
      ok: false,
      area: "judge_invite",
      reason: "self",
    });
    await expect(
      inviteJudge({ contestId: s.contestId, clientId: s.judge, email: "x@example.com", locale: "en" }),
    ).rejects.toMatchObject({
      reason: "forbidden",
    });
    expect(await getInvitation("not-a-token")).toBeNull();
  });

  it("removes a judge: no more access, the ratings they gave stay, they are told", async () => {
    const s = await judgingSetup();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ana1, raterId: s.judge, stars: 5 });
    await removeJudge({ contestId: s.contestId, clientId: s.client, judgeId: s.judge });
    await expect(
      rateEntry({ contestId: s.contestId, entryId: s.entries.ana2, raterId: s.judge, stars: 5 }),
    ).rejects.toMatchObject({
      reason: "forbidden",
    });
    expect(
      await db().selectFrom("ratings").select("stars").where("rater_id", "=", s.judge).execute(),
    ).toEqual([{ stars: 5 }]);
    expect((await notificationsOf(s.judge)).map((n) => n.kind)).toEqual(["judge.removed"]);
    await expect(
      removeJudge({ contestId: s.contestId, clientId: s.client, judgeId: s.judge }),
    ).rejects.toMatchObject({
      reason: "not_found",
    });
  });
});

describe("the timeline's judging entries", () => {
  it("shows who judges and what was declined to the client only, and a judge's link works only on the judges' page", async () => {
    const s = await judgingSetup();
    const invite = await inviteJudge({
      contestId: s.contestId,
      clientId: s.client,
      email: "jo@example.com",
      locale: "en",
    });
    if (!invite.ok) throw new Error("refused");
    // The designers' invitation page does not take a judge's token (its own rules would be skipped).
    expect(await lookupInvitation(tokenOf(invite.link))).toEqual({ ok: false });
    const jo = await makeUser("Jo", "client");
    expect(await acceptDesignerInvitation({ token: tokenOf(invite.link), userId: jo })).toEqual({
      ok: false,
    });
    expect(await acceptInvitation({ token: tokenOf(invite.link), userId: jo })).toMatchObject({ ok: true });
    await declineEntry({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      clientId: s.client,
      reason: "copied",
    });

    const forClient = (await listContestEvents({ contestId: s.contestId, viewer: { id: s.client } }))!;
    expect(forClient.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["judge_invited", "judge_joined", "entry_declined"]),
    );
    for (const viewer of [{ id: s.ben }, { id: s.ana }, null]) {
      const kinds = (await listContestEvents({ contestId: s.contestId, viewer }))!.map((e) => e.kind);
      expect(kinds).toContain("launched");
      expect(kinds.filter((k) => k.startsWith("judge_") || k.startsWith("entry_"))).toEqual([]);
      expect(JSON.stringify(await listContestEvents({ contestId: s.contestId, viewer }))).not.toContain("Jo");
    }
  });
});

describe("polls", () => {
  it("takes one vote per browser (changing it is allowed), stores only a hash, and shows results to the client alone", async () => {
    const s = await judgingSetup();
    const poll = await createPoll({
      contestId: s.contestId,
      clientId: s.client,
      entryIds: [s.entries.ana1, s.entries.ben1, s.entries.chloe1],
      question: "Which one for the shop front?",
    });
    const slug = tokenOf(poll.link);
    const [alice, bob] = ["a".repeat(32), "b".repeat(32)];
    expect(await castVote({ slug, voterToken: alice, entryId: s.entries.ana1 })).toEqual({
      ok: true,
      changed: false,
    });
    expect(await castVote({ slug, voterToken: alice, entryId: s.entries.ben1, comment: "Bolder" })).toEqual({
      ok: true,
      changed: true,
    });
    await castVote({ slug, voterToken: bob, entryId: s.entries.ben1 });
    expect(await castVote({ slug, voterToken: bob, entryId: s.entries.ana2 })).toEqual({
      ok: false,
      area: "poll",
      reason: "invalid",
    });

    const votes = await db().selectFrom("poll_votes").selectAll().where("poll_id", "=", poll.id).execute();
    expect(votes).toHaveLength(2);
    expect(votes.map((v) => v.voter_hash).sort()).toEqual(
      [voterHash(poll.id, alice), voterHash(poll.id, bob)].sort(),
    );
    expect(JSON.stringify(votes)).not.toContain(alice);

    const voterView = await getPollForVoter({ slug, voterToken: alice });
    expect(voterView!.myVote).toEqual({ entryId: s.entries.ben1, comment: "Bolder" });
    expect(JSON.stringify(voterView)).not.toMatch(/votes|Ana|Ben/);
    const results = await listPolls({ contestId: s.contestId, clientId: s.client });
    expect(results.polls[0]!.total).toBe(2);
    expect(results.polls[0]!.entries[0]).toMatchObject({ entryId: s.entries.ben1, votes: 2 });
    expect(results.polls[0]!.comments.map((c) => c.comment)).toEqual(["Bolder"]);
    await expect(listPolls({ contestId: s.contestId, clientId: s.judge })).rejects.toMatchObject({
      reason: "forbidden",
    });

    await closePoll({ contestId: s.contestId, clientId: s.client, pollId: poll.id });
    expect(await castVote({ slug, voterToken: "c".repeat(32), entryId: s.entries.ana1 })).toEqual({
      ok: false,
      area: "poll",
      reason: "closed",
    });
  });

  it("refuses fewer than 2 or more than 8 entries, entries of another contest, and anyone but the client", async () => {
    const s = await judgingSetup();
    const other = await judgingSetup();
    const base = { contestId: s.contestId, clientId: s.client, question: "Which?" };
    await expect(createPoll({ ...base, entryIds: [s.entries.ana1] })).rejects.toMatchObject({
      reason: "invalid",
    });
    await expect(
      createPoll({ ...base, entryIds: [s.entries.ana1, other.entries.ben1] }),
    ).rejects.toMatchObject({
      reason: "invalid",
    });
    await expect(
      createPoll({ ...base, entryIds: Array.from({ length: 9 }, (_, i) => `e${i}`) }),
    ).rejects.toMatchObject({ reason: "invalid" });
    await expect(
      createPoll({ ...base, clientId: s.judge, entryIds: [s.entries.ana1, s.entries.ben1] }),
    ).rejects.toMatchObject({ reason: "forbidden" });
  });
});
