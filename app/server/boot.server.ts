import { closeDb, migrateToLatest, type DB } from "~db/index";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoAccounts, seedDemo } from "~db/seed";
import { blobStore } from "~storage/index";
import { registerAllJobHandlers } from "~/modules/jobs/handlers.server";
import {
  DESIGNER_RECORDS_MIGRATION,
  refreshAllDesignerRecords,
} from "~/modules/people/designer-records.server";
import { startWorker } from "~/modules/jobs/queue.server";
import { schedulePeriodicJobs } from "~/modules/jobs/scheduler.server";
import { config } from "~/utils/env.server";
import { log } from "~/utils/log.server";

/**
 * Everything a process does before it serves: validate config, migrate, seed the demo on first run,
 * register job handlers and (by default) run a worker in this process.
 */
export async function boot(options: { worker?: boolean; seed?: boolean; quiet?: boolean } = {}) {
  const cfg = config();
  const applied = await migrateToLatest();
  if (applied.length && !options.quiet) log("info", "db.migrated", { applied });
  await fillNewTables(applied, { quiet: options.quiet });
  registerAllJobHandlers();
  // What a crash left half-written in the store goes now, not an hour from now.
  const swept = await blobStore().sweepTemp?.();
  if (swept && !options.quiet) log("info", "storage.swept_temp", { removed: swept });
  if (options.seed ?? cfg.SEED_DEMO) {
    await seedDemo();
    if (!options.quiet && (await hasDemoAccounts())) printDemoAccounts();
  }
  await schedulePeriodicJobs();
  const worker = (options.worker ?? cfg.RUN_WORKER) ? startWorker() : null;
  return {
    async shutdown() {
      await worker?.stop();
      await closeDb();
    },
  };
}

/** Tables a migration leaves for the app to fill, because what goes in them is app code (ADR 0037). */
export async function fillNewTables(
  applied: readonly string[],
  options: { quiet?: boolean; database?: DB } = {},
) {
  if (!applied.includes(DESIGNER_RECORDS_MIGRATION)) return;
  const accounts = await refreshAllDesignerRecords(options.database);
  if (!options.quiet) log("info", "db.designer_records_filled", { accounts });
}

function printDemoAccounts() {
  const lines = [
    "",
    "  Demo accounts (password for all: " + DEMO_PASSWORD + ")",
    ...DEMO_ACCOUNTS.map((a) => `    ${a.what.padEnd(9)} ${a.email}  (${a.name})`),
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}
