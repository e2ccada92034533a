import { z } from "zod";

/**
 * The console's forms. The reason is read as given and checked by the module (a refusal with a
 * message when it is missing), so that every decision's rule lives in one place.
 */
const reason = z.string().optional();
const id = z.string().min(1).max(64);

export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suspend"), reason }),
  z.object({ intent: z.literal("reinstate"), reason }),
  z.object({ intent: z.literal("resend"), mailId: id, reason }),
]);

export const contestActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide"), entryId: id, reason }),
  z.object({ intent: z.literal("unhide"), entryId: id, reason }),
  z.object({ intent: z.literal("extend"), days: z.coerce.number().int(), reason }),
  z.object({ intent: z.literal("refund"), reason }),
  z.object({ intent: z.literal("pick_winner"), entryId: id, reason }),
  z.object({ intent: z.literal("award"), designerId: id, reason }),
  z.object({ intent: z.literal("release"), reason }),
]);

/** A console list's page number and search words from the query string. */
export function listParams(url: URL): { q: string; page: number } {
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
