import { closeDb, migrateToLatest } from "~db/index";
import { seedDemo } from "~db/seed";

await migrateToLatest();
process.stdout.write((await seedDemo()) ? "Demo data added.\n" : "Accounts exist already; nothing seeded.\n");
await closeDb();
