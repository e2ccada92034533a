import { MINUTE } from "./durations";
import { singleton } from "./singleton.server";

/**
 * The one source of "now" for the domain. Tests (and the test hooks of a running server) move it;
 * everything that compares deadlines asks it instead of Date.now().
 */
export interface Clock {
  now(): number;
}

type ClockState = { offsetMs: number; frozenAt: number | null; lastOrdered?: number };

const state = () => singleton<ClockState>("clock", () => ({ offsetMs: 0, frozenAt: null }));

export const clock: Clock = {
  now() {
    const s = state();
    return s.frozenAt ?? Date.now() + s.offsetMs;
  },
};

export function now(): number {
  return clock.now();
}

/**
 * The clock for rows that are listed by time (a thread's messages, ledger movements): never
 * earlier than `notBefore`, and strictly after the last instant this process handed out, so that
 * two rows written in the same millisecond still list in the order they were written. A clock
 * moved back by more than a minute (tests do) starts again from there. Each call may run a
 * millisecond ahead of the clock: meant for rows people write (messages, files, money), not for
 * high-rate ones such as ratings or notifications.
 */
export function orderedNow(notBefore = 0): number {
  const s = state();
  const at = now();
  const last = s.lastOrdered ?? 0;
  s.lastOrdered = at < last - MINUTE ? Math.max(at, notBefore) : Math.max(at, notBefore, last + 1);
  return s.lastOrdered;
}

/** Move time forward (or back) by `ms` for everything that asks the clock. */
export function advanceClock(ms: number) {
  const s = state();
  if (s.frozenAt !== null) s.frozenAt += ms;
  else s.offsetMs += ms;
}

/** Stop time at `at` (epoch ms) until advanced or reset. */
export function freezeClock(at: number) {
  state().frozenAt = at;
}

export function resetClock() {
  const s = state();
  s.offsetMs = 0;
  s.frozenAt = null;
}
