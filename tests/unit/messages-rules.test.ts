import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import {
  aboutEntryAllowed,
  aboutValue,
  designerOf,
  isParty,
  isSeen,
  MESSAGE_BODY_MAX,
  mayStart,
  mayWrite,
  messageSchema,
  offersWriteButton,
  otherParty,
  pairOf,
  preview,
  readAbout,
} from "~/modules/people/messages/rules";

const client = { id: "c1", role: "client" as const };
const designer = { id: "d1", role: "designer" as const };
const otherDesigner = { id: "d2", role: "designer" as const };
const otherClient = { id: "c2", role: "client" as const };

describe("who may open a conversation", () => {
  it("a client, with a designer", () => {
    expect(mayStart({ sender: client, recipient: designer, blocked: false })).toEqual({ ok: true });
  });
  it("never a designer, whoever they write to (no cold messages)", () => {
    for (const recipient of [client, otherDesigner])
      expect(mayStart({ sender: designer, recipient, blocked: false })).toEqual({
        ok: false,
        reason: "cold",
      });
  });
  it("not with another client, nor with oneself, nor across a block", () => {
    expect(mayStart({ sender: client, recipient: otherClient, blocked: false })).toEqual({
      ok: false,
      reason: "not_designer",
    });
    expect(mayStart({ sender: client, recipient: client, blocked: false })).toEqual({
      ok: false,
      reason: "self",
    });
    expect(mayStart({ sender: client, recipient: designer, blocked: true })).toEqual({
      ok: false,
      reason: "blocked",
    });
  });
});

describe("a conversation's pair", () => {
  it("is the same whichever of the two comes first", () => {
    expect(pairOf("b", "a")).toEqual(pairOf("a", "b"));
    expect(pairOf("a", "b")).toEqual({ low: "a", high: "b" });
  });
  const conversation = { userLow: "c1", userHigh: "d1", startedBy: "c1" };
  it("has two parties and no one else", () => {
    expect(isParty(conversation, "c1")).toBe(true);
    expect(isParty(conversation, "d1")).toBe(true);
    expect(isParty(conversation, "d2")).toBe(false);
    expect(isParty(conversation, null)).toBe(false);
    expect(otherParty(conversation, "c1")).toBe("d1");
    expect(otherParty(conversation, "d1")).toBe("c1");
  });
  it("its designer is the one who was written to", () => {
    expect(designerOf(conversation)).toBe("d1");
    expect(designerOf({ userLow: "a", userHigh: "z", startedBy: "z" })).toBe("a");
  });
  it("once open, both may write; outsiders are told it does not exist; a block stops both", () => {
    expect(mayWrite({ conversation, senderId: "d1", blocked: false })).toEqual({ ok: true });
    expect(mayWrite({ conversation, senderId: "c1", blocked: false })).toEqual({ ok: true });
    expect(mayWrite({ conversation, senderId: "d2", blocked: false })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(mayWrite({ conversation, senderId: "d2", blocked: true })).toEqual({
      ok: false,
      reason: "not_found",
    });
    for (const senderId of ["c1", "d1"])
      expect(mayWrite({ conversation, senderId, blocked: true })).toEqual({ ok: false, reason: "blocked" });
  });
});

describe("what a message may be about", () => {
  it("reads only a contest or an entry id from the form", () => {
    expect(readAbout("entry:abc123")).toEqual({ kind: "entry", id: "abc123" });
    expect(readAbout("contest:x9")).toEqual({ kind: "contest", id: "x9" });
    for (const bad of ["", null, undefined, "user:abc", "entry:", "entry:ABC", "entry:a b", "entry:a/../b"])
      expect(readAbout(bad)).toBeNull();
    expect(aboutValue({ kind: "entry", id: "abc" })).toBe("entry:abc");
  });
  it("an entry only of the conversation's designer, and only one both may see", () => {
    expect(
      aboutEntryAllowed({ entryDesignerId: "d1", conversationDesignerId: "d1", visibleToBoth: true }),
    ).toBe(true);
    // Another designer's entry: never, even where both could see it.
    expect(
      aboutEntryAllowed({ entryDesignerId: "d2", conversationDesignerId: "d1", visibleToBoth: true }),
    ).toBe(false);
    expect(
      aboutEntryAllowed({ entryDesignerId: "d1", conversationDesignerId: "d1", visibleToBoth: false }),
    ).toBe(false);
  });
});

describe("the profile's Write button", () => {
  it("is offered to clients and to strangers (who log in first), never to designers nor on one's own profile", () => {
    expect(offersWriteButton(client, designer)).toBe(true);
    expect(offersWriteButton(null, designer)).toBe(true);
    expect(offersWriteButton(otherDesigner, designer)).toBe(false);
    expect(offersWriteButton({ id: "d1", role: "client" }, { id: "d1", role: "designer" })).toBe(false);
    expect(offersWriteButton(client, otherClient)).toBe(false);
  });
});

describe("read receipts and previews", () => {
  it("“Seen” once the other person has read up to my last message", () => {
    expect(isSeen(3, 3)).toBe(true);
    expect(isSeen(3, 5)).toBe(true);
    expect(isSeen(3, 2)).toBe(false);
    expect(isSeen(null, 9)).toBe(false);
  });
  it("a preview is one line, cut with an ellipsis", () => {
    expect(preview("Hello\n\n  there ")).toBe("Hello there");
    const long = preview("word ".repeat(100), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("the message form", () => {
  const t = translator("en");
  it("trims the body, reads the about link, and refuses a body that is too long in the reader's words", () => {
    expect(messageSchema(t).parse({ body: "  hi  ", about: "entry:abc" })).toEqual({
      body: "hi",
      about: { kind: "entry", id: "abc" },
    });
    expect(messageSchema(t).parse({})).toEqual({ body: "", about: null });
    const tooLong = messageSchema(translator("fr-CA")).safeParse({ body: "x".repeat(MESSAGE_BODY_MAX + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe(
      `Un message peut compter au plus ${new Intl.NumberFormat("fr-CA").format(MESSAGE_BODY_MAX)} caractères.`,
    );
  });
});
