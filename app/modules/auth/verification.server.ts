import { db, transaction, type DB, type Trx } from "~db/index";
import { translate } from "~/i18n";
import { now } from "~/utils/clock.server";
import { DAY, MINUTE } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { mailLocale, queueMail } from "../notify/mail.server";
import { refusal, type Refusal } from "../refusal";
import { generateToken, hashToken } from "./tokens.server";

/**
 * A verified e-mail address before money moves (ADR 0042): a single-use link, as a password reset
 * is (only the token's SHA-256 stored, an expiry, claimed once), proves the address reaches the
 * account's owner. Launching (paying for) a contest and asking for a payout wait for it.
 */

export const VERIFY_TOKEN_TTL_MS = 2 * DAY;
/** "Send the link again" waits this long after the last link, so the button cannot flood a mailbox. */
export const VERIFY_RESEND_INTERVAL_MS = 2 * MINUTE;

export type VerificationFailure = "unverified" | "throttled" | "already_verified" | "not_found" | "invalid";

type Executor = DB | Trx;

export async function isEmailVerified(userId: string, executor: Executor = db()): Promise<boolean> {
  const row = await executor
    .selectFrom("users")
    .select("email_verified_at")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.email_verified_at != null;
}

/** The refusal to give where money would move from or to an unverified address, or null. */
export async function moneyGate(
  executor: Executor,
  userId: string,
): Promise<Refusal<"verification", "unverified"> | null> {
  return (await isEmailVerified(userId, executor)) ? null : refusal("verification", "unverified");
}

/** A fresh link to the account's current address, mailed in the same transaction (the outbox). */
export async function sendVerificationMail(trx: Executor, userId: string): Promise<void> {
  const user = await trx
    .selectFrom("users")
    .select(["email", "display_name", "locale"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const token = generateToken();
  const at = now();
  const locale = mailLocale(user.locale);
  await trx
    .insertInto("email_verifications")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      email: user.email,
      created_at: at,
      expires_at: at + VERIFY_TOKEN_TTL_MS,
    })
    .execute();
  await queueMail(trx, {
    to: user.email,
    subject: translate(locale, "safety.verify.mail.subject"),
    text: translate(locale, "safety.verify.mail.body", {
      name: user.display_name,
      link: `${config().appUrl}/verify-email/${token}`,
    }),
  });
}

export type ResendResult =
  { ok: true } | Refusal<"verification", "already_verified"> | Refusal<"verification", "throttled">;

/** "Send the link again": once per VERIFY_RESEND_INTERVAL_MS, and only while the address is unverified. */
export async function resendVerification(userId: string): Promise<ResendResult> {
  return transaction(async (trx) => {
    if (await isEmailVerified(userId, trx)) return refusal("verification", "already_verified");
    const last = await trx
      .selectFrom("email_verifications")
      .select((eb) => eb.fn.max<number>("created_at").as("at"))
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const wait = last?.at != null ? Number(last.at) + VERIFY_RESEND_INTERVAL_MS - now() : 0;
    if (wait > 0) return refusal("verification", "throttled", { minutes: Math.ceil(wait / MINUTE) });
    await sendVerificationMail(trx, userId);
    return { ok: true as const };
  });
}

export type LinkState = "usable" | "spent" | "unknown";

/**
 * What a link is: usable; spent (used, expired, or sent to an address the account no longer has);
 * or unknown (a guess: answered as not found).
 */
export async function verificationLinkState(token: string): Promise<LinkState> {
  const row = await linkRow(db(), token);
  if (!row) return "unknown";
  return usable(row) ? "usable" : "spent";
}

async function linkRow(executor: Executor, token: string) {
  return executor
    .selectFrom("email_verifications")
    .innerJoin("users", "users.id", "email_verifications.user_id")
    .select([
      "email_verifications.user_id",
      "email_verifications.email",
      "email_verifications.expires_at",
      "email_verifications.used_at",
      "users.email as current_email",
    ])
    .where("email_verifications.token_hash", "=", hashToken(token))
    .executeTakeFirst();
}

function usable(row: { email: string; current_email: string; expires_at: number; used_at: number | null }) {
  return row.used_at === null && Number(row.expires_at) > now() && row.email === row.current_email;
}

export type VerifyResult =
  { ok: true; userId: string } | Refusal<"verification", "not_found"> | Refusal<"verification", "invalid">;

/** Use a link once: the address it was sent to is verified (if it is still the account's). */
export async function verifyEmail(token: string): Promise<VerifyResult> {
  return transaction(async (trx) => {
    const row = await linkRow(trx, token);
    if (!row) return refusal("verification", "not_found");
    if (!usable(row)) return refusal("verification", "invalid");
    // Claim the link; a second use racing this one updates nothing and is refused.
    const claimed = await trx
      .updateTable("email_verifications")
      .set({ used_at: now() })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return refusal("verification", "invalid");
    await trx
      .updateTable("users")
      .set({ email_verified_at: now() })
      .where("id", "=", row.user_id)
      .where("email", "=", row.email)
      .where("email_verified_at", "is", null)
      .execute();
    return { ok: true as const, userId: row.user_id };
  });
}
