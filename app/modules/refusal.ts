import type { ContestFailure } from "./contests/contests.server";
import type { ReferenceFailure } from "./contests/edit.server";
import type { AccountFailure } from "./auth/accounts.server";
import type { InviteFailure } from "./contests/invitations.server";
import type { PayoutFailure } from "./earnings/earnings.server";
import type { ImageRefusalReason } from "./entries/images.server";
import type { EntryRefusalReason } from "./entries/submission.server";
import type { UploadRefusalReason } from "./entries/upload.server";
import type { ChargeFailure, PayoutSendFailure, RefundFailure } from "./escrow/payments.server";
import type { AgreementRefusalReason } from "./handover/agreement.server";
import type { ApprovalFailure } from "./handover/approval.server";
import type { HandoverRefusalReason } from "./handover/files.server";
import type { JudgingFailure } from "./judging/access.server";
import type { JudgeInvitationFailure, JudgeInviteFailure } from "./judging/judges.server";
import type { PollFailure } from "./judging/polls.server";
import type { ProfileFailure } from "./people/profiles.server";
import type { ReviewFailure } from "./people/reviews.server";
import type { MessageFailure } from "./people/messages/rules";
import type { PortfolioFailure } from "./people/pieces.server";
import type { NetworkFailure } from "./people/network";
import type { SupportFailure } from "./support/staff.server";
import type { VerificationFailure } from "./auth/verification.server";
import type { ReportFailure } from "./support/reports.server";

/**
 * The one shape of "no": a module that will not do what was asked answers with a refusal (returned
 * in a result, or thrown as {@link Refused} where a transaction must roll back). A refusal names its
 * area and a reason code, and may carry values for the message (a limit, the contest's state now).
 * It holds no text and no HTTP status: the HTTP edge (`~/utils/refusals.server`) turns it into both,
 * from one table, in the reader's language.
 */
export interface RefusalReasons {
  contest: ContestFailure;
  judging: JudgingFailure;
  invitation: InviteFailure;
  reference: ReferenceFailure;
  account: AccountFailure;
  profile: ProfileFailure;
  review: ReviewFailure;
  message: MessageFailure;
  portfolio: PortfolioFailure;
  network: NetworkFailure;
  support: SupportFailure;
  report: ReportFailure;
  poll: PollFailure;
  judge_invite: JudgeInviteFailure;
  judge_invitation: JudgeInvitationFailure;
  upload: UploadRefusalReason;
  image: ImageRefusalReason;
  entry: EntryRefusalReason;
  handover: HandoverRefusalReason;
  approval: ApprovalFailure;
  agreement: AgreementRefusalReason;
  charge: ChargeFailure;
  refund: RefundFailure;
  payout: PayoutFailure;
  payout_send: PayoutSendFailure;
  verification: VerificationFailure;
}

export type RefusalArea = keyof RefusalReasons;
export type RefusalVars = Record<string, string | number>;

/** A refusal of one area, narrowed to the reasons a function can give when `R` is named. */
export type Refusal<
  A extends RefusalArea = RefusalArea,
  R extends RefusalReasons[A] = RefusalReasons[A],
> = A extends RefusalArea ? { ok: false; area: A; reason: R & RefusalReasons[A]; vars?: RefusalVars } : never;

export function refusal<A extends RefusalArea, R extends RefusalReasons[A]>(
  area: A,
  reason: R,
  vars?: RefusalVars,
): Refusal<A, R> {
  return (vars ? { ok: false, area, reason, vars } : { ok: false, area, reason }) as Refusal<A, R>;
}

/** A refusal thrown through a transaction (it rolls back); catch it with {@link isRefused}. */
export class Refused<A extends RefusalArea = RefusalArea> extends Error {
  readonly refusal: Refusal<A>;
  constructor(area: A, reason: RefusalReasons[A], vars?: RefusalVars, options?: ErrorOptions) {
    super(`Refused (${area}: ${reason})`, options);
    this.name = "Refused";
    this.refusal = refusal(area, reason, vars) as Refusal<A>;
  }
  get area(): A {
    return this.refusal.area as A;
  }
  get reason(): RefusalReasons[A] {
    return this.refusal.reason as RefusalReasons[A];
  }
}

/** Is this error a refusal (of this area, and one of these reasons when given)? */
export function isRefused<A extends RefusalArea>(
  error: unknown,
  area: A,
  ...reasons: RefusalReasons[A][]
): error is Refused<A> {
  return (
    error instanceof Refused &&
    error.area === area &&
    (reasons.length === 0 || reasons.includes(error.reason))
  );
}
