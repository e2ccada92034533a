import { z } from "zod";
import type { T } from "~/i18n";
import type { ContestStatus } from "~db/schema";

/**
 * A client's network, pure (no I/O): who may invite whom to what, what an invitation's contest is
 * now, and who a client worked with before. The service (network.server.ts) reads the rows; what is
 * decided from them is decided here. See docs/decisions/0038-a-clients-network.md.
 */

export type NetworkFailure =
  /** No such designer, or a contest this client does not run (someone else's is never revealed). */
  | "not_found"
  /** Favouriting, following or inviting oneself. */
  | "self"
  /** Not taking entries any more (past qualifying, over, cancelled). */
  | "closed"
  /** The designer blocked this client. */
  | "blocked";

export interface InvitableContest {
  clientId: string;
  status: ContestStatus;
  roundEndsAt: number | null;
}

/** A contest designers may be invited to: its qualifying round is open, so a newcomer can enter. */
export function takesEntries(contest: Pick<InvitableContest, "status" | "roundEndsAt">, now: number) {
  return contest.status === "qualifying" && contest.roundEndsAt !== null && now < contest.roundEndsAt;
}

/** May `clientId` invite `designerId` to this contest now? (The contest is the client's: checked before.) */
export function mayInvite(input: {
  contest: InvitableContest;
  clientId: string;
  designerId: string;
  blocked: boolean;
  now: number;
}): { ok: true; held: boolean } | { ok: false; reason: NetworkFailure } {
  if (input.contest.clientId !== input.clientId) return { ok: false, reason: "not_found" };
  if (input.designerId === input.clientId) return { ok: false, reason: "self" };
  if (input.blocked) return { ok: false, reason: "blocked" };
  // A new contest: the invitation is kept and goes out when the contest launches.
  if (input.contest.status === "draft") return { ok: true, held: true };
  if (!takesEntries(input.contest, input.now)) return { ok: false, reason: "closed" };
  return { ok: true, held: false };
}

/** What an invitation received is now: open while its contest takes entries, closed after. */
export type InvitationState = "open" | "closed";
export const invitationState = (
  contest: Pick<InvitableContest, "status" | "roundEndsAt">,
  now: number,
): InvitationState => (takesEntries(contest, now) ? "open" : "closed");

/** One of the client's contests a designer took part in: won it, or was a finalist. */
export interface SharedContest {
  designerId: string;
  contestId: string;
  contestTitle: string;
  endedAt: number;
  won: boolean;
}

export interface WorkedWith {
  designerId: string;
  /** Their contests with this client, the latest first; a win and a finalist place are one line. */
  contests: { id: string; title: string; won: boolean }[];
}

/** Designers a client worked with, the most recent first, each with the contests they shared. */
export function workedWith(rows: readonly SharedContest[]): WorkedWith[] {
  const byDesigner = new Map<string, Map<string, SharedContest>>();
  for (const row of rows) {
    const contests = byDesigner.get(row.designerId) ?? new Map<string, SharedContest>();
    const seen = contests.get(row.contestId);
    contests.set(row.contestId, seen ? { ...seen, won: seen.won || row.won } : row);
    byDesigner.set(row.designerId, contests);
  }
  const latest = (list: SharedContest[]) => Math.max(...list.map((c) => c.endedAt));
  return [...byDesigner.entries()]
    .map(([designerId, contests]) => {
      const list = [...contests.values()].sort(
        (a, b) => b.endedAt - a.endedAt || a.contestId.localeCompare(b.contestId),
      );
      return { designerId, list };
    })
    .sort((a, b) => latest(b.list) - latest(a.list) || a.designerId.localeCompare(b.designerId))
    .map(({ designerId, list }) => ({
      designerId,
      contests: list.map((c) => ({ id: c.contestId, title: c.contestTitle, won: c.won })),
    }));
}

/** The profile's and the list's forms: one route takes them all (designers.$handle_.network.tsx). */
export const NETWORK_INTENTS = ["favourite", "unfavourite", "follow", "unfollow", "invite"] as const;
export type NetworkIntent = (typeof NETWORK_INTENTS)[number];

/** The network form, built per request with the reader's messages. */
export const networkSchema = (t: T) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.enum(["favourite", "unfavourite", "follow", "unfollow"]) }),
    z.object({
      intent: z.literal("invite"),
      contestId: z
        .string({ error: t("network.invite.error.choose") })
        .trim()
        .min(1, {
          error: t("network.invite.error.choose"),
        }),
    }),
  ]);

export type NetworkInput = z.output<ReturnType<typeof networkSchema>>;

/** Where the client's list of designers lives, and where a designer's invitations are listed. */
export const networkPaths = {
  myDesigners: "/my/designers",
  myInvitations: "/my/invitations",
  actions: (handle: string) => `/designers/${handle}/network`,
};
