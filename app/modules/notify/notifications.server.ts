import { db, type DB, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";

export interface NotificationInput {
  kind: string;
  contestId?: string | null;
  entryId?: string | null;
  data?: Record<string, unknown>;
}

/** In-app notifications, written in the caller's transaction (they exist iff the change does). */
export async function notifyUsers(trx: Trx | DB, userIds: Iterable<string>, input: NotificationInput) {
  const at = now();
  const rows = [...new Set(userIds)].map((userId) => ({
    id: newId(),
    user_id: userId,
    kind: input.kind,
    contest_id: input.contestId ?? null,
    entry_id: input.entryId ?? null,
    data: JSON.stringify(input.data ?? {}),
    created_at: at,
  }));
  if (rows.length) await trx.insertInto("notifications").values(rows).execute();
}

export async function listNotifications(userId: string, limit = 50) {
  const rows = await db()
    .selectFrom("notifications")
    .leftJoin("contests", "contests.id", "notifications.contest_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.contest_id",
      "notifications.entry_id",
      "notifications.data",
      "notifications.created_at",
      "notifications.read_at",
      "contests.title as contest_title",
    ])
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    contestId: r.contest_id,
    contestTitle: r.contest_title,
    entryId: r.entry_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export async function unreadCount(userId: string): Promise<number> {
  const row = await db()
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(userId: string) {
  await db()
    .updateTable("notifications")
    .set({ read_at: now() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}
