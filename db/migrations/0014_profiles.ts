import type { Kysely } from "kysely";

/**
 * Public designer profiles (issue 13): a unique `handle` for `/designers/:handle`, a short bio, a
 * location, the languages a person works in and the contest categories they do (both JSON arrays
 * of codes). Every existing account gets a handle derived from its display name, made unique here,
 * so no account is left without a profile address. The column stays nullable (SQLite cannot add a
 * NOT NULL column without a default); the app writes a handle with every new account.
 */
// Frozen in time: never edit a migration that has shipped; add a new one. The slug rule is copied
// here on purpose: the app's rule may change, what this migration wrote may not.

function slug(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `designer${base ? `-${base}` : ""}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("handle", "text").execute();
  await db.schema
    .alterTable("users")
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("categories", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  const users: { id: string; display_name: string }[] = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const taken = new Set<string>();
  for (const user of users) {
    const base = slug(user.display_name);
    let handle = base;
    for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`;
    taken.add(handle);
    await db.updateTable("users").set({ handle }).where("id", "=", user.id).execute();
  }
  await db.schema.createIndex("users_handle_idx").unique().on("users").column("handle").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_handle_idx").execute();
  for (const column of ["categories", "languages", "location", "bio", "handle"])
    await db.schema.alterTable("users").dropColumn(column).execute();
}
