import { pingDatabase } from "~db/index";

export async function checkHealth() {
  const database = await pingDatabase();
  return { ok: database, database: database ? ("up" as const) : ("down" as const) };
}
