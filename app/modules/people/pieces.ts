import { z } from "zod";
import type { T } from "~/i18n";
import { CATEGORY_KEYS, type Category } from "../contests/brief";

/** How many pieces a designer may keep on their profile (processing and ready ones count). */
export const PIECES_MAX = 60;
/** How many of their own pieces the profile itself shows; the rest are a link away. */
export const PROFILE_PIECES_SHOWN = 12;
/** Pieces per page of the designer's full list of work. */
export const PIECES_PAGE_SIZE = 24;
export const PIECE_TITLE_MAX = 120;
export const PIECE_DESCRIPTION_MAX = 500;

/** Where a designer's work lives (shared by routes, components and modules). */
export const piecePaths = {
  mine: "/account/portfolio",
  api: "/api/account/portfolio",
  all: (handle: string) => `/designers/${handle}/work`,
  page: (handle: string, pieceId: string) => `/designers/${handle}/work/${pieceId}`,
};

/** The piece form's text fields, built per request with the reader's messages. */
export const pieceSchema = (t: T) =>
  z.object({
    title: z
      .string({ error: t("validation.required") })
      .trim()
      .min(1, { error: t("validation.required") })
      .max(PIECE_TITLE_MAX, { error: t("brief.error.tooLong", { max: PIECE_TITLE_MAX }) }),
    category: z.enum(CATEGORY_KEYS as [Category, ...Category[]], { error: t("portfolio.error.category") }),
    description: z
      .string()
      .trim()
      .max(PIECE_DESCRIPTION_MAX, { error: t("brief.error.tooLong", { max: PIECE_DESCRIPTION_MAX }) })
      .optional()
      .transform((v) => v ?? ""),
  });

export type PieceInput = z.output<ReturnType<typeof pieceSchema>>;
