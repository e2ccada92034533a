import { registerContestJobs } from "../contests/contests.server";
import { registerEntryJobs } from "../entries/processing.server";
import { registerEscrowJobs } from "../escrow/payments.server";
import { registerMailJobs } from "../notify/mail.server";
import { deleteExpiredSessions } from "../auth/sessions.server";
import { pruneLoginAttempts } from "../auth/throttle.server";
import { db } from "~db/index";
import { HOUR, now } from "~/utils/clock.server";
import { enqueueJob, registerJobHandler } from "./queue.server";

/** Every job kind the worker knows, registered in one place. */
export function registerAllJobHandlers() {
  registerMailJobs();
  registerContestJobs();
  registerEntryJobs();
  registerEscrowJobs();
  registerJobHandler("auth.cleanup", async () => {
    await deleteExpiredSessions();
    await pruneLoginAttempts();
    const nextHour = Math.floor(now() / HOUR) + 1;
    await enqueueJob(db(), {
      kind: "auth.cleanup",
      runAt: nextHour * HOUR,
      uniqueKey: `auth.cleanup:${nextHour}`,
    });
  });
}
