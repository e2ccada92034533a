import { z } from "zod";
import { t } from "~/i18n";
import { MAX_FINALISTS } from "../contests/machine";
import { COMMENT_MAX, DECLINE_REASONS, NOTE_MAX } from "./limits";

// Form schemas, shared by the browser (instant feedback) and the server (the authority).

export const POLL_COMMENT_MAX = 500;

const id = z.string().trim().min(1).max(64);
const filter = z.string().max(16).optional();
const js = z.literal("1").optional();

export const RateSchema = z.object({
  intent: z.literal("rate"),
  entryId: id,
  stars: z.coerce
    .number({ error: t("judging.validation.stars") })
    .int({ error: t("judging.validation.stars") })
    .min(1, { error: t("judging.validation.stars") })
    .max(5, { error: t("judging.validation.stars") }),
  filter,
  _js: js,
});

export const DeclineSchema = z.object({
  intent: z.literal("decline"),
  entryId: id,
  reason: z.enum(DECLINE_REASONS, { error: t("judging.validation.reason") }),
  note: z
    .string()
    .max(COMMENT_MAX, { error: t("judging.validation.comment") })
    .optional(),
  filter,
  _js: js,
});

export const RestoreSchema = z.object({ intent: z.literal("restore"), entryId: id, filter, _js: js });

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  entryId: id,
  body: z
    .string({ error: t("judging.validation.comment") })
    .trim()
    .min(1, { error: t("judging.validation.comment") })
    .max(COMMENT_MAX, { error: t("judging.validation.comment") }),
  filter,
  _js: js,
});

export const NoteSchema = z.object({
  intent: z.literal("note"),
  entryId: id,
  body: z
    .string()
    .trim()
    .max(NOTE_MAX, { error: t("judging.validation.note") })
    .optional(),
  filter,
  _js: js,
});

export const EliminationSchema = z.object({
  intent: z.enum(["eliminate", "reinstate"]),
  designerId: id,
  entryId: id.optional(),
  filter,
  _js: js,
});

/** The client looked at a "similar, please review" pair and found no copy. */
export const DismissSimilarSchema = z.object({
  intent: z.literal("dismiss-similar"),
  flagId: id,
  entryId: id.optional(),
  filter,
  _js: js,
});

/** Everything the rating viewer posts, by intent. */
export const ViewerActionSchema = z.discriminatedUnion("intent", [
  RateSchema,
  DeclineSchema,
  RestoreSchema,
  CommentSchema,
  NoteSchema,
  EliminationSchema.extend({ intent: z.literal("eliminate") }),
  EliminationSchema.extend({ intent: z.literal("reinstate") }),
  DismissSimilarSchema,
]);

const finalistsError = t("shortlist.validation.finalists", { max: MAX_FINALISTS });

export const FinalistsSchema = z.object({
  intent: z.enum(["review-finalists", "confirm-finalists"]),
  designerIds: z
    .array(id, { error: finalistsError })
    .min(1, { error: finalistsError })
    .max(MAX_FINALISTS, { error: finalistsError }),
});

export const WinnerSchema = z.object({
  intent: z.enum(["review-winner", "confirm-winner"]),
  entryId: id.optional().refine((v) => !!v, { error: t("shortlist.validation.winner") }),
});

export const ShortlistActionSchema = z.discriminatedUnion("intent", [
  FinalistsSchema.extend({ intent: z.literal("review-finalists") }),
  FinalistsSchema.extend({ intent: z.literal("confirm-finalists") }),
  WinnerSchema.extend({ intent: z.literal("review-winner") }),
  WinnerSchema.extend({ intent: z.literal("confirm-winner") }),
]);

export const InviteJudgeSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: t("validation.required") })
    .trim()
    .max(254, { error: t("validation.email") })
    .email({ error: t("validation.email") }),
});

export const JudgesActionSchema = z.discriminatedUnion("intent", [
  InviteJudgeSchema,
  z.object({ intent: z.literal("remove"), judgeId: id }),
  z.object({ intent: z.literal("revoke"), invitationId: id }),
]);

export const CreatePollSchema = z.object({
  intent: z.literal("create"),
  question: z
    .string({ error: t("polls.validation.question") })
    .trim()
    .min(1, { error: t("polls.validation.question") })
    .max(200, { error: t("polls.validation.question") }),
  entryIds: z
    .array(id, { error: t("polls.validation.entries") })
    .min(2, { error: t("polls.validation.entries") })
    .max(8, { error: t("polls.validation.entries") }),
});

export const PollsActionSchema = z.discriminatedUnion("intent", [
  CreatePollSchema,
  z.object({ intent: z.literal("close"), pollId: id }),
]);

export const VoteSchema = z.object({
  entryId: z
    .string({ error: t("polls.vote.choose") })
    .trim()
    .min(1, { error: t("polls.vote.choose") }),
  comment: z.string().max(POLL_COMMENT_MAX).optional(),
});

export const EntryCommentSchema = z.object({
  body: z
    .string({ error: t("judging.validation.comment") })
    .trim()
    .min(1, { error: t("judging.validation.comment") })
    .max(COMMENT_MAX, { error: t("judging.validation.comment") }),
  redirectTo: z.string().optional(),
});
