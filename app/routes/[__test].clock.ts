import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { registerAllJobHandlers } from "~/modules/jobs/handlers.server";
import { runDueJobs } from "~/modules/jobs/queue.server";
import { advanceClock, now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { notFoundResponse } from "~/utils/refusals.server";

/**
 * Test hook for browser tests: POST { advanceMs } moves the app's clock forward and runs the jobs
 * that became due (deadlines, mail). It exists only with ENABLE_TEST_HOOKS=true; otherwise, as for
 * any other address, the answer is 404.
 */

export async function loader({ context }: LoaderFunctionArgs) {
  throw notFoundResponse(context.locale);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!config().ENABLE_TEST_HOOKS) throw notFoundResponse(context.locale);
  const type = request.headers.get("content-type") ?? "";
  const raw = type.includes("application/json")
    ? ((await request.json()) as { advanceMs?: unknown }).advanceMs
    : (await request.formData()).get("advanceMs");
  const advanceMs = Number(raw);
  if (!Number.isSafeInteger(advanceMs) || advanceMs < 0 || advanceMs > 366 * DAY) {
    return Response.json(
      { error: "advanceMs must be a whole number of milliseconds, 0 to 366 days" },
      { status: 400 },
    );
  }
  advanceClock(advanceMs);
  registerAllJobHandlers();
  const ran = await runDueJobs();
  return Response.json({ now: now(), ran });
}
