import { z } from "zod";
import type { T } from "~/i18n";
import { MAX_FINALISTS } from "../contests/machine";
import { COMMENT_MAX, DECLINE_REASONS, NOTE_MAX } from "./limits";

// Form schemas, shared by the browser (instant feedback) and the server (the authority), built in
// the reader's language.

export const POLL_COMMENT_MAX = 500;

const id = z.string().trim().min(1).max(64);
const filter = z.string().max(16).optional();
const js = z.literal("1").optional();

export const rateSchema = (t: T) =>
  z.object({
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

export const declineSchema = (t: T) =>
  z.object({
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

// The intents that carry no message are plain schemas.
const restoreSchema = z.object({ intent: z.literal("restore"), entryId: id, filter, _js: js });

export const commentSchema = (t: T) =>
  z.object({
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

export const noteSchema = (t: T) =>
  z.object({
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

const eliminationSchema = z.object({
  intent: z.enum(["eliminate", "reinstate"]),
  designerId: id,
  entryId: id.optional(),
  filter,
  _js: js,
});

/** The client looked at a "similar, please review" pair and found no copy. */
const dismissSimilarSchema = z.object({
  intent: z.literal("dismiss-similar"),
  flagId: id,
  entryId: id.optional(),
  filter,
  _js: js,
});

/** Everything the rating viewer posts, by intent. */
export const viewerActionSchema = (t: T) =>
  z.discriminatedUnion("intent", [
    rateSchema(t),
    declineSchema(t),
    restoreSchema,
    commentSchema(t),
    noteSchema(t),
    eliminationSchema.extend({ intent: z.literal("eliminate") }),
    eliminationSchema.extend({ intent: z.literal("reinstate") }),
    dismissSimilarSchema,
  ]);

export const finalistsSchema = (t: T) => {
  const error = t("shortlist.validation.finalists", { max: MAX_FINALISTS });
  return z.object({
    intent: z.enum(["review-finalists", "confirm-finalists"]),
    designerIds: z.array(id, { error }).min(1, { error }).max(MAX_FINALISTS, { error }),
  });
};

export const winnerSchema = (t: T) =>
  z.object({
    intent: z.enum(["review-winner", "confirm-winner"]),
    entryId: id.optional().refine((v) => !!v, { error: t("shortlist.validation.winner") }),
  });

export const shortlistActionSchema = (t: T) =>
  z.discriminatedUnion("intent", [
    finalistsSchema(t).extend({ intent: z.literal("review-finalists") }),
    finalistsSchema(t).extend({ intent: z.literal("confirm-finalists") }),
    winnerSchema(t).extend({ intent: z.literal("review-winner") }),
    winnerSchema(t).extend({ intent: z.literal("confirm-winner") }),
  ]);

export const inviteJudgeSchema = (t: T) =>
  z.object({
    intent: z.literal("invite"),
    email: z
      .string({ error: t("validation.required") })
      .trim()
      .max(254, { error: t("validation.email") })
      .email({ error: t("validation.email") }),
  });

export const judgesActionSchema = (t: T) =>
  z.discriminatedUnion("intent", [
    inviteJudgeSchema(t),
    z.object({ intent: z.literal("remove"), judgeId: id }),
    z.object({ intent: z.literal("revoke"), invitationId: id }),
  ]);

export const createPollSchema = (t: T) =>
  z.object({
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

export const pollsActionSchema = (t: T) =>
  z.discriminatedUnion("intent", [createPollSchema(t), z.object({ intent: z.literal("close"), pollId: id })]);

export const voteSchema = (t: T) =>
  z.object({
    entryId: z
      .string({ error: t("polls.vote.choose") })
      .trim()
      .min(1, { error: t("polls.vote.choose") }),
    comment: z.string().max(POLL_COMMENT_MAX).optional(),
  });

export const entryCommentSchema = (t: T) =>
  z.object({
    body: z
      .string({ error: t("judging.validation.comment") })
      .trim()
      .min(1, { error: t("judging.validation.comment") })
      .max(COMMENT_MAX, { error: t("judging.validation.comment") }),
    redirectTo: z.string().optional(),
  });
