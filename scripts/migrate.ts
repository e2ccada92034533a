import { closeDb, migrateToLatest } from "~db/index";

const applied = await migrateToLatest();
process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Database is up to date.\n");
await closeDb();
