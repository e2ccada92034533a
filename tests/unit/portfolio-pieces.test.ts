import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { PIECE_DESCRIPTION_MAX, PIECE_TITLE_MAX, pieceSchema } from "~/modules/people/pieces";

const parse = (fields: Record<string, string>, locale: "en" | "fr-CA" = "en") =>
  pieceSchema(translator(locale)).safeParse(fields);
const messages = (r: ReturnType<typeof parse>) =>
  r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));

describe("the portfolio piece form", () => {
  it("keeps a trimmed title, a known category and an optional description", () => {
    expect(parse({ title: "  Café sign ", category: "logo" })).toMatchObject({
      success: true,
      data: { title: "Café sign", category: "logo", description: "" },
    });
    expect(parse({ title: "Menu", category: "illustration", description: " For Chez Paul. " }).data).toEqual({
      title: "Menu",
      category: "illustration",
      description: "For Chez Paul.",
    });
  });

  it("refuses a blank title, an unknown category and long text, in the reader's language", () => {
    expect(messages(parse({ title: "   ", category: "rocket" }))).toEqual({
      title: "Please fill this in.",
      category: "Choose the kind of design this is.",
    });
    const long = parse({
      title: "x".repeat(PIECE_TITLE_MAX + 1),
      category: "logo",
      description: "y".repeat(PIECE_DESCRIPTION_MAX + 1),
    });
    expect(messages(long)).toEqual({
      title: `Keep this under ${PIECE_TITLE_MAX} characters.`,
      description: `Keep this under ${PIECE_DESCRIPTION_MAX} characters.`,
    });
    expect(messages(parse({ title: "Ok", category: "rocket" }, "fr-CA")).category).toBe(
      "Choisissez le type de création.",
    );
    expect(parse({ title: "x".repeat(PIECE_TITLE_MAX), category: "logo" }).success).toBe(true);
  });
});
