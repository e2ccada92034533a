import type { Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * Copy detection by image descriptors (decision 40): every ready entry revision and portfolio piece
 * keeps its ORB features in `image_descriptors`, numbered by `seq` so that each process's in-memory
 * index catches up with the rows added since it last looked. A flag may now point at a portfolio
 * piece (`earlier_piece_id`; the entry columns then hold the piece's id and an empty contest).
 * The 8-bit hash bands go: they narrowed nothing (every flat background shares its bands).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("image_descriptors")
    .addColumn("seq", dialectOf(db) === "postgres" ? "bigserial" : "integer", (c) =>
      dialectOf(db) === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    // "revision" (entry_revisions.id) or "piece" (portfolio_pieces.id).
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("designer_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    // Base64: the strongest descriptors (what the index holds), and the whole features.
    .addColumn("voting", "text", (c) => c.notNull())
    .addColumn("features", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("image_descriptors_subject_uq", ["subject_kind", "subject_id"])
    .execute();
  await db.schema.alterTable("similarity_flags").addColumn("earlier_piece_id", "text").execute();
  await db.schema.dropTable("phash_bands").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("phash_bands")
    .addColumn("revision_id", "text", (c) => c.notNull().references("entry_revisions.id").onDelete("cascade"))
    .addColumn("band", "integer", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("phash_bands_pk", ["revision_id", "band"])
    .execute();
  await db.schema
    .createIndex("phash_bands_lookup_idx")
    .on("phash_bands")
    .columns(["band", "value"])
    .execute();
  // The bands again from the hashes the revisions still keep.
  const revisions = await db
    .selectFrom("entry_revisions")
    .select(["id", "phash"])
    .where("phash", "is not", null)
    .execute();
  for (const r of revisions as { id: string; phash: string }[]) {
    if (!/^[0-9a-f]{16}$/.test(r.phash)) continue;
    await db
      .insertInto("phash_bands")
      .values(
        Array.from({ length: 8 }, (_, band) => ({
          revision_id: r.id,
          band,
          value: Number.parseInt(r.phash.slice(band * 2, band * 2 + 2), 16),
        })),
      )
      .execute();
  }
  await db.deleteFrom("similarity_flags").where("earlier_piece_id", "is not", null).execute();
  await db.schema.alterTable("similarity_flags").dropColumn("earlier_piece_id").execute();
  await db.schema.dropTable("image_descriptors").execute();
}
