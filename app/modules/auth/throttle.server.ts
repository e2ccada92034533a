import { db } from "~db/index";
import { now } from "~/utils/clock.server";
import { HOUR, MINUTE } from "~/utils/durations";
import { newId } from "~/utils/ids.server";

/**
 * Per address and account: 10 failed logins for one e-mail from one address in 15 minutes, then that
 * address waits for that e-mail. Counted apart for trusted and untrusted browsers, so an attacker's
 * failures close nothing to other accounts behind the same address (a balancer, an office, a phone
 * network) nor to the owner's own browser.
 */
export const IP_WINDOW_MS = 15 * MINUTE;
export const IP_MAX_FAILURES = 10;
/**
 * Per account, against guessing spread over many addresses: after 30 failures in an hour from
 * browsers the owner has never logged in from, only trusted browsers (a device cookie set at a
 * successful login) may keep trying, so an attacker cannot lock the real owner out.
 */
export const ACCOUNT_WINDOW_MS = HOUR;
export const ACCOUNT_MAX_UNTRUSTED_FAILURES = 30;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function verdict(
  count: number,
  max: number,
  oldest: number | null,
  windowMs: number,
): Promise<ThrottleVerdict> {
  if (count < max) return { allowed: true };
  const retryAt = (oldest ?? now()) + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now()) / 1000)) };
}

export async function checkLoginThrottle(input: {
  ip: string;
  email: string;
  trusted: boolean;
}): Promise<ThrottleVerdict> {
  const at = now();
  const byAddress = await db()
    .selectFrom("login_attempts")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min<number>("created_at").as("oldest")])
    .where("email", "=", input.email)
    .where("ip", "=", input.ip)
    .where("trusted", "=", input.trusted ? 1 : 0)
    .where("succeeded", "=", 0)
    .where("created_at", ">", at - IP_WINDOW_MS)
    .executeTakeFirstOrThrow();
  const addressVerdict = await verdict(Number(byAddress.n), IP_MAX_FAILURES, byAddress.oldest, IP_WINDOW_MS);
  if (!addressVerdict.allowed || input.trusted) return addressVerdict;

  const byAccount = await db()
    .selectFrom("login_attempts")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min<number>("created_at").as("oldest")])
    .where("email", "=", input.email)
    .where("succeeded", "=", 0)
    .where("trusted", "=", 0)
    .where("created_at", ">", at - ACCOUNT_WINDOW_MS)
    .executeTakeFirstOrThrow();
  return verdict(Number(byAccount.n), ACCOUNT_MAX_UNTRUSTED_FAILURES, byAccount.oldest, ACCOUNT_WINDOW_MS);
}

export async function recordLoginAttempt(input: {
  ip: string;
  email: string;
  userId: string | null;
  succeeded: boolean;
  trusted: boolean;
}) {
  await db()
    .insertInto("login_attempts")
    .values({
      id: newId(),
      ip: input.ip,
      email: input.email,
      user_id: input.userId,
      succeeded: input.succeeded ? 1 : 0,
      trusted: input.trusted ? 1 : 0,
      created_at: now(),
    })
    .execute();
}

export async function pruneLoginAttempts() {
  await db()
    .deleteFrom("login_attempts")
    .where("created_at", "<", now() - 24 * HOUR)
    .execute();
}
