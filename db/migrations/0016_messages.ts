import type { Kysely } from "kysely";

/**
 * Direct messages (issue 13): one conversation per pair of people, whoever wrote first; its
 * messages, numbered in order within the conversation (`seq`, from `conversations.last_seq`), each
 * optionally about a contest or an entry; how far each participant has read (unread counts, "Seen")
 * and been mailed; images attached to a message; and who blocked whom.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("conversations")
    .addColumn("id", "text", (c) => c.primaryKey())
    // The pair, its lower id first: one conversation per pair, whatever the order they met in.
    .addColumn("user_low", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("user_high", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("started_by", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("last_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_message_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("conversations_pair_unique", ["user_low", "user_high"])
    .execute();
  await db.schema
    .createIndex("conversations_high_idx")
    .on("conversations")
    .columns(["user_high", "last_message_at"])
    .execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) =>
      c.notNull().references("conversations.id").onDelete("cascade"),
    )
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("sender_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("about_contest_id", "text", (c) => c.references("contests.id").onDelete("set null"))
    .addColumn("about_entry_id", "text", (c) => c.references("entries.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("messages_seq_unique", ["conversation_id", "seq"])
    .execute();

  await db.schema
    .createTable("conversation_reads")
    .addColumn("conversation_id", "text", (c) =>
      c.notNull().references("conversations.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("read_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("read_at", "bigint")
    .addColumn("mailed_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("conversation_reads_pk", ["conversation_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("conversation_reads_user_idx")
    .on("conversation_reads")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("message_attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message_id", "text", (c) => c.notNull().references("messages.id").onDelete("cascade"))
    .addColumn("conversation_id", "text", (c) =>
      c.notNull().references("conversations.id").onDelete("cascade"),
    )
    .addColumn("blob_key", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("message_attachments_message_idx")
    .on("message_attachments")
    .column("message_id")
    .execute();

  await db.schema
    .createTable("user_blocks")
    .addColumn("blocker_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("blocked_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_blocks_pk", ["blocker_id", "blocked_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_blocks").execute();
  await db.schema.dropTable("message_attachments").execute();
  await db.schema.dropTable("conversation_reads").execute();
  await db.schema.dropTable("messages").execute();
  await db.schema.dropTable("conversations").execute();
}
