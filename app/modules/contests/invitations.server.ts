import { db, transaction, type Trx } from "~db/index";
import { translate, type Locale } from "~/i18n";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { mailLocaleOf, queueMail } from "../notify/mail.server";
import { INVITATION_TTL_DAYS } from "./brief";
import { refusal, type Refusal } from "../refusal";
import { ownContest } from "./drafts.server";
import { isUndecided, isLive } from "./machine";
import { loadContestWithAccess } from "./queries.server";

export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * DAY;

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export interface InvitationSummary {
  id: string;
  email: string;
  status: InvitationStatus;
  createdAt: number;
  expiresAt: number;
  acceptedByName: string | null;
}

export type InviteFailure = "not_found" | "not_owner" | "not_private" | "wrong_state";

export type InviteResult = { ok: true; sent: { email: string; link: string }[] } | Refusal<"invitation">;

export const invitationLink = (token: string) => `${config().appUrl}/invitations/${token}`;

/**
 * Invite designers to a private, running contest by e-mail. Each gets a single-use link that
 * expires (only its hash is stored); the mail goes through the outbox in the same transaction, and
 * the links are handed back once so the client can also pass them on another way. Each mail is in
 * the invitee's language when they have an account, else in `locale`, the client's.
 */
export async function inviteDesigners(input: {
  contestId: string;
  clientId: string;
  emails: string[];
  locale: Locale;
}): Promise<InviteResult> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return refusal("invitation", own.reason);
  const contest = own.contest;
  if (!contest.isPrivate) return refusal("invitation", "not_private");
  if (!isUndecided(contest.status)) {
    return refusal("invitation", "wrong_state");
  }
  const client = await db()
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", input.clientId)
    .executeTakeFirstOrThrow();
  const at = now();
  const sent: { email: string; link: string }[] = [];
  await transaction(async (trx) => {
    for (const email of input.emails) {
      const token = generateToken();
      const link = invitationLink(token);
      await trx
        .insertInto("contest_invitations")
        .values({
          id: newId(),
          contest_id: contest.id,
          email,
          role: "designer",
          token_hash: hashToken(token),
          expires_at: at + INVITATION_TTL_MS,
          created_at: at,
        })
        .execute();
      const locale = await mailLocaleOf(trx, email, input.locale);
      await queueMail(trx, {
        to: email,
        subject: translate(locale, "invite.mail.subject", { client: client.display_name }),
        text: translate(locale, "invite.mail.body", {
          client: client.display_name,
          title: contest.title,
          link,
          days: INVITATION_TTL_MS / DAY,
        }),
      });
      sent.push({ email, link });
    }
  });
  return { ok: true, sent };
}

function statusOf(
  row: { accepted_at: number | null; revoked_at: number | null; expires_at: number },
  at: number,
) {
  if (row.accepted_at !== null) return "accepted" as const;
  if (row.revoked_at !== null) return "revoked" as const;
  if (row.expires_at <= at) return "expired" as const;
  return "pending" as const;
}

/** The contest's invitations, newest first (client only; null otherwise). */
export async function listInvitations(input: {
  contestId: string;
  clientId: string;
}): Promise<InvitationSummary[] | null> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return null;
  const at = now();
  const rows = await db()
    .selectFrom("contest_invitations")
    .leftJoin("users", "users.id", "contest_invitations.accepted_by")
    .select([
      "contest_invitations.id",
      "contest_invitations.email",
      "contest_invitations.accepted_at",
      "contest_invitations.revoked_at",
      "contest_invitations.expires_at",
      "contest_invitations.created_at",
      "users.display_name as accepted_by_name",
    ])
    .where("contest_invitations.contest_id", "=", input.contestId)
    .where("contest_invitations.role", "=", "designer")
    .orderBy("contest_invitations.created_at", "desc")
    .orderBy("contest_invitations.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    status: statusOf(r, at),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedByName: r.accepted_by_name,
  }));
}

export async function revokeInvitation(input: { contestId: string; clientId: string; invitationId: string }) {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return own;
  await db()
    .updateTable("contest_invitations")
    .set({ revoked_at: now() })
    .where("id", "=", input.invitationId)
    .where("contest_id", "=", input.contestId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  return { ok: true as const };
}

export type InvitationLookup =
  | { ok: true; contestId: string; contestTitle: string; clientName: string; expiresAt: number }
  | { ok: false };

/** What an invitation link leads to, while it can still be used (nothing otherwise: no hints). */
export async function lookupInvitation(token: string): Promise<InvitationLookup> {
  if (!/^[a-z2-7]{32}$/.test(token)) return { ok: false };
  const row = await db()
    .selectFrom("contest_invitations")
    .innerJoin("contests", "contests.id", "contest_invitations.contest_id")
    .innerJoin("users", "users.id", "contests.client_id")
    .select([
      "contest_invitations.contest_id",
      "contest_invitations.accepted_at",
      "contest_invitations.revoked_at",
      "contest_invitations.expires_at",
      "contests.title",
      "contests.status",
      "users.display_name",
    ])
    .where("contest_invitations.token_hash", "=", hashToken(token))
    // Judges' invitations have their own page and rules (judging/judges.server.ts).
    .where("contest_invitations.role", "=", "designer")
    .executeTakeFirst();
  if (!row || statusOf(row, now()) !== "pending" || !isLive(row.status)) return { ok: false };
  return {
    ok: true,
    contestId: row.contest_id,
    contestTitle: row.title,
    clientName: row.display_name,
    expiresAt: row.expires_at,
  };
}

/**
 * Use an invitation: once, before it expires, unless revoked. The accepting account becomes a
 * designer member of the contest (it then sees the NDA, if any, before the brief).
 */
export async function acceptInvitation(input: {
  token: string;
  userId: string;
}): Promise<{ ok: true; contestId: string } | { ok: false }> {
  if (!/^[a-z2-7]{32}$/.test(input.token)) return { ok: false };
  const at = now();
  return transaction(async (trx) => {
    const invitation = await trx
      .selectFrom("contest_invitations")
      .select(["id", "contest_id", "role"])
      .where("token_hash", "=", hashToken(input.token))
      .where("role", "=", "designer")
      .executeTakeFirst();
    if (!invitation) return { ok: false as const };
    // Compare-and-set: of two people racing with one link, one gets in.
    const used = await trx
      .updateTable("contest_invitations")
      .set({ accepted_at: at, accepted_by: input.userId })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false as const };
    await admitDesigner(trx, invitation.contest_id, input.userId);
    return { ok: true as const, contestId: invitation.contest_id };
  });
}

/**
 * What an invitation grants: the designer becomes a member of the private contest (they then see
 * the NDA, if any, before the brief). Shared by the e-mail link above and a client's invitation of
 * a designer they know (people/network.server.ts); a member already in changes nothing.
 */
export async function admitDesigner(trx: Trx, contestId: string, userId: string) {
  await trx
    .insertInto("contest_members")
    .values({
      contest_id: contestId,
      user_id: userId,
      role: "designer",
      nda_accepted_at: null,
      eliminated_at: null,
      created_at: now(),
    })
    .onConflict((oc) => oc.columns(["contest_id", "user_id", "role"]).doNothing())
    .execute();
}

/** An invited designer accepts the private contest's NDA (once; the first acceptance is kept). */
export async function acceptNda(input: { contestId: string; userId: string }): Promise<boolean> {
  const found = await loadContestWithAccess(db(), input.contestId, { id: input.userId });
  if (!found || !found.access.member) return false;
  await db()
    .updateTable("contest_members")
    .set({ nda_accepted_at: now() })
    .where("contest_id", "=", input.contestId)
    .where("user_id", "=", input.userId)
    .where("nda_accepted_at", "is", null)
    .execute();
  return true;
}
