import { closeDb, migrateToLatest } from "~db/index";
import { refreshAllDesignerRecords } from "~/modules/people/designer-records.server";

/** Rebuild the designers directory's records from the facts (ADR 0037): safe to run at any time. */
await migrateToLatest();
const accounts = await refreshAllDesignerRecords();
process.stdout.write(`Directory records rewritten for ${accounts} accounts.\n`);
await closeDb();
