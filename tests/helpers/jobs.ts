import { registerAllJobHandlers } from "~/modules/jobs/handlers.server";
import { runDueJobs } from "~/modules/jobs/queue.server";

/** Run every job that is due now (mail delivery, deadlines...). */
export async function drainJobs() {
  registerAllJobHandlers();
  return runDueJobs();
}
