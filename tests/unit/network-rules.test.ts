import { describe, expect, it } from "vitest";
import { invitationState, mayInvite, takesEntries, workedWith } from "~/modules/people/network";

const NOW = 1_000_000;
const running = { clientId: "c1", status: "qualifying" as const, roundEndsAt: NOW + 1 };

describe("who may invite whom to what", () => {
  it("invites only to a contest whose qualifying round is open", () => {
    expect(takesEntries(running, NOW)).toBe(true);
    expect(takesEntries({ ...running, roundEndsAt: NOW }, NOW)).toBe(false);
    expect(takesEntries({ ...running, roundEndsAt: null }, NOW)).toBe(false);
    for (const status of [
      "finalist_selection",
      "final_round",
      "winner_selection",
      "handover",
      "completed",
    ] as const)
      expect(takesEntries({ ...running, status }, NOW)).toBe(false);
  });

  it("refuses someone else's contest as not found, oneself, a closed contest, and a designer who blocked the client; holds a draft's", () => {
    const base = { contest: running, clientId: "c1", designerId: "d1", blocked: false, now: NOW };
    expect(mayInvite(base)).toEqual({ ok: true, held: false });
    expect(mayInvite({ ...base, clientId: "c2" })).toEqual({ ok: false, reason: "not_found" });
    expect(mayInvite({ ...base, designerId: "c1" })).toEqual({ ok: false, reason: "self" });
    expect(mayInvite({ ...base, contest: { ...running, status: "draft", roundEndsAt: null } })).toEqual({
      ok: true,
      held: true,
    });
    expect(mayInvite({ ...base, contest: { ...running, status: "final_round" } })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(mayInvite({ ...base, blocked: true })).toEqual({ ok: false, reason: "blocked" });
  });

  it("says an invitation is open while its contest takes entries, closed after", () => {
    expect(invitationState(running, NOW)).toBe("open");
    expect(invitationState({ ...running, status: "completed" }, NOW)).toBe("closed");
  });
});

describe("worked with before", () => {
  it("groups a designer's contests, the latest designer first, a win counting over a finalist place", () => {
    const rows = [
      { designerId: "ana", contestId: "k1", contestTitle: "Logo", endedAt: 10, won: false },
      { designerId: "ana", contestId: "k1", contestTitle: "Logo", endedAt: 10, won: true },
      { designerId: "ben", contestId: "k1", contestTitle: "Logo", endedAt: 10, won: false },
      { designerId: "ben", contestId: "k2", contestTitle: "Box", endedAt: 30, won: true },
      { designerId: "ana", contestId: "k3", contestTitle: "Card", endedAt: 20, won: false },
    ];
    expect(workedWith(rows)).toEqual([
      {
        designerId: "ben",
        contests: [
          { id: "k2", title: "Box", won: true },
          { id: "k1", title: "Logo", won: false },
        ],
      },
      {
        designerId: "ana",
        contests: [
          { id: "k3", title: "Card", won: false },
          { id: "k1", title: "Logo", won: true },
        ],
      },
    ]);
    expect(workedWith([])).toEqual([]);
  });
});
