// A worker process (scale-out: run several beside the app with RUN_WORKER=false on the app).
import { boot } from "~/server/boot.server";
import { log } from "~/utils/log.server";

const runtime = await boot({ worker: true, seed: false, quiet: true });
log("info", "worker.started", {});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    await runtime.shutdown();
    process.exit(0);
  });
}
