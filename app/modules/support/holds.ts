/**
 * Why a prize is held for support before it is released (issue 14, "account safety"; ADR 0046).
 * Pure: shared by the service, the console and the pages that say the prize is held.
 */
export const HOLD_REASONS = ["client_account", "shared_payment", "new_account", "suspended"] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * The mailbox an address delivers to, so that two accounts of one person compare equal: lower case,
 * a "+tag" dropped, and for Gmail the dots too (Gmail ignores them; other providers may not).
 */
export function mailboxOf(email: string): string {
  const [rawLocal = "", rawDomain = ""] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  const domain = rawDomain === "googlemail.com" ? "gmail.com" : rawDomain;
  let local = rawLocal.split("+")[0] ?? "";
  if (domain === "gmail.com") local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

/** The reasons for one winner, from the facts the service gathered (each independent of the others). */
export function holdReasons(facts: {
  designerId: string;
  clientId: string;
  designerEmail: string;
  clientEmail: string;
  designerCreatedAt: number;
  launchedAt: number | null;
  suspended: boolean;
  sharesPaymentMethod: boolean;
}): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (facts.designerId === facts.clientId || mailboxOf(facts.designerEmail) === mailboxOf(facts.clientEmail))
    reasons.push("client_account");
  if (facts.sharesPaymentMethod) reasons.push("shared_payment");
  if (facts.launchedAt !== null && facts.designerCreatedAt > facts.launchedAt) reasons.push("new_account");
  if (facts.suspended) reasons.push("suspended");
  return reasons;
}
