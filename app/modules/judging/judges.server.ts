import { db, transaction, type DB, type Trx } from "~db/index";
import { translate, type Locale } from "~/i18n";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { refusal, Refused, type Refusal } from "../refusal";
import { normalizeEmail } from "../auth/accounts.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { hasLaunched } from "../contests/access.server";
import { appendContestEvent } from "../contests/contests.server";
import { isTerminal } from "../contests/machine";
import { mailLocaleOf, queueMail } from "../notify/mail.server";
import { notifyUsers } from "../notify/notifications.server";
import { requireJudgingRole } from "./access.server";

/** An invitation link works once, for two weeks. */
export const JUDGE_INVITATION_TTL_MS = 14 * DAY;

export function invitationLink(token: string) {
  return `${config().appUrl}/judge-invitations/${token}`;
}

async function clientsContest(contestId: string, clientId: string) {
  const contest = await db()
    .selectFrom("contests")
    .innerJoin("users", "users.id", "contests.client_id")
    .select([
      "contests.id",
      "contests.client_id",
      "contests.status",
      "contests.version",
      "contests.title",
      "users.display_name as client_name",
      "users.email as client_email",
    ])
    .where("contests.id", "=", contestId)
    .executeTakeFirst();
  if (!contest || !hasLaunched(contest.status)) throw new Refused("judging", "not_found");
  await requireJudgingRole(db(), { id: contest.id, clientId: contest.client_id }, clientId, "client");
  return contest;
}

/** Why a judge cannot be invited, and why an invitation cannot be accepted. */
export type JudgeInviteFailure = "self" | "already_judge" | "contest_closed";
export type JudgeInvitationFailure = "invalid" | "client" | "entrant";

export type InviteResult =
  { ok: true; email: string; link: string; invitationId: string } | Refusal<"judge_invite">;

/**
 * The client invites a judge by e-mail: a single-use token (only its hash stored) that expires. The
 * link is queued as mail and also returned, for the client to share. A new invitation to the same
 * address withdraws the earlier one. The mail is in the invitee's language when they have an account,
 * else in `locale`, the client's.
 */
export async function inviteJudge(input: {
  contestId: string;
  clientId: string;
  email: string;
  locale: Locale;
}): Promise<InviteResult> {
  const contest = await clientsContest(input.contestId, input.clientId);
  if (isTerminal(contest.status)) return refusal("judge_invite", "contest_closed");
  const email = normalizeEmail(input.email);
  if (email === contest.client_email) return refusal("judge_invite", "self");
  const judge = await db()
    .selectFrom("contest_members")
    .innerJoin("users", "users.id", "contest_members.user_id")
    .select("users.id")
    .where("contest_members.contest_id", "=", contest.id)
    .where("contest_members.role", "=", "judge")
    .where("users.email", "=", email)
    .executeTakeFirst();
  if (judge) return refusal("judge_invite", "already_judge");

  const token = generateToken();
  const link = invitationLink(token);
  const id = newId();
  const at = now();
  await transaction(async (trx) => {
    await trx
      .updateTable("contest_invitations")
      .set({ revoked_at: at })
      .where("contest_id", "=", contest.id)
      .where("role", "=", "judge")
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    await trx
      .insertInto("contest_invitations")
      .values({
        id,
        contest_id: contest.id,
        email,
        role: "judge",
        token_hash: hashToken(token),
        expires_at: at + JUDGE_INVITATION_TTL_MS,
        created_at: at,
      })
      .execute();
    const vars = { client: contest.client_name, contest: contest.title, link };
    const locale = await mailLocaleOf(trx, email, input.locale);
    await queueMail(trx, {
      to: email,
      subject: translate(locale, "judges.mail.subject", vars),
      text: translate(locale, "judges.mail.body", vars),
    });
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: "judge_invited",
      actorId: input.clientId,
      data: { invitationId: id },
    });
  });
  return { ok: true, email, link, invitationId: id };
}

/** The judges and the invitations still waiting, for the client's judges page. */
export async function listJudges(input: { contestId: string; clientId: string }) {
  const contest = await clientsContest(input.contestId, input.clientId);
  const at = now();
  const [judges, pending, counts] = await Promise.all([
    db()
      .selectFrom("contest_members")
      .innerJoin("users", "users.id", "contest_members.user_id")
      .select(["users.id", "users.display_name", "users.email", "contest_members.created_at"])
      .where("contest_members.contest_id", "=", contest.id)
      .where("contest_members.role", "=", "judge")
      .orderBy("contest_members.created_at")
      .execute(),
    db()
      .selectFrom("contest_invitations")
      .select(["id", "email", "expires_at", "created_at"])
      .where("contest_id", "=", contest.id)
      .where("role", "=", "judge")
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", at)
      .orderBy("created_at")
      .execute(),
    db()
      .selectFrom("ratings")
      .select((eb) => ["rater_id", eb.fn.countAll<number>().as("n")])
      .where("contest_id", "=", contest.id)
      .groupBy("rater_id")
      .execute(),
  ]);
  return {
    contest: { id: contest.id, title: contest.title, status: contest.status },
    judges: judges.map((j) => ({
      id: j.id,
      name: j.display_name,
      email: j.email,
      joinedAt: j.created_at,
      rated: Number(counts.find((c) => c.rater_id === j.id)?.n ?? 0),
    })),
    pending: pending.map((p) => ({ id: p.id, email: p.email, expiresAt: p.expires_at })),
  };
}

/** The client removes a judge: they lose access at once; the ratings they gave are kept. */
export async function removeJudge(input: { contestId: string; clientId: string; judgeId: string }) {
  const contest = await clientsContest(input.contestId, input.clientId);
  return transaction(async (trx) => {
    const removed = await trx
      .deleteFrom("contest_members")
      .where("contest_id", "=", contest.id)
      .where("user_id", "=", input.judgeId)
      .where("role", "=", "judge")
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new Refused("judging", "not_found");
    const user = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", input.judgeId)
      .executeTakeFirst();
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: contest.version,
      kind: "judge_removed",
      actorId: input.clientId,
      data: { judgeId: input.judgeId },
    });
    await notifyUsers(trx, [input.judgeId], { kind: "judge.removed", contestId: contest.id });
    return { name: user?.display_name ?? "" };
  });
}

export async function revokeInvitation(input: { contestId: string; clientId: string; invitationId: string }) {
  const contest = await clientsContest(input.contestId, input.clientId);
  const result = await db()
    .updateTable("contest_invitations")
    .set({ revoked_at: now() })
    .where("id", "=", input.invitationId)
    .where("contest_id", "=", contest.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Refused("judging", "not_found");
}

async function usableInvitation(executor: DB | Trx, token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const row = await executor
    .selectFrom("contest_invitations")
    .innerJoin("contests", "contests.id", "contest_invitations.contest_id")
    .innerJoin("users", "users.id", "contests.client_id")
    .select([
      "contest_invitations.id",
      "contest_invitations.contest_id",
      "contest_invitations.email",
      "contest_invitations.expires_at",
      "contest_invitations.accepted_at",
      "contest_invitations.revoked_at",
      "contests.title",
      "contests.status",
      "contests.client_id",
      "contests.version",
      "users.display_name as client_name",
    ])
    .where("contest_invitations.token_hash", "=", hashToken(token))
    .where("contest_invitations.role", "=", "judge")
    .executeTakeFirst();
  if (!row || row.accepted_at !== null || row.revoked_at !== null || row.expires_at <= now()) return null;
  if (isTerminal(row.status)) return null;
  return row;
}

/** What the invitation page shows, or null when the link cannot be used. */
export async function getInvitation(token: string) {
  const row = await usableInvitation(db(), token);
  if (!row) return null;
  return {
    contestId: row.contest_id,
    contestTitle: row.title,
    clientName: row.client_name,
    email: row.email,
  };
}

export type AcceptResult = { ok: true; contestId: string } | Refusal<"judge_invitation">;

/** The invited person (logged in) becomes a judge of that contest only; the link is spent. */
export async function acceptInvitation(input: { token: string; userId: string }): Promise<AcceptResult> {
  return transaction(async (trx) => {
    const row = await usableInvitation(trx, input.token);
    if (!row) return refusal("judge_invitation", "invalid");
    if (row.client_id === input.userId) return refusal("judge_invitation", "client");
    const entered = await trx
      .selectFrom("entries")
      .select("id")
      .where("contest_id", "=", row.contest_id)
      .where("designer_id", "=", input.userId)
      .limit(1)
      .executeTakeFirst();
    if (entered) return refusal("judge_invitation", "entrant");
    const at = now();
    // Single use: only the first acceptance spends the token.
    const spent = await trx
      .updateTable("contest_invitations")
      .set({ accepted_at: at, accepted_by: input.userId })
      .where("id", "=", row.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return refusal("judge_invitation", "invalid");
    await trx
      .insertInto("contest_members")
      .values({ contest_id: row.contest_id, user_id: input.userId, role: "judge", created_at: at })
      .onConflict((oc) => oc.columns(["contest_id", "user_id", "role"]).doNothing())
      .execute();
    const user = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", input.userId)
      .executeTakeFirst();
    await appendContestEvent(trx, {
      contestId: row.contest_id,
      version: row.version,
      kind: "judge_joined",
      actorId: input.userId,
      data: { invitationId: row.id },
    });
    await notifyUsers(trx, [row.client_id], {
      kind: "judge.joined",
      contestId: row.contest_id,
      data: { name: user?.display_name ?? "" },
    });
    return { ok: true, contestId: row.contest_id };
  });
}
