import type { Kysely } from "kysely";

/**
 * Which watermark a revision's public images carry. Version 1 marked the preview only, and on
 * transparent images only the opaque pixels: every revision made before this migration has a clean
 * thumbnail. Version 2 marks the thumbnail too, and transparent backgrounds. The re-mark job
 * (entries.remark) renders older revisions again from their originals; until then the media route
 * answers an old thumbnail with the watermarked preview.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // The default is for rows written by hand (test and bench fixtures); the processing job always
  // writes the version it drew.
  await db.schema
    .alterTable("entry_revisions")
    .addColumn("watermark_version", "integer", (c) => c.notNull().defaultTo(2))
    .execute();
  await db.updateTable("entry_revisions").set({ watermark_version: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("entry_revisions").dropColumn("watermark_version").execute();
}
