import { registerContestJobs } from "../contests/contests.server";
import { registerLaunchJobs } from "../contests/launch.server";
import { registerEntryJobs } from "../entries/processing.server";
import { registerEscrowJobs } from "../escrow/payments.server";
import { registerHandoverJobs } from "../handover/reminders.server";
import { registerMailJobs } from "../notify/mail.server";
import { registerNotifyJobs } from "../notify/notifications.server";
import { registerMessageJobs } from "../people/messages/mail.server";
import { registerPortfolioJobs } from "../people/pieces.server";
import { deleteExpiredSessions } from "../auth/sessions.server";
import { pruneLoginAttempts } from "../auth/throttle.server";
import { blobStore } from "~storage/index";
import { HOUR } from "~/utils/durations";
import { registerPeriodicJob } from "./scheduler.server";

/** Every job kind the worker knows, registered in one place. */
export function registerAllJobHandlers() {
  registerMailJobs();
  registerNotifyJobs();
  registerContestJobs();
  registerLaunchJobs();
  registerEntryJobs();
  registerEscrowJobs();
  registerHandoverJobs();
  registerMessageJobs();
  registerPortfolioJobs();
  registerPeriodicJob("auth.cleanup", HOUR, async () => {
    await deleteExpiredSessions();
    await pruneLoginAttempts();
  });
  registerPeriodicJob("storage.sweep_temp", HOUR, async () => {
    await blobStore().sweepTemp?.();
  });
}
