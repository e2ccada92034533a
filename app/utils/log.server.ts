import { config } from "./env.server";

type Level = "error" | "info" | "debug";
const rank = { silent: 0, error: 1, info: 2, debug: 3 } as const;

/** One JSON line per event on stdout: easy to grep here, easy to ship elsewhere. */
export function log(level: Level, event: string, fields: Record<string, unknown> = {}) {
  let threshold: keyof typeof rank = "info";
  try {
    threshold = config().LOG_LEVEL;
  } catch {
    // config errors are reported by the caller that parses it; keep logging
  }
  if (rank[level] > rank[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
  if (level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
