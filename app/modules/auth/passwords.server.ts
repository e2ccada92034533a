import { hash, verify } from "@node-rs/argon2";

/** argon2id at OWASP's recommended floor: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFKC"));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/**
 * Spend the same time as a real check when the account does not exist, so the answer's timing does
 * not reveal which e-mail addresses have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword("a password nobody has, hashed once per process");
  await verifyPassword(await dummy, password);
  return false;
}
