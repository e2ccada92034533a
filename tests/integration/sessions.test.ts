import { describe, expect, it } from "vitest";
import { db } from "~db/index";
import { signUp } from "~/modules/auth/accounts.server";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  createSession,
  invalidateSession,
  validateSessionToken,
} from "~/modules/auth/sessions.server";
import { hashToken } from "~/modules/auth/tokens.server";
import { advanceClock, freezeClock } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";

async function newUser(email: string) {
  const result = await signUp(
    { displayName: "Test Person", email, password: "a fine long passphrase", role: "client", locale: "en" },
    { ip: "127.0.0.1" },
  );
  if (!result.ok) throw new Error("sign-up failed");
  return result.userId;
}

describe("sessions", () => {
  it("store only the SHA-256 of the token", async () => {
    const userId = await newUser("store@example.com");
    const { token } = await createSession(db(), userId);
    const rows = await db().selectFrom("sessions").selectAll().where("user_id", "=", userId).execute();
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("expire after the idle limit without use", async () => {
    freezeClock(Date.UTC(2026, 0, 1));
    const userId = await newUser("idle@example.com");
    const { token } = await createSession(db(), userId);
    advanceClock(SESSION_IDLE_MS - HOUR);
    expect(await validateSessionToken(token)).not.toBeNull();
    advanceClock(SESSION_IDLE_MS + HOUR);
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("slide the idle expiry while used, but never past the absolute limit", async () => {
    freezeClock(Date.UTC(2026, 0, 1));
    const userId = await newUser("slide@example.com");
    const { token } = await createSession(db(), userId);
    let elapsed = 0;
    // Used every 5 days: each use pushes the idle expiry forward...
    while (elapsed + 5 * DAY < SESSION_ABSOLUTE_MS) {
      advanceClock(5 * DAY);
      elapsed += 5 * DAY;
      const valid = await validateSessionToken(token);
      expect(valid, `day ${elapsed / DAY}`).not.toBeNull();
    }
    // ...until the absolute limit ends it anyway.
    advanceClock(SESSION_ABSOLUTE_MS - elapsed);
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("reports a refreshed expiry so the cookie can be sent again", async () => {
    freezeClock(Date.UTC(2026, 0, 1));
    const userId = await newUser("refresh@example.com");
    const { token, expiresAt } = await createSession(db(), userId);
    advanceClock(2 * HOUR);
    const valid = await validateSessionToken(token);
    expect(valid?.session.refreshed).toBe(true);
    expect(valid!.session.expiresAt).toBe(expiresAt + 2 * HOUR);
  });

  it("are gone once invalidated, and refuse malformed tokens", async () => {
    const userId = await newUser("gone@example.com");
    const { token } = await createSession(db(), userId);
    await invalidateSession(hashToken(token));
    expect(await validateSessionToken(token)).toBeNull();
    expect(await validateSessionToken("not a token")).toBeNull();
  });
});
