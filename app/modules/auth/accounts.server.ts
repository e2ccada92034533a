import { db, transaction } from "~db/index";
import type { UserRole } from "~db/schema";
import { translate, type Locale } from "~/i18n";
import { now } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { mailLocale, queueMail } from "../notify/mail.server";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./passwords.server";
import { passwordProblem, type PasswordProblem } from "./password-policy";
import { createSession, invalidateUserSessions } from "./sessions.server";
import { checkLoginThrottle, recordLoginAttempt } from "./throttle.server";
import { generateToken, hashToken } from "./tokens.server";
import { sendVerificationMail } from "./verification.server";
import { refusal, type Refusal } from "../refusal";
import { uniqueHandle } from "../people/profiles.server";
import { refreshDesignerRecords } from "../people/designer-records.server";

export const RESET_TOKEN_TTL_MS = 30 * MINUTE;

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

interface RequestMeta {
  ip: string;
  userAgent?: string | null;
}

export type AccountFailure =
  | "email_taken"
  | PasswordProblem
  | "wrong_password"
  | "login_invalid"
  | "suspended"
  | "throttled"
  | "reset_invalid";

export type SignUpResult =
  | { ok: true; userId: string; token: string; expiresAt: number }
  | (Refusal<"account", "email_taken"> & { field: "email" })
  | (Refusal<"account", PasswordProblem> & { field: "password" });

export async function signUp(
  input: { displayName: string; email: string; password: string; role: UserRole; locale: Locale },
  meta: RequestMeta,
  retried = false,
): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) return { ...refusal("account", problem), field: "password" };
  const existing = await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) return { ...refusal("account", "email_taken"), field: "email" };
  const passwordHash = await hashPassword(input.password);
  const at = now();
  const userId = newId();
  try {
    return await transaction(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id: userId,
          email,
          display_name: input.displayName.trim(),
          password_hash: passwordHash,
          role: input.role,
          locale: input.locale,
          handle: await uniqueHandle(trx, input.displayName.trim()),
          created_at: at,
          password_changed_at: at,
        })
        .execute();
      await refreshDesignerRecords(trx, [userId]); // a new designer is in the directory at once
      await sendVerificationMail(trx, userId); // the address is proven before money moves (ADR 0042)
      const session = await createSession(trx, userId, meta);
      return { ok: true as const, userId, ...session };
    });
  } catch (error) {
    // Two sign-ups with one name racing for a handle: the second picks again, once.
    if (/unique|duplicate/i.test(String(error)) && /handle/i.test(String(error)) && !retried)
      return signUp(input, meta, true);
    // Two sign-ups with one address racing: the unique index decides.
    if (/unique|duplicate/i.test(String(error)))
      return { ...refusal("account", "email_taken"), field: "email" };
    throw error;
  }
}

export type LogInResult =
  | { ok: true; userId: string; token: string; expiresAt: number; deviceToken: string }
  | Refusal<"account", "login_invalid" | "suspended">
  | (Refusal<"account", "throttled"> & { retryAfterSeconds: number });

/**
 * Check the throttle first, then the password; unknown e-mails and wrong passwords get the same
 * answer after the same work. A success hands out a fresh session token and marks the browser as
 * trusted for this account (it may keep logging in while the account is under attack).
 */
export async function logIn(
  input: { email: string; password: string; deviceToken?: string | null },
  meta: RequestMeta,
): Promise<LogInResult> {
  const email = normalizeEmail(input.email);
  const user = await db()
    .selectFrom("users")
    .select(["id", "password_hash", "suspended_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  const trusted = user && input.deviceToken ? await isTrustedDevice(user.id, input.deviceToken) : false;
  const throttle = await checkLoginThrottle({ ip: meta.ip, email, trusted });
  if (!throttle.allowed)
    return {
      ...refusal("account", "throttled", { minutes: Math.ceil(throttle.retryAfterSeconds / 60) }),
      retryAfterSeconds: throttle.retryAfterSeconds,
    };

  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstNothing(input.password);
  await recordLoginAttempt({ ip: meta.ip, email, userId: user?.id ?? null, succeeded: valid, trusted });
  if (!user || !valid) return refusal("account", "login_invalid");
  // Told only to whoever knows the password: a suspended account says so instead of failing silently.
  if (user.suspended_at !== null) return refusal("account", "suspended");

  const session = await createSession(db(), user.id, meta);
  const deviceToken = trusted && input.deviceToken ? input.deviceToken : await trustDevice(user.id);
  return { ok: true, userId: user.id, ...session, deviceToken };
}

async function isTrustedDevice(userId: string, deviceToken: string) {
  const row = await db()
    .selectFrom("trusted_devices")
    .select("user_id")
    .where("token_hash", "=", hashToken(deviceToken))
    .executeTakeFirst();
  return row?.user_id === userId;
}

async function trustDevice(userId: string) {
  const token = generateToken();
  const at = now();
  await db()
    .insertInto("trusted_devices")
    .values({ token_hash: hashToken(token), user_id: userId, created_at: at, last_used_at: at })
    .execute();
  return token;
}

export type ChangePasswordResult =
  | { ok: true }
  | (Refusal<"account", "wrong_password"> & { field: "currentPassword" })
  | (Refusal<"account", PasswordProblem> & { field: "newPassword" });

/** Change the password and end every other session of the account. */
export async function changePassword(input: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const user = await db()
    .selectFrom("users")
    .select(["password_hash", "email"])
    .where("id", "=", input.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    return { ...refusal("account", "wrong_password"), field: "currentPassword" };
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) return { ...refusal("account", problem), field: "newPassword" };
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now() })
      .where("id", "=", input.userId)
      .execute();
    await invalidateUserSessions(trx, input.userId, input.sessionId);
    await trx.deleteFrom("password_resets").where("user_id", "=", input.userId).execute();
  });
  return { ok: true };
}

/** The language the person reads Concours and gets mail in, as chosen in the switch or the account page. */
export async function setAccountLocale(userId: string, locale: Locale) {
  await db().updateTable("users").set({ locale }).where("id", "=", userId).execute();
}

export async function logOutEverywhere(userId: string) {
  await invalidateUserSessions(db(), userId);
}

/** Always the same outcome for the caller; a mail goes out only when the account exists. */
export async function requestPasswordReset(emailInput: string): Promise<void> {
  const email = normalizeEmail(emailInput);
  const user = await db()
    .selectFrom("users")
    .select(["id", "display_name", "locale"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!user) return;
  const locale = mailLocale(user.locale);
  const token = generateToken();
  const at = now();
  const link = `${config().appUrl}/reset-password/${token}`;
  await transaction(async (trx) => {
    await trx
      .insertInto("password_resets")
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: at,
        expires_at: at + RESET_TOKEN_TTL_MS,
      })
      .execute();
    await queueMail(trx, {
      to: email,
      subject: translate(locale, "auth.mail.reset.subject"),
      text: translate(locale, "auth.mail.reset.body", { name: user.display_name, link }),
    });
  });
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  const row = await db()
    .selectFrom("password_resets")
    .select(["expires_at", "used_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return !!row && row.used_at === null && row.expires_at > now();
}

export type ResetResult = { ok: true } | Refusal<"account", "reset_invalid" | PasswordProblem>;

/** Use a reset link once: set the password and end every session of the account. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const tokenHash = hashToken(token);
  const row = await db()
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select([
      "password_resets.user_id",
      "password_resets.expires_at",
      "password_resets.used_at",
      "users.email",
    ])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now()) return refusal("account", "reset_invalid");
  const problem = passwordProblem(newPassword, row.email);
  if (problem) return refusal("account", problem);
  const passwordHash = await hashPassword(newPassword);
  return transaction(async (trx) => {
    // Claim the token; a second use racing this one updates nothing and is refused.
    const claimed = await trx
      .updateTable("password_resets")
      .set({ used_at: now() })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return refusal("account", "reset_invalid");
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now() })
      .where("id", "=", row.user_id)
      .execute();
    await invalidateUserSessions(trx, row.user_id);
    return { ok: true as const };
  });
}
