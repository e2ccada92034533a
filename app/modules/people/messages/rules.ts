import { z } from "zod";
import type { T } from "~/i18n";
import type { UserRole } from "~db/schema";
import { MINUTE } from "~/utils/durations";

/**
 * Direct messages between people: the rules, pure (no I/O), shared by the service and its tests.
 * One conversation per pair of people. A client opens it by writing to a designer; a designer never
 * writes first (cold messages are how a marketplace fills with spam). Once open, both may write,
 * unless either has blocked the other. See docs/decisions/0035-direct-messages.md.
 */

/** The longest message, in characters. */
export const MESSAGE_BODY_MAX = 4000;
/** Images one message may carry. */
export const MESSAGE_ATTACHMENTS_MAX = 1;
/** The largest attached image, in bytes (the reader stops past it). */
export const MESSAGE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Width × height of an attached image, checked from its header before any decoding. */
export const MESSAGE_ATTACHMENT_MAX_PIXELS = 40_000_000;
/** The kept copy's longest side: attachments are re-encoded (metadata stripped) at most this big. */
export const MESSAGE_ATTACHMENT_EDGE = 2048;
/** How long a message may stay unread before it is mailed (to someone who wants each one mailed). */
export const UNREAD_MAIL_DELAY_MS = 10 * MINUTE;
/** The inbox's preview of the last message, in characters. */
export const PREVIEW_LENGTH = 120;
/** The mail's excerpt of the latest unread message, in characters. */
export const MAIL_EXCERPT_LENGTH = 300;

export type MessageFailure =
  "not_found" | "self" | "cold" | "not_designer" | "blocked" | "about" | "empty" | "too_many_files";

/** A conversation's pair in its stored order: the lower id first. */
export function pairOf(a: string, b: string): { low: string; high: string } {
  return a < b ? { low: a, high: b } : { low: b, high: a };
}

export interface Party {
  id: string;
  role: UserRole;
}

/** May `sender` open a conversation with `recipient`? (There is none between them yet.) */
export function mayStart(input: {
  sender: Party;
  recipient: Party;
  blocked: boolean;
}): { ok: true } | { ok: false; reason: MessageFailure } {
  if (input.sender.id === input.recipient.id) return { ok: false, reason: "self" };
  if (input.sender.role !== "client") return { ok: false, reason: "cold" };
  if (input.recipient.role !== "designer") return { ok: false, reason: "not_designer" };
  if (input.blocked) return { ok: false, reason: "blocked" };
  return { ok: true };
}

export interface ConversationPair {
  userLow: string;
  userHigh: string;
  startedBy: string;
}

export const isParty = (c: ConversationPair, userId: string | null) =>
  userId !== null && (c.userLow === userId || c.userHigh === userId);

/** The other person of the conversation, for one of its parties. */
export const otherParty = (c: ConversationPair, userId: string) =>
  c.userLow === userId ? c.userHigh : c.userLow;

/** The person who was written to first: the designer of the conversation. */
export const designerOf = (c: ConversationPair) => otherParty(c, c.startedBy);

/** May `senderId` write in this conversation? Non-parties are told it does not exist. */
export function mayWrite(input: {
  conversation: ConversationPair;
  senderId: string;
  blocked: boolean;
}): { ok: true } | { ok: false; reason: MessageFailure } {
  if (!isParty(input.conversation, input.senderId)) return { ok: false, reason: "not_found" };
  if (input.blocked) return { ok: false, reason: "blocked" };
  return { ok: true };
}

/**
 * Whether the profile of a person offers its viewer a "Write to …" button: anyone but a
 * designer (a stranger is asked to log in first), and never on one's own profile.
 */
export function offersWriteButton(
  viewer: { id: string; role: UserRole } | null,
  profileOwner: { id: string; role: UserRole },
) {
  if (profileOwner.role !== "designer") return false;
  if (!viewer) return true;
  return viewer.id !== profileOwner.id && viewer.role === "client";
}

/** What a message is about: a contest, or an entry (by id), as the form's `about` field says it. */
export type About = { kind: "contest"; id: string } | { kind: "entry"; id: string };

export function readAbout(value: string | null | undefined): About | null {
  const m = /^(contest|entry):([a-z0-9]{1,40})$/.exec(value ?? "");
  return m ? { kind: m[1] as About["kind"], id: m[2]! } : null;
}

export const aboutValue = (about: About) => `${about.kind}:${about.id}`;

/**
 * May a message be about this entry? It must be the conversation's designer's own entry (so a
 * client cannot show one designer another's work, blind or not), and both people must see it.
 */
export function aboutEntryAllowed(input: {
  entryDesignerId: string;
  conversationDesignerId: string;
  visibleToBoth: boolean;
}) {
  return input.entryDesignerId === input.conversationDesignerId && input.visibleToBoth;
}

/** Has the other person read up to my last message? ("Seen", under it.) */
export function isSeen(myLastSeq: number | null, theirReadSeq: number) {
  return myLastSeq !== null && theirReadSeq >= myLastSeq;
}

/** A message's first words, on one line, for the inbox and the mail. */
export function preview(body: string, length = PREVIEW_LENGTH): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}

/** The message form's text fields, built per request with the reader's messages. */
export const messageSchema = (t: T) =>
  z.object({
    body: z
      .string()
      .trim()
      .max(MESSAGE_BODY_MAX, { error: t("messages.error.tooLong", { max: MESSAGE_BODY_MAX }) })
      .optional()
      .transform((v) => v ?? ""),
    about: z
      .string()
      .optional()
      .transform((v) => readAbout(v)),
  });

export type MessageInput = z.output<ReturnType<typeof messageSchema>>;
