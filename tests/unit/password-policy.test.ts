import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/modules/auth/password-policy";
import { hashPassword, verifyPassword } from "~/modules/auth/passwords.server";

describe("password policy", () => {
  it("refuses passwords shorter than 8 characters, counting characters not bytes", () => {
    expect(passwordProblem("short1!")).toBe("too_short");
    expect(passwordProblem("ééééééé")).toBe("too_short");
    expect(passwordProblem("correct horse")).toBeNull();
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const p of ["password", "12345678", "qwertyuiop", "PASSWORD1", "iloveyou"]) {
      expect(passwordProblem(p), p).toBe("too_common");
    }
  });

  it("accepts long passphrases whole, up to 1024 characters", () => {
    expect(passwordProblem("a".repeat(20) + " the quick brown fox " + "z".repeat(900))).toBeNull();
    expect(passwordProblem("x".repeat(1025))).toBe("too_long");
  });

  it("refuses a password that contains the e-mail's name", () => {
    expect(passwordProblem("camille-rocks-2026", "camille@example.com")).toBe("contains_email");
    expect(passwordProblem("granite-rocks-2026", "camille@example.com")).toBeNull();
  });
});

describe("password hashing", () => {
  it("uses argon2id at OWASP's parameters and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
  });

  it("hashes long passwords whole: a change after the 72nd byte still matters", async () => {
    const long = "p".repeat(100);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, "p".repeat(99) + "q")).toBe(false);
  });
});
