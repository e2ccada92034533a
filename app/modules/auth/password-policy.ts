import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome and hashed whole; the ceiling only stops absurd request bodies. */
export const PASSWORD_MAX = 1024;

let common: Set<string> | null = null;
function commonPasswords() {
  return (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));
}

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_email";

/** Why a new password is refused, or null when it is acceptable (NIST 800-63B style: length + blocklist). */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too_short";
  if (length > PASSWORD_MAX) return "too_long";
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.replace(/[0-9!.?]+$/, "")))
    return "too_common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}
