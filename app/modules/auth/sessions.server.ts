import { db, type DB, type Trx } from "~db/index";
import type { User } from "~db/schema";
import { now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { generateToken, hashToken } from "./tokens.server";

/** A session ends after a week without use, and after 30 days whatever happens. */
export const SESSION_IDLE_MS = 7 * DAY;
export const SESSION_ABSOLUTE_MS = 30 * DAY;
/** Don't write last-seen on every request: once an hour is enough to slide the expiry. */
const TOUCH_EVERY_MS = HOUR;

export type SessionUser = Pick<
  User,
  "id" | "email" | "display_name" | "role" | "is_admin" | "locale" | "support_since"
>;
export interface ValidSession {
  id: string;
  userId: string;
  expiresAt: number;
  /** The expiry moved; the cookie should be sent again with the new lifetime. */
  refreshed: boolean;
}

export async function createSession(
  executor: DB | Trx,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; expiresAt: number }> {
  const token = generateToken();
  const at = now();
  const expiresAt = at + SESSION_IDLE_MS;
  await executor
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      absolute_expires_at: at + SESSION_ABSOLUTE_MS,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

/** The session and its user for a token, sliding the idle expiry; null when unknown or expired. */
export async function validateSessionToken(
  token: string,
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = hashToken(token);
  const row = await db()
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.user_id",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.absolute_expires_at",
      "users.email",
      "users.display_name",
      "users.role",
      "users.is_admin",
      "users.locale",
      "users.support_since",
      "users.suspended_at",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const at = now();
  // Suspension ends every session at once; a session that outlived it (a race) is ended here.
  if (row.suspended_at !== null) {
    await db().deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (at >= row.expires_at || at >= row.absolute_expires_at) {
    await db().deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  let expiresAt = row.expires_at;
  let refreshed = false;
  if (at - row.last_seen_at >= TOUCH_EVERY_MS) {
    expiresAt = Math.min(at + SESSION_IDLE_MS, row.absolute_expires_at);
    refreshed = expiresAt !== row.expires_at;
    await db()
      .updateTable("sessions")
      .set({ last_seen_at: at, expires_at: expiresAt })
      .where("id", "=", id)
      .execute();
  }
  return {
    session: { id, userId: row.user_id, expiresAt, refreshed },
    user: {
      id: row.user_id,
      email: row.email,
      display_name: row.display_name,
      role: row.role,
      is_admin: row.is_admin,
      locale: row.locale,
      support_since: row.support_since,
    },
  };
}

export async function invalidateSession(sessionId: string) {
  await db().deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** End every session of a user, except (optionally) the one making the request. */
export async function invalidateUserSessions(executor: DB | Trx, userId: string, exceptSessionId?: string) {
  let q = executor.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) q = q.where("id", "!=", exceptSessionId);
  await q.execute();
}

export async function deleteExpiredSessions() {
  const at = now();
  await db()
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", at), eb("absolute_expires_at", "<=", at)]))
    .execute();
}

// ---- cookies ---------------------------------------------------------------------------------

/** Secure cookies wherever the app is served over HTTPS, which production must be. */
export function cookieIsSecure() {
  const cfg = config();
  return (
    cfg.appUrl.startsWith("https://") ||
    (cfg.isProduction && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(cfg.appUrl))
  );
}

export function sessionCookieName() {
  return cookieIsSecure() ? "__Host-concours_session" : "concours_session";
}

export function serializeCookie(name: string, value: string, maxAgeSeconds: number) {
  const parts = [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (cookieIsSecure()) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(request: Request, name: string): string | null {
  return parseCookie(request.headers.get("Cookie"), name);
}

export function parseCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: number) {
  return serializeCookie(sessionCookieName(), token, (expiresAt - now()) / 1000);
}

export function clearSessionCookie() {
  return serializeCookie(sessionCookieName(), "", 0);
}
