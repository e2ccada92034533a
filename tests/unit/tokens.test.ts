import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { constantTimeEqual, generateToken, hashToken } from "~/modules/auth/tokens.server";

describe("session tokens", () => {
  it("carry 160 random bits as 32 base32 characters, never repeating", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateToken()));
    expect(tokens.size).toBe(2000);
    for (const token of [...tokens].slice(0, 50)) expect(token).toMatch(/^[a-z2-7]{32}$/); // 32 × 5 bits = 160
  });

  it("are stored only as their SHA-256", () => {
    const token = generateToken();
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).not.toContain(token);
  });

  it("compare in constant time and exactly", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });
});
