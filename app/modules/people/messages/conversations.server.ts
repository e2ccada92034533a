import type { Readable } from "node:stream";
import { db, transaction, type DB, type Trx } from "~db/index";
import type { ConversationRow, UserRole } from "~db/schema";
import { blobStore, keys } from "~storage/index";
import type { Locale } from "~/i18n";
import { now, orderedNow } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { canViewContest, contestAccess } from "~/modules/contests/access.server";
import { loadContest } from "~/modules/contests/contests.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { getEntryForViewer } from "~/modules/entries/entries.server";
import { entryPaths } from "~/modules/entries/paths";
import { enqueueJob } from "~/modules/jobs/queue.server";
import { mailPreferences, nextDigestAt } from "~/modules/notify/notifications.server";
import { refusal, Refused, type Refusal } from "~/modules/refusal";
import { profilePath } from "../profiles";
import { messagePaths } from "./paths";
import type { PreparedAttachment } from "./attachments.server";
import {
  aboutEntryAllowed,
  designerOf,
  isParty,
  isSeen,
  mayStart,
  mayWrite,
  offersWriteButton,
  otherParty,
  pairOf,
  preview,
  UNREAD_MAIL_DELAY_MS,
  type About,
  type ConversationPair,
  type MessageFailure,
} from "./rules";

/**
 * Direct messages: the one owner of who may read and write a conversation (rules.ts decides, this
 * applies it in transactions). Anyone who is not one of the two parties is told the conversation
 * does not exist. E-mail addresses never leave this module: people are named by display name.
 */

export type { MessageFailure };
export { messagePaths };
export const MESSAGE_MAIL_JOB = "messages.mail_unread";

type Executor = DB | Trx;

const pairFromRow = (row: ConversationRow): ConversationPair => ({
  userLow: row.user_low,
  userHigh: row.user_high,
  startedBy: row.started_by,
});

async function personById(q: Executor, id: string) {
  return q
    .selectFrom("users")
    .select(["id", "display_name", "handle", "role"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Has either person blocked the other? */
async function isBlockedPair(q: Executor, a: string, b: string): Promise<boolean> {
  const row = await q
    .selectFrom("user_blocks")
    .select("blocker_id")
    .where((eb) =>
      eb.or([
        eb.and([eb("blocker_id", "=", a), eb("blocked_id", "=", b)]),
        eb.and([eb("blocker_id", "=", b), eb("blocked_id", "=", a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

async function conversationBetween(q: Executor, a: string, b: string) {
  const { low, high } = pairOf(a, b);
  return q
    .selectFrom("conversations")
    .selectAll()
    .where("user_low", "=", low)
    .where("user_high", "=", high)
    .executeTakeFirst();
}

/** The conversation, for one of its parties only (null for anyone else: a 404). */
async function conversationFor(q: Executor, conversationId: string, userId: string | null) {
  const row = await q
    .selectFrom("conversations")
    .selectAll()
    .where("id", "=", conversationId)
    .executeTakeFirst();
  return row && isParty(pairFromRow(row), userId) ? row : null;
}

/** Is this person one of the conversation's two parties? (Checked before a message's body is read.) */
export async function isConversationParty(conversationId: string, userId: string) {
  return (await conversationFor(db(), conversationId, userId)) !== null;
}

// ---- starting and writing ---------------------------------------------------------------------

export interface WriteTarget {
  /** The designer to write to, as shown (never their e-mail address). */
  name: string;
  handle: string;
  /** The conversation the two already have: write there instead. */
  conversationId: string | null;
  /** Why this person may not write to them (a new conversation), if they may not. */
  refusal: Refusal<"message"> | null;
}

/** For the compose page and the profile's button: may `senderId` write to the person at `handle`? */
export async function writeTarget(input: { senderId: string; handle: string }): Promise<WriteTarget | null> {
  const recipient = await db()
    .selectFrom("users")
    .select(["id", "display_name", "handle", "role"])
    .where("handle", "=", input.handle.toLowerCase())
    .executeTakeFirst();
  const sender = await personById(db(), input.senderId);
  if (!recipient?.handle || !sender) return null;
  const existing = await conversationBetween(db(), sender.id, recipient.id);
  const blocked = await isBlockedPair(db(), sender.id, recipient.id);
  const decision = existing
    ? mayWrite({ conversation: pairFromRow(existing), senderId: sender.id, blocked })
    : mayStart({ sender, recipient, blocked });
  return {
    name: recipient.display_name,
    handle: recipient.handle,
    conversationId: existing?.id ?? null,
    refusal: decision.ok ? null : refusal("message", decision.reason),
  };
}

/**
 * Where a "Write to …" link leads for this viewer, or null when none is offered: on a designer's
 * profile (by handle), or on an entry (about it) whose designer this viewer is shown.
 */
export async function writeHref(
  viewer: { id: string; role: UserRole } | null,
  to: { handle: string | null; about?: About },
): Promise<string | null> {
  if (!to.handle) return null;
  const owner = await db()
    .selectFrom("users")
    .select(["id", "role"])
    .where("handle", "=", to.handle)
    .executeTakeFirst();
  if (!owner || !offersWriteButton(viewer, owner)) return null;
  return messagePaths.write(to.handle, to.about);
}

export interface MessageDraft {
  body: string;
  about: About | null;
  attachment: PreparedAttachment | null;
}

export type SendResult = { ok: true; conversationId: string; messageId: string } | Refusal<"message">;

/** A client writes to a designer: the first message opens their conversation (or goes on in it). */
export async function writeTo(input: {
  senderId: string;
  handle: string;
  draft: MessageDraft;
}): Promise<SendResult> {
  const target = await writeTarget({ senderId: input.senderId, handle: input.handle });
  if (!target) return refusal("message", "not_found");
  if (target.refusal) return target.refusal;
  if (target.conversationId) return sendMessage({ ...input, conversationId: target.conversationId });
  const recipient = await db()
    .selectFrom("users")
    .select(["id", "role"])
    .where("handle", "=", target.handle)
    .executeTakeFirstOrThrow();
  return send({ senderId: input.senderId, draft: input.draft, open: { recipientId: recipient.id } });
}

/** One of the two parties writes in their conversation. */
export async function sendMessage(input: {
  conversationId: string;
  senderId: string;
  draft: MessageDraft;
}): Promise<SendResult> {
  return send({ senderId: input.senderId, draft: input.draft, conversationId: input.conversationId });
}

type SendTo =
  | { conversationId: string; open?: undefined }
  | { open: { recipientId: string }; conversationId?: undefined };

async function send(input: { senderId: string; draft: MessageDraft } & SendTo): Promise<SendResult> {
  const { draft } = input;
  if (!draft.body && !draft.attachment) return refusal("message", "empty");
  // The "about" link is checked before anything is written (it reads through the visibility owners).
  const parties = await partiesOf(input);
  if (!parties.ok) return parties;
  if (draft.about && !(await aboutAllowed(draft.about, parties))) return refusal("message", "about");

  const messageId = newId();
  const attachmentId = newId();
  let stored: string | null = null;
  try {
    return await transaction(async (trx) => {
      const conversation = input.open
        ? await openConversation(trx, input.senderId, input.open.recipientId)
        : await writableConversation(trx, input.conversationId, input.senderId);
      const at = orderedNow();
      const bumped = await trx
        .updateTable("conversations")
        .set((eb) => ({ last_seq: eb("last_seq", "+", 1), last_message_at: at }))
        .where("id", "=", conversation.id)
        .returning("last_seq")
        .executeTakeFirstOrThrow();
      const seq = Number(bumped.last_seq);
      await trx
        .insertInto("messages")
        .values({
          id: messageId,
          conversation_id: conversation.id,
          seq,
          sender_id: input.senderId,
          body: draft.body,
          about_contest_id: draft.about?.kind === "contest" ? draft.about.id : null,
          about_entry_id: draft.about?.kind === "entry" ? draft.about.id : null,
          created_at: at,
        })
        .execute();
      // The sender has read their own conversation up to what they wrote.
      await trx
        .updateTable("conversation_reads")
        .set({ read_seq: seq, read_at: at })
        .where("conversation_id", "=", conversation.id)
        .where("user_id", "=", input.senderId)
        .execute();
      if (draft.attachment) {
        const key = keys.messageAttachment(conversation.id, attachmentId);
        await blobStore().put(key, draft.attachment.bytes, { contentType: draft.attachment.contentType });
        stored = key;
        await trx
          .insertInto("message_attachments")
          .values({
            id: attachmentId,
            message_id: messageId,
            conversation_id: conversation.id,
            blob_key: key,
            file_name: draft.attachment.fileName,
            content_type: draft.attachment.contentType,
            bytes: draft.attachment.bytes.length,
            width: draft.attachment.width,
            height: draft.attachment.height,
            created_at: at,
          })
          .execute();
      }
      await scheduleUnreadMail(trx, {
        conversationId: conversation.id,
        recipientId: otherParty(pairFromRow(conversation), input.senderId),
        seq,
        at,
      });
      return { ok: true as const, conversationId: conversation.id, messageId };
    });
  } catch (error) {
    if (stored) await blobStore().delete(stored);
    if (error instanceof Refused && error.area === "message") return error.refusal as Refusal<"message">;
    throw error;
  }
}

/** Who the message is between: the sender and the other party (for checking its "about" link). */
async function partiesOf(
  input: { senderId: string } & SendTo,
): Promise<{ ok: true; designerId: string; clientId: string } | Refusal<"message">> {
  if (input.open) return { ok: true, designerId: input.open.recipientId, clientId: input.senderId };
  const row = await conversationFor(db(), input.conversationId, input.senderId);
  if (!row) return refusal("message", "not_found");
  const designerId = designerOf(pairFromRow(row));
  return { ok: true, designerId, clientId: otherParty(pairFromRow(row), designerId) };
}

/**
 * A message may be about a contest both people may see, or about an entry of the conversation's
 * designer that both may see (read through the contests' and entries' visibility owners).
 */
async function aboutAllowed(about: About, parties: { designerId: string; clientId: string }) {
  const both = [parties.designerId, parties.clientId];
  if (about.kind === "contest") {
    for (const id of both) if (!(await canViewContest(db(), about.id, id))) return false;
    return true;
  }
  const seen = await Promise.all(
    both.map((viewerId) => getEntryForViewer({ entryId: about.id, viewerId, locale: "en" })),
  );
  const entry = seen[0]?.entry;
  return aboutEntryAllowed({
    entryDesignerId: entry?.designerId ?? "",
    conversationDesignerId: parties.designerId,
    visibleToBoth: seen.every((s) => s !== null),
  });
}

/** A new conversation for the pair, checked again under the write lock (a race makes one, not two). */
async function openConversation(trx: Trx, senderId: string, recipientId: string) {
  const [sender, recipient] = await Promise.all([personById(trx, senderId), personById(trx, recipientId)]);
  if (!sender || !recipient) throw new Refused("message", "not_found");
  const existing = await conversationBetween(trx, senderId, recipientId);
  if (existing) return writableConversation(trx, existing.id, senderId);
  const decision = mayStart({ sender, recipient, blocked: await isBlockedPair(trx, senderId, recipientId) });
  if (!decision.ok) throw new Refused("message", decision.reason);
  const { low, high } = pairOf(senderId, recipientId);
  const at = now();
  const row = {
    id: newId(),
    user_low: low,
    user_high: high,
    started_by: senderId,
    last_seq: 0,
    last_message_at: at,
    created_at: at,
  };
  const inserted = await trx
    .insertInto("conversations")
    .values(row)
    .onConflict((oc) => oc.columns(["user_low", "user_high"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const raced = await conversationBetween(trx, senderId, recipientId);
    if (!raced) throw new Refused("message", "not_found");
    return writableConversation(trx, raced.id, senderId);
  }
  await trx
    .insertInto("conversation_reads")
    .values([low, high].map((user_id) => ({ conversation_id: row.id, user_id })))
    .execute();
  return row;
}

async function writableConversation(trx: Trx, conversationId: string, senderId: string) {
  const row = await conversationFor(trx, conversationId, senderId);
  if (!row) throw new Refused("message", "not_found");
  const other = otherParty(pairFromRow(row), senderId);
  const decision = mayWrite({
    conversation: pairFromRow(row),
    senderId,
    blocked: await isBlockedPair(trx, senderId, other),
  });
  if (!decision.ok) throw new Refused("message", decision.reason);
  return row;
}

// ---- reading ------------------------------------------------------------------------------------

export interface MessageView {
  id: string;
  seq: number;
  mine: boolean;
  body: string;
  createdAt: number;
  about: { href: string; kind: "contest" | "entry"; title: string; number: number | null } | null;
  attachments: { id: string; url: string; fileName: string; width: number; height: number }[];
}

export interface ConversationView {
  id: string;
  other: { name: string; handle: string | null; profileHref: string | null };
  messages: MessageView[];
  /** "Seen" goes under this message of mine (the other person has read up to it), if any. */
  seenSeq: number | null;
  seenAt: number | null;
  /** Who blocked whom, between the two. */
  iBlocked: boolean;
  blockedMe: boolean;
  /** Neither has blocked the other. */
  canWrite: boolean;
}

const MESSAGES_SHOWN = 200;

/**
 * A conversation for one of its two parties, with its last messages; reading it marks it read up
 * to its last message. Null for anyone else (answer 404).
 */
export async function readConversation(input: {
  conversationId: string;
  viewerId: string;
  locale: Locale;
}): Promise<ConversationView | null> {
  const row = await conversationFor(db(), input.conversationId, input.viewerId);
  if (!row) return null;
  const pair = pairFromRow(row);
  const otherId = otherParty(pair, input.viewerId);
  const [other, messages, reads, blocks] = await Promise.all([
    personById(db(), otherId),
    db()
      .selectFrom("messages")
      .selectAll()
      .where("conversation_id", "=", row.id)
      .orderBy("seq", "desc")
      .limit(MESSAGES_SHOWN)
      .execute(),
    db().selectFrom("conversation_reads").selectAll().where("conversation_id", "=", row.id).execute(),
    db()
      .selectFrom("user_blocks")
      .select(["blocker_id", "blocked_id"])
      .where((eb) =>
        eb.or([
          eb.and([eb("blocker_id", "=", input.viewerId), eb("blocked_id", "=", otherId)]),
          eb.and([eb("blocker_id", "=", otherId), eb("blocked_id", "=", input.viewerId)]),
        ]),
      )
      .execute(),
  ]);
  messages.reverse();
  const attachments = messages.length
    ? await db()
        .selectFrom("message_attachments")
        .select(["id", "message_id", "file_name", "width", "height"])
        .where(
          "message_id",
          "in",
          messages.map((m) => m.id),
        )
        .orderBy("created_at")
        .execute()
    : [];
  const abouts = await aboutLinks(messages, input.viewerId, input.locale);

  const theirs = reads.find((r) => r.user_id === otherId);
  const mine = reads.find((r) => r.user_id === input.viewerId);
  const myLast = [...messages].reverse().find((m) => m.sender_id === input.viewerId)?.seq ?? null;
  const seen = isSeen(myLast, Number(theirs?.read_seq ?? 0));
  if (Number(mine?.read_seq ?? 0) < row.last_seq) {
    await db()
      .updateTable("conversation_reads")
      .set({ read_seq: row.last_seq, read_at: now() })
      .where("conversation_id", "=", row.id)
      .where("user_id", "=", input.viewerId)
      .where("read_seq", "<", row.last_seq)
      .execute();
  }
  const iBlocked = blocks.some((b) => b.blocker_id === input.viewerId);
  const blockedMe = blocks.some((b) => b.blocker_id === otherId);
  return {
    id: row.id,
    other: {
      name: other?.display_name ?? "",
      handle: other?.handle ?? null,
      profileHref: other?.role === "designer" && other.handle ? profilePath(other.handle) : null,
    },
    messages: messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      mine: m.sender_id === input.viewerId,
      body: m.body,
      createdAt: m.created_at,
      about: abouts.get(m.id) ?? null,
      attachments: attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({
          id: a.id,
          url: messagePaths.attachment(row.id, a.id),
          fileName: a.file_name,
          width: a.width,
          height: a.height,
        })),
    })),
    seenSeq: seen ? myLast : null,
    seenAt: seen ? (theirs?.read_at ?? null) : null,
    iBlocked,
    blockedMe,
    canWrite: !iBlocked && !blockedMe,
  };
}

/**
 * An "about" link as this viewer may follow it now: the entry or contest read through its
 * visibility owner, at reading time (a link the viewer may no longer see is left out: null).
 */
export async function aboutLink(
  about: About,
  viewerId: string,
  locale: Locale,
): Promise<MessageView["about"]> {
  if (about.kind === "entry") {
    const found = await getEntryForViewer({ entryId: about.id, viewerId, locale });
    return found
      ? {
          kind: "entry",
          href: entryPaths.page(found.entry.id),
          title: found.contest.title,
          number: found.entry.number,
        }
      : null;
  }
  const contest = await loadContest(db(), about.id);
  if (!contest || !(await contestAccess(db(), contest, viewerId)).canView) return null;
  return { kind: "contest", href: contestPaths.page(contest.id), title: contest.title, number: null };
}

async function aboutLinks(
  messages: { id: string; about_contest_id: string | null; about_entry_id: string | null }[],
  viewerId: string,
  locale: Locale,
) {
  const links = new Map<string, NonNullable<MessageView["about"]>>();
  for (const m of messages) {
    const about: About | null = m.about_entry_id
      ? { kind: "entry", id: m.about_entry_id }
      : m.about_contest_id
        ? { kind: "contest", id: m.about_contest_id }
        : null;
    const link = about ? await aboutLink(about, viewerId, locale) : null;
    if (link) links.set(m.id, link);
  }
  return links;
}

export interface InboxItem {
  id: string;
  href: string;
  other: { name: string; profileHref: string | null };
  preview: string;
  lastFromMe: boolean;
  hasAttachment: boolean;
  lastMessageAt: number;
  unread: number;
}

const INBOX_SHOWN = 100;

/** The person's conversations, the newest first, with the other person, a preview and unread counts. */
export async function listInbox(userId: string): Promise<InboxItem[]> {
  const rows = await db()
    .selectFrom("conversations")
    .innerJoin("conversation_reads as r", (join) =>
      join.onRef("r.conversation_id", "=", "conversations.id").on("r.user_id", "=", userId),
    )
    .innerJoin("messages as last", (join) =>
      join
        .onRef("last.conversation_id", "=", "conversations.id")
        .onRef("last.seq", "=", "conversations.last_seq"),
    )
    .select([
      "conversations.id",
      "conversations.user_low",
      "conversations.user_high",
      "conversations.last_message_at",
      "r.read_seq",
      "last.id as last_id",
      "last.body as last_body",
      "last.sender_id as last_sender",
    ])
    .where((eb) =>
      eb.or([eb("conversations.user_low", "=", userId), eb("conversations.user_high", "=", userId)]),
    )
    .orderBy("conversations.last_message_at", "desc")
    .orderBy("conversations.id", "desc")
    .limit(INBOX_SHOWN)
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const otherIds = rows.map((r) => (r.user_low === userId ? r.user_high : r.user_low));
  const [people, unread, withFiles] = await Promise.all([
    db()
      .selectFrom("users")
      .select(["id", "display_name", "handle", "role"])
      .where("id", "in", otherIds)
      .execute(),
    unreadBy(userId, ids),
    db()
      .selectFrom("message_attachments")
      .select("message_id")
      .where(
        "message_id",
        "in",
        rows.map((r) => r.last_id),
      )
      .execute(),
  ]);
  return rows.map((r, i) => {
    const other = people.find((p) => p.id === otherIds[i]);
    return {
      id: r.id,
      href: messagePaths.conversation(r.id),
      other: {
        name: other?.display_name ?? "",
        profileHref: other?.role === "designer" && other.handle ? profilePath(other.handle) : null,
      },
      preview: preview(r.last_body),
      lastFromMe: r.last_sender === userId,
      hasAttachment: withFiles.some((f) => f.message_id === r.last_id),
      lastMessageAt: r.last_message_at,
      unread: unread.get(r.id) ?? 0,
    };
  });
}

/** Messages written to `userId` that they have not read, per conversation. */
async function unreadBy(userId: string, conversationIds?: string[]) {
  let query = db()
    .selectFrom("messages")
    .innerJoin("conversation_reads as r", (join) =>
      join.onRef("r.conversation_id", "=", "messages.conversation_id").on("r.user_id", "=", userId),
    )
    .select(["messages.conversation_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("messages.sender_id", "<>", userId)
    .whereRef("messages.seq", ">", "r.read_seq")
    .groupBy("messages.conversation_id");
  if (conversationIds) query = query.where("messages.conversation_id", "in", conversationIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
}

/** For the header: how many messages written to this person they have not read. */
export async function unreadMessageCount(userId: string): Promise<number> {
  let total = 0;
  for (const n of (await unreadBy(userId)).values()) total += n;
  return total;
}

// ---- blocking -----------------------------------------------------------------------------------

/** One party blocks (or unblocks) the other: a blocked pair cannot write, in either direction. */
export async function setBlocked(input: {
  conversationId: string;
  userId: string;
  blocked: boolean;
}): Promise<{ ok: true } | Refusal<"message", "not_found">> {
  const row = await conversationFor(db(), input.conversationId, input.userId);
  if (!row) return refusal("message", "not_found");
  const otherId = otherParty(pairFromRow(row), input.userId);
  if (input.blocked) {
    await db()
      .insertInto("user_blocks")
      .values({ blocker_id: input.userId, blocked_id: otherId, created_at: now() })
      .onConflict((oc) => oc.columns(["blocker_id", "blocked_id"]).doNothing())
      .execute();
  } else {
    await db()
      .deleteFrom("user_blocks")
      .where("blocker_id", "=", input.userId)
      .where("blocked_id", "=", otherId)
      .execute();
  }
  return { ok: true };
}

// ---- attachments --------------------------------------------------------------------------------

/** An attached image's bytes, for the two parties only; null (a 404) for anyone else. */
export async function openAttachment(input: {
  conversationId: string;
  attachmentId: string;
  viewerId: string | null;
}): Promise<{ body: Readable; contentType: string; size: number } | null> {
  const row = await conversationFor(db(), input.conversationId, input.viewerId);
  if (!row) return null;
  const attachment = await db()
    .selectFrom("message_attachments")
    .select(["blob_key"])
    .where("id", "=", input.attachmentId)
    .where("conversation_id", "=", row.id)
    .executeTakeFirst();
  if (!attachment) return null;
  const blob = await blobStore().get(attachment.blob_key);
  if (!blob) return null;
  return { body: blob.body, contentType: blob.info.contentType, size: blob.info.size };
}

// ---- mail for unread messages -------------------------------------------------------------------

/** The mail about an unread message, at the time the recipient's choice says (or none). */
async function scheduleUnreadMail(
  trx: Trx,
  input: { conversationId: string; recipientId: string; seq: number; at: number },
) {
  const delivery = (await mailPreferences(input.recipientId, trx)).messages;
  if (delivery === "app") return;
  const runAt = delivery === "daily" ? nextDigestAt(input.at) : input.at + UNREAD_MAIL_DELAY_MS;
  await enqueueJob(trx, {
    kind: MESSAGE_MAIL_JOB,
    payload: { conversationId: input.conversationId, recipientId: input.recipientId },
    runAt,
    // "each": one job per message; "daily": one per conversation and digest slot.
    uniqueKey:
      delivery === "daily"
        ? `${MESSAGE_MAIL_JOB}:${input.conversationId}:${input.recipientId}:${runAt}`
        : `${MESSAGE_MAIL_JOB}:${input.conversationId}:${input.recipientId}:${input.seq}`,
  });
}
