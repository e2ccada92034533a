import type { SubmissionResult, useForm } from "@conform-to/react";
import type { StyleAxis } from "~/modules/contests/brief";

export type Result = SubmissionResult<string[]> | undefined;
/** What each form posts, as conform sees it: field names to the strings typed. */
export type Shape<K extends string> = { [key in K]?: string };
export type BasicsShape = Shape<"category" | "title" | "businessName">;
export type AboutShape = Shape<"description" | "industry" | "audience" | "mustHaves">;
export type StyleShape = Shape<StyleAxis | "colorsUse" | "colorsAvoid"> & { deliverables?: string[] };
export type PrizeShape = Shape<
  | "currency"
  | "prizeChoice"
  | "prize"
  | "qualifyingDays"
  | "selectionDays"
  | "finalDays"
  | "winnerDays"
  | "guaranteed"
  | "blind"
  | "isPrivate"
  | "fastTrack"
  | "portfolioOptOut"
  | "aiAllowed"
  | "ndaText"
>;
export type CardShape = Shape<
  | "cardName"
  | "cardNumber"
  | "cardExpiry"
  | "cardCvc"
  | "confirm"
  | "idempotencyKey"
  | "billingCountry"
  | "billingProvince"
  | "confirmedTotal"
>;
export type WizardDefaults = {
  basics: BasicsShape;
  about: AboutShape;
  style: StyleShape;
  prize: PrizeShape;
  launched: AboutShape & StyleShape;
};

/** The fields of a form of this shape, as conform gives them. */
export type FormFields<S extends Record<string, unknown>> = ReturnType<typeof useForm<S, unknown>>[1];
