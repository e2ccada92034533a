import { translate, type Locale, type MessageKey } from "~/i18n";
import { MAX_SUPPORT_EXTENSION_DAYS, MAX_FINALISTS } from "~/modules/contests/machine";
import { declineMessage, payoutFailureMessage } from "~/modules/escrow/provider";
import {
  Refused,
  type Refusal,
  type RefusalArea,
  type RefusalReasons,
  type RefusalVars,
} from "~/modules/refusal";
import { formatList, type FinalFormat } from "~/modules/handover/formats";
import { formatMoney } from "~/modules/money/money";
import { REVIEW_EDIT_DAYS } from "~/modules/people/reviews";
import { formatBytes } from "~/i18n/sizes";
import { MESSAGE_ATTACHMENTS_MAX } from "~/modules/people/messages/rules";

/**
 * The HTTP edge of every refusal: one table says, for each area and reason, the status to answer
 * with and the catalogue message to show. Anything the person may not know exists answers 404.
 * Modules never choose a status or write a message; routes never map reasons themselves.
 */
export type RefusalStatus = 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 502;

type Answer = {
  status: RefusalStatus;
  /** The catalogue message, or a function of the refusal's values for messages that vary. */
  message: MessageKey | ((vars: RefusalVars, locale: Locale) => string);
};

/** "This contest changed while you were deciding: a winner has already been picked." */
const contestChanged =
  (otherwise: MessageKey) =>
  (vars: RefusalVars, locale: Locale): string =>
    typeof vars.status === "string"
      ? translate(locale, "contest.refusal.changed", {
          what: translate(locale, `contest.changed.${vars.status}` as MessageKey),
        })
      : translate(locale, otherwise, vars);

/** "This file is a GIF image; …": the sniffed type's code, named in the reader's language. */
const unsupportedType = (vars: RefusalVars, locale: Locale): string =>
  translate(locale, "images.refused.unsupportedType", {
    ...vars,
    type: translate(locale, `images.type.${vars.type}` as MessageKey),
  });

/** The final file's claimed format and what its bytes look like, named in the reader's language. */
const formatMismatch = (vars: RefusalVars, locale: Locale): string =>
  translate(locale, "handover.refusal.mismatch", {
    ...vars,
    detected: translate(locale, `handover.detected.${vars.detected}` as MessageKey),
    format: translate(locale, `handover.format.${vars.format}` as MessageKey),
  });

/** The formats the brief asks for ("png,svg"), named in the reader's language. */
const formatsNotAsked = (vars: RefusalVars, locale: Locale): string =>
  translate(locale, "handover.refusal.notAsked", {
    ...vars,
    formats: formatList(String(vars.formats).split(",") as FinalFormat[], locale),
  });

/** A message about an amount: the refusal carries `amount` (or `available`) in minor units and `currency`. */
const aboutMoney =
  (key: MessageKey, name: "amount" | "available") =>
  (vars: RefusalVars, locale: Locale): string =>
    translate(locale, key, {
      ...vars,
      [name]: formatMoney(Number(vars[name] ?? 0), String(vars.currency ?? "USD"), { locale }),
    });

/** A message about a size: the refusal carries `limit` in bytes. */
const aboutSize =
  (key: MessageKey) =>
  (vars: RefusalVars, locale: Locale): string =>
    translate(locale, key, { ...vars, limit: formatBytes(Number(vars.limit ?? 0), locale) });

const conflict = (message: Answer["message"]): Answer => ({ status: 409, message });

const ANSWERS: { [A in RefusalArea]: Record<RefusalReasons[A], Answer> } = {
  contest: {
    not_found: { status: 404, message: "contest.refusal.not_found" },
    not_owner: { status: 403, message: "contest.refusal.not_owner" },
    wrong_state: conflict(contestChanged("contest.refusal.wrong_state")),
    conflict: conflict(contestChanged("contest.refusal.conflict")),
    stale: conflict(contestChanged("contest.refusal.generic")),
    extension_limit: conflict("contest.refusal.extension_limit"),
    bad_extension: conflict("contest.refusal.bad_extension"),
    guaranteed: conflict("contest.refusal.guaranteed"),
    bad_finalists: conflict((vars, locale) =>
      translate(locale, "contest.refusal.bad_finalists", { ...vars, max: MAX_FINALISTS }),
    ),
    bad_winner: conflict("contest.refusal.bad_winner"),
    fast_track: conflict("contest.refusal.fast_track"),
    not_funded: conflict("contest.refusal.generic"),
    too_early: conflict("contest.refusal.generic"),
    not_ready: conflict("contest.refusal.generic"),
    prize_held: conflict("support.refusal.prizeHeld"),
    not_held: conflict("contest.refusal.generic"),
  },
  judging: {
    not_found: { status: 404, message: "judging.error.not_found" },
    forbidden: { status: 403, message: "judging.error.forbidden" },
    invalid: { status: 400, message: "judging.error.invalid" },
    rating_closed: conflict("judging.error.rating_closed"),
    not_in_round: conflict("judging.error.not_in_round"),
    entry_declined: conflict("judging.error.entry_declined"),
    entry_not_ready: conflict("judging.error.entry_not_ready"),
    not_declined: conflict("judging.error.not_declined"),
    finalist: conflict("judging.error.finalist"),
    no_entries: conflict("judging.error.no_entries"),
    contest_closed: conflict("judging.error.contest_closed"),
  },
  invitation: {
    not_found: { status: 404, message: "contest.refusal.not_found" },
    not_owner: { status: 403, message: "contest.refusal.not_owner" },
    not_private: conflict("invite.notPrivate"),
    wrong_state: conflict("invite.wrongState"),
  },
  payout: {
    amount: { status: 400, message: "earnings.payout.error.amount" },
    currency: { status: 400, message: "payouts.invalid" },
    too_much: { status: 400, message: aboutMoney("earnings.payout.error.tooMuch", "available") },
    destination: { status: 400, message: "earnings.payout.error.destination" },
    suspended: { status: 403, message: "support.payout.suspended" },
  },
  reference: {
    none: { status: 400, message: "reference.error.none" },
    closed: { status: 400, message: "reference.error.closed" },
    too_large: { status: 413, message: "reference.error.too_large" },
    wrong_type: { status: 400, message: "reference.error.wrong_type" },
    not_image: { status: 400, message: "reference.error.not_image" },
    too_many_pixels: { status: 400, message: "reference.error.too_many_pixels" },
    too_many: { status: 400, message: "reference.error.too_many" },
  },
  approval: {
    not_found: { status: 404, message: "errors.notFound.body" },
    not_client: { status: 403, message: "approval.refused.notClient" },
    closed: conflict("approval.refused.closed"),
    missing: conflict((vars, locale) =>
      translate(locale, "approval.refused.missing", { missing: missingSteps(vars, locale) }),
    ),
  },
  profile: {
    handle_taken: conflict("people.edit.error.handleTaken"),
  },
  review: {
    not_found: { status: 404, message: "errors.notFound.body" },
    not_yours: { status: 403, message: "people.review.refused.notYours" },
    not_open: conflict("people.review.refused.notOpen"),
    edit_closed: conflict((vars, locale) =>
      translate(locale, "people.review.refused.editClosed", { days: REVIEW_EDIT_DAYS }),
    ),
    no_review: conflict("people.review.refused.noReview"),
  },
  message: {
    not_found: { status: 404, message: "errors.notFound.body" },
    self: { status: 400, message: "messages.refusal.self" },
    cold: { status: 403, message: "messages.refusal.cold" },
    not_designer: { status: 403, message: "messages.refusal.notDesigner" },
    blocked: { status: 403, message: "messages.refusal.blocked" },
    about: { status: 400, message: "messages.refusal.about" },
    empty: { status: 400, message: "messages.refusal.empty" },
    too_many_files: {
      status: 400,
      message: (vars, locale) =>
        translate(locale, "messages.refusal.tooManyFiles", { max: MESSAGE_ATTACHMENTS_MAX }),
    },
  },
  portfolio: {
    not_found: { status: 404, message: "errors.notFound.body" },
    limit: conflict("portfolio.error.limit"),
  },
  network: {
    not_found: { status: 404, message: "errors.notFound.body" },
    self: { status: 400, message: "network.refusal.self" },
    closed: conflict("network.refusal.closed"),
    blocked: { status: 403, message: "network.refusal.blocked" },
  },
  account: {
    email_taken: conflict("validation.emailTaken"),
    too_short: { status: 400, message: "validation.password.too_short" },
    too_long: { status: 400, message: "validation.password.too_long" },
    too_common: { status: 400, message: "validation.password.too_common" },
    contains_email: { status: 400, message: "validation.password.contains_email" },
    wrong_password: { status: 400, message: "auth.account.wrongPassword" },
    login_invalid: { status: 401, message: "auth.login.invalid" },
    suspended: { status: 403, message: "auth.login.suspended" },
    throttled: { status: 429, message: "auth.login.throttled" },
    reset_invalid: { status: 410, message: "auth.reset.invalid" },
  },
  support: {
    not_found: { status: 404, message: "errors.notFound.body" },
    reason_required: { status: 400, message: "support.refusal.reasonRequired" },
    unchanged: conflict("support.refusal.unchanged"),
    self: { status: 400, message: "support.refusal.self" },
    wrong_state: conflict("support.refusal.wrongState"),
    bad_extension: {
      status: 400,
      message: (vars, locale) =>
        translate(locale, "support.refusal.badExtension", { ...vars, max: MAX_SUPPORT_EXTENSION_DAYS }),
    },
    bad_winner: conflict("support.refusal.badWinner"),
    not_held: conflict("support.refusal.notHeld"),
    conflict: conflict("contest.refusal.conflict"),
  },
  report: {
    not_found: { status: 404, message: "errors.notFound.body" },
    self: { status: 400, message: "reports.refusal.self" },
    already: conflict("reports.refusal.already"),
    closed: conflict("reports.refusal.closed"),
    not_withdrawable: conflict("reports.refusal.notWithdrawable"),
    not_queued: conflict("reports.refusal.notQueued"),
  },
  poll: {
    not_found: { status: 404, message: "polls.vote.notFound" },
    closed: conflict("polls.vote.closed"),
    invalid: conflict("polls.vote.choose"),
  },
  judge_invite: {
    self: conflict("judges.invite.self"),
    already_judge: conflict("validation.emailTaken"),
    contest_closed: conflict("judging.error.contest_closed"),
  },
  judge_invitation: {
    invalid: { status: 410, message: "invitation.invalid.body" },
    client: conflict("invitation.error.client"),
    entrant: conflict("invitation.error.entrant"),
  },
  // Money: 402 for a card the provider refused, 502 when its answer is unknown (retry, same key).
  charge: {
    declined: {
      status: 402,
      message: (vars, locale) => translate(locale, declineMessage(String(vars.code ?? ""))),
    },
    try_again: { status: 502, message: "payments.tryAgain" },
    already_funded: conflict("payments.alreadyFunded"),
    duplicate_refunded: conflict("payments.duplicateRefunded"),
    key_reused: conflict("payments.keyReused"),
    invalid: { status: 400, message: "payments.invalid" },
    needs_review: { status: 502, message: "payments.needsReview" },
  },
  refund: {
    failed: { status: 502, message: aboutMoney("refunds.failed", "amount") },
    needs_review: { status: 502, message: aboutMoney("refunds.failed", "amount") },
    not_refunded: conflict("refunds.notRefunded"),
    no_charge: conflict("refunds.noCharge"),
    key_reused: conflict("payments.keyReused"),
  },
  // The payout form is shown again with the reason; only a short balance is a conflict.
  payout_send: {
    failed: {
      status: 400,
      message: (vars, locale) => translate(locale, payoutFailureMessage(String(vars.code ?? ""))),
    },
    needs_review: { status: 400, message: "payouts.needsReview" },
    insufficient_balance: conflict(aboutMoney("payouts.insufficientBalance", "available")),
    key_reused: { status: 400, message: "payouts.keyReused" },
    invalid: { status: 400, message: "payouts.invalid" },
  },
  upload: {
    too_large: { status: 413, message: aboutSize("upload.tooLarge") },
    empty: { status: 422, message: "upload.empty" },
    missing: { status: 422, message: "upload.missing" },
    too_many_files: { status: 400, message: "upload.tooManyFiles" },
    malformed: { status: 400, message: "upload.malformed" },
    not_multipart: { status: 415, message: "upload.notMultipart" },
  },
  image: {
    empty: { status: 422, message: "images.refused.empty" },
    unsupported_type: { status: 415, message: unsupportedType },
    too_many_pixels: { status: 413, message: "images.refused.tooManyPixels" },
    truncated: { status: 422, message: "images.refused.truncated" },
    trailing_data: { status: 422, message: "images.refused.trailingData" },
    corrupt: { status: 422, message: "images.refused.corrupt" },
  },
  entry: {
    not_found: { status: 404, message: "errors.notFound.body" },
    not_designer: { status: 403, message: "entries.submit.notDesigner" },
    nda_first: { status: 403, message: "entries.submit.ndaFirst" },
    eliminated: { status: 403, message: "entries.submit.eliminated" },
    finalists_only: conflict("entries.submit.finalistsOnly"),
    closed: conflict("entries.submit.closed"),
    limit: conflict("entries.submit.limit"),
    revise_closed: conflict("entries.revise.closed"),
    not_withdrawable: conflict("entries.withdraw.not_withdrawable"),
    tier_level: {
      status: 403,
      message: (vars, locale) =>
        translate(locale, "entries.submit.tierLevel", {
          tier: translate(locale, `wizard.prize.package.${String(vars.tier)}` as MessageKey),
          floor: String(vars.floor),
          level: String(vars.level),
        }),
    },
    entry_cap: conflict("entries.submit.entryCap"),
    // Declared tools (ADR 0041): no answer is a form to finish; AI where the brief forbids it, a rule.
    ai_undeclared: { status: 422, message: "safety.ai.refused.undeclared" },
    ai_forbidden: { status: 403, message: "safety.ai.refused.forbidden" },
  },
  handover: {
    not_found: { status: 404, message: "errors.notFound.body" },
    no_such_file: { status: 404, message: "handover.refusal.noSuchFile" },
    not_winner: { status: 403, message: "handover.refusal.notWinner" },
    closed: conflict("handover.refusal.closed"),
    too_large: { status: 413, message: aboutSize("handover.refusal.tooLarge") },
    no_extension: { status: 415, message: "handover.refusal.noExtension" },
    not_asked: { status: 415, message: formatsNotAsked },
    mismatch: { status: 415, message: formatMismatch },
    not_multipart: { status: 415, message: "upload.notMultipart" },
    empty: { status: 422, message: "handover.refusal.empty" },
    missing: { status: 422, message: "handover.refusal.missing" },
    one_file: { status: 400, message: "handover.refusal.oneFile" },
    malformed: { status: 400, message: "handover.refusal.malformed" },
  },
  agreement: {
    not_found: { status: 404, message: "errors.notFound.body" },
    // Only its parties learn that it is not signed yet; it is still not there to download.
    not_signed: { status: 404, message: "agreement.error.notYet" },
    already_signed: conflict("agreement.error.alreadySigned"),
    language_fixed: conflict("agreement.error.languageFixed"),
  },
  // A verified address before money moves (ADR 0042); a link nobody sent is not found.
  verification: {
    unverified: { status: 403, message: "safety.verify.refused.unverified" },
    throttled: { status: 429, message: "safety.verify.refused.throttled" },
    already_verified: conflict("safety.verify.refused.alreadyVerified"),
    not_found: { status: 404, message: "errors.notFound.body" },
    invalid: { status: 410, message: "safety.verify.refused.invalid" },
  },
};

/** "The designer has not uploaded the final files yet. You have not signed…" from the steps left. */
export function missingSteps(vars: RefusalVars, locale: Locale): string {
  return String(vars.steps ?? "")
    .split(" ")
    .filter(Boolean)
    .map((step) =>
      translate(locale, `approval.missing.${step}` as MessageKey, { designer: vars.designer ?? "" }),
    )
    .join(" ");
}

type AnyRefusal = Refusal | Refused;

function answerOf(r: AnyRefusal): { answer: Answer; vars: RefusalVars } {
  const { area, reason, vars = {} } = r instanceof Refused ? r.refusal : r;
  const table = ANSWERS[area] as Record<string, Answer>;
  return { answer: table[reason]!, vars };
}

/** A refusal read back from storage (JSON): one whose area and reason this table still answers. */
export function isKnownRefusal(value: unknown): value is Refusal {
  if (typeof value !== "object" || value === null) return false;
  const { area, reason, vars } = value as Record<string, unknown>;
  if (typeof area !== "string" || typeof reason !== "string" || !Object.hasOwn(ANSWERS, area)) return false;
  if (vars !== undefined && (typeof vars !== "object" || vars === null)) return false;
  return Object.hasOwn(ANSWERS[area as RefusalArea], reason);
}

/** The status to answer a refusal with. */
export function refusalStatus(r: AnyRefusal): RefusalStatus {
  return answerOf(r).answer.status;
}

/** The refusal in the reader's words. */
export function refusalMessage(r: AnyRefusal, locale: Locale): string {
  const { answer, vars } = answerOf(r);
  return typeof answer.message === "function"
    ? answer.message(vars, locale)
    : translate(locale, answer.message, vars);
}

/** The refusal as a plain-text HTTP answer (for resource routes that return it). */
export function refusalResponse(r: AnyRefusal, locale: Locale): Response {
  return new Response(refusalMessage(r, locale), {
    status: refusalStatus(r),
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** For loaders and actions: the refusal becomes the HTTP answer the error page shows. */
export function refuse(r: AnyRefusal, locale: Locale): never {
  throw refusalResponse(r, locale);
}

/** In a catch: a refusal is answered as {@link refuse} does; anything else propagates. */
export function refuseOrRethrow(error: unknown, locale: Locale): never {
  if (error instanceof Refused) refuse(error, locale);
  throw error;
}

/** A refusal caught in an action, or the error again when it is not one. */
export function caughtRefusal(error: unknown): Refused {
  if (error instanceof Refused) return error;
  throw error;
}

/** The answer for anything that does not exist, or that this person may not know exists. */
export function notFoundResponse(locale: Locale): Response {
  return new Response(translate(locale, "errors.notFound.title"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function notFound(locale: Locale): never {
  throw notFoundResponse(locale);
}

/** A request no form of ours sends (an unknown intent, a missing field a page always sets). */
export function badRequest(locale: Locale, message: MessageKey = "errors.badRequest"): never {
  throw new Response(translate(locale, message), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
