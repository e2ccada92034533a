import { hashPassword } from "../app/modules/auth/passwords.server";
import { now } from "../app/utils/clock.server";
import { newId } from "../app/utils/ids.server";
import { db, transaction } from "./index";
import type { UserRole } from "./schema";

export const DEMO_PASSWORD = "concours-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole; what: string }[] = [
  { email: "client@demo.concours", name: "Camille Tremblay", role: "client", what: "client" },
  { email: "ana@demo.concours", name: "Ana Souza", role: "designer", what: "designer" },
  { email: "ben@demo.concours", name: "Ben Okafor", role: "designer", what: "designer" },
  { email: "chloe@demo.concours", name: "Chloé Martin", role: "designer", what: "designer" },
  { email: "judge@demo.concours", name: "Jules Gagnon", role: "client", what: "judge" },
];

/** Demo data on first run only: does nothing once any account exists. Returns whether it seeded. */
export async function seedDemo(): Promise<boolean> {
  const any = await db().selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now();
  await transaction(async (trx) => {
    for (const account of DEMO_ACCOUNTS) {
      await trx
        .insertInto("users")
        .values({
          id: newId(),
          email: account.email,
          display_name: account.name,
          password_hash: passwordHash,
          role: account.role,
          created_at: at,
          password_changed_at: at,
        })
        .execute();
    }
  });
  return true;
}

/** Whether the demo accounts are there (to print their passwords at start). */
export async function hasDemoAccounts() {
  const row = await db()
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_ACCOUNTS[0]!.email)
    .executeTakeFirst();
  return !!row;
}
