import { registerEscrowJobs } from "../escrow/payments.server";
import { registerMailJobs } from "../notify/mail.server";
import { deleteExpiredSessions } from "../auth/sessions.server";
import { pruneLoginAttempts } from "../auth/throttle.server";
import { registerJobHandler } from "./queue.server";

/** Every job kind the worker knows, registered in one place. */
export function registerAllJobHandlers() {
  registerMailJobs();
  registerEscrowJobs();
  registerJobHandler("auth.cleanup", async () => {
    await deleteExpiredSessions();
    await pruneLoginAttempts();
  });
}
