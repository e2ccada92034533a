import type { Contest } from "./contests.server";

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

export type LaunchResult =
  | { ok: true; contest: Contest }
  | { ok: false; reason: "incomplete"; missing: string[] }
  | { ok: false; reason: "declined" | "provider_error"; message: string }
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state" };

/**
 * Launch a draft: check the brief is complete, charge the prize plus the platform fee (an
 * idempotency key stored before the provider is called: a double click or a retry charges once),
 * hold it in escrow and start the qualifying round.
 */
export async function launchContest(_input: {
  contestId: string;
  clientId: string;
  card: CardInput;
  idempotencyKey: string;
}): Promise<LaunchResult> {
  throw new Error("launchContest is being wired to the escrow ledger (see the escrow branch)");
}
