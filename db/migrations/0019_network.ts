import type { Kysely } from "kysely";

/**
 * A client's network (issue 13): the designers a person keeps as favourites ("my designers"), the
 * designers a person follows (new portfolio pieces reach their notifications), and the invitations
 * a client sent to a known designer for one of their contests (who invited whom to what, once).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("favourite_designers")
    .addColumn("client_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("favourite_designers_pk", ["client_id", "designer_id"])
    .execute();

  await db.schema
    .createTable("designer_follows")
    .addColumn("follower_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("designer_follows_pk", ["follower_id", "designer_id"])
    .execute();
  // A new piece asks for the designer's followers.
  await db.schema
    .createIndex("designer_follows_designer_idx")
    .on("designer_follows")
    .column("designer_id")
    .execute();

  await db.schema
    .createTable("designer_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("client_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // One invitation per designer and contest: a second one changes nothing.
    .addUniqueConstraint("designer_invitations_unique", ["contest_id", "designer_id"])
    .execute();
  await db.schema
    .createIndex("designer_invitations_designer_idx")
    .on("designer_invitations")
    .columns(["designer_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("designer_invitations").execute();
  await db.schema.dropTable("designer_follows").execute();
  await db.schema.dropTable("favourite_designers").execute();
}
