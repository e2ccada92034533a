import { closeDb, migrateToLatest } from "~db/index";
import { fillNewTables } from "~/server/boot.server";

const applied = await migrateToLatest();
await fillNewTables(applied, { quiet: true });
process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Database is up to date.\n");
await closeDb();
