import { db } from "~db/index";
import { now } from "~/utils/clock.server";
import { singleton } from "~/utils/singleton.server";
import { enqueueJob, registerJobHandler } from "./queue.server";

const periodic = () => singleton("periodicJobs", () => new Map<string, number>());

/**
 * A job that runs every `everyMs` (housekeeping, backstops). Each run enqueues the next slot with a
 * unique key, so however many processes run it, each slot runs once; a missed slot runs at start.
 */
export function registerPeriodicJob(kind: string, everyMs: number, run: () => Promise<unknown>) {
  periodic().set(kind, everyMs);
  registerJobHandler(kind, async () => {
    await run();
    await enqueueSlot(kind, everyMs, Math.floor(now() / everyMs) + 1);
  });
}

function enqueueSlot(kind: string, everyMs: number, slot: number) {
  return enqueueJob(db(), { kind, runAt: slot * everyMs, uniqueKey: `${kind}:${slot}` });
}

/** At start: make sure every periodic job has its current slot queued. */
export async function schedulePeriodicJobs() {
  for (const [kind, everyMs] of periodic()) await enqueueSlot(kind, everyMs, Math.floor(now() / everyMs));
}
