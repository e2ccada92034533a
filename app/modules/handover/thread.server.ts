import { db, transaction } from "~db/index";
import { orderedNow } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { notifyUsers } from "../notify/notifications.server";
import { loadHandoverParty } from "./access.server";
import { MAX_MESSAGE_LENGTH } from "./forms";

export interface HandoverMessage {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: number;
}

/** The thread between the client and the winner, oldest first. */
export async function listMessages(contestId: string): Promise<HandoverMessage[]> {
  const rows = await db()
    .selectFrom("handover_messages")
    .innerJoin("users", "users.id", "handover_messages.author_id")
    .select([
      "handover_messages.id",
      "handover_messages.author_id",
      "handover_messages.body",
      "handover_messages.created_at",
      "users.display_name",
    ])
    .where("handover_messages.contest_id", "=", contestId)
    .orderBy("handover_messages.created_at")
    .orderBy("handover_messages.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    authorName: r.display_name,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** One of the two parties writes to the other (who is notified). */
export async function postMessage(input: {
  contestId: string;
  userId: string;
  body: string;
}): Promise<{ ok: true; id: string } | { ok: false; reason: "not_found" }> {
  return transaction(async (trx) => {
    const party = await loadHandoverParty(trx, input.contestId, input.userId);
    if (!party) return { ok: false, reason: "not_found" } as const;
    const id = newId();
    await trx
      .insertInto("handover_messages")
      .values({
        id,
        contest_id: input.contestId,
        author_id: input.userId,
        body: input.body.slice(0, MAX_MESSAGE_LENGTH),
        created_at: orderedNow(),
      })
      .execute();
    const author = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", input.userId)
      .executeTakeFirstOrThrow();
    const other = party.role === "client" ? party.contest.winnerId : party.contest.clientId;
    await notifyUsers(trx, [other], {
      kind: "handover.message",
      contestId: input.contestId,
      data: { name: author.display_name },
    });
    return { ok: true, id } as const;
  });
}
