import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import {
  ANSWER_WINDOW_MS,
  entryIdFromLink,
  mayRespond,
  phaseOf,
  readSubject,
  reportSchema,
} from "~/modules/support/reports";

const t = translator("en");
const open = (answered_at: number | null = null) => ({
  status: "open",
  answer_due_at: 1_000 + ANSWER_WINDOW_MS,
  answered_at,
});

describe("a report's phase", () => {
  it("is answering within the 24 hours, then queued; an answer queues it at once; a closed one is closed", () => {
    expect(phaseOf(open(), 1_000)).toBe("answering");
    expect(phaseOf(open(), 1_000 + ANSWER_WINDOW_MS - 1)).toBe("answering");
    expect(phaseOf(open(), 1_000 + ANSWER_WINDOW_MS)).toBe("queued");
    expect(phaseOf(open(2_000), 2_000)).toBe("queued");
    expect(phaseOf({ ...open(), status: "withdrawn" }, 1_000)).toBe("closed");
    expect(mayRespond(open(), 1_000)).toBe(true);
    expect(mayRespond(open(2_000), 2_000)).toBe(false);
  });
});

describe("the report form's input", () => {
  it("reads a subject and refuses anything else", () => {
    expect(readSubject("entry:abc123")).toEqual({ kind: "entry", id: "abc123" });
    expect(readSubject("profile:ana-souza")).toEqual({ kind: "profile", id: "ana-souza" });
    expect(readSubject("offer:abc")).toBeNull();
    expect(readSubject("entry:../x")).toBeNull();
    expect(readSubject(null)).toBeNull();
  });

  it("finds one of our entries in a link to its page", () => {
    expect(entryIdFromLink("https://concours.example/entries/abc123?v=1")).toBe("abc123");
    expect(entryIdFromLink("https://elsewhere.example/logo.png")).toBeNull();
  });

  it("asks a copy for the original's link, and a web address for it", () => {
    const parse = (v: Record<string, string>) => reportSchema(t).safeParse({ subject: "entry:a", ...v });
    const noLink = parse({ reason: "copied", body: "It is my logo, flipped." });
    expect(noLink.success).toBe(false);
    expect(noLink.error?.issues.map((i) => i.message)).toEqual([
      "For a copy, give the link to the original.",
    ]);
    expect(
      parse({ reason: "copied", body: "It is my logo, flipped.", originalUrl: "javascript:alert(1)" })
        .success,
    ).toBe(false);
    expect(parse({ reason: "spam", body: "Advertising, not a design." }).success).toBe(true);
    expect(
      parse({ reason: "copied", body: "It is my logo, flipped.", originalUrl: "https://x.example/a" })
        .success,
    ).toBe(true);
  });
});
