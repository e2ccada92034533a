import { db, type DB, type Trx } from "~db/index";
import type { PrizeHoldRow } from "~db/schema";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { holdReasons, type HoldReason } from "./holds";

type ContestFacts = {
  id: string;
  clientId: string;
  status: string;
  guaranteed: boolean;
  launchedAt: number | null;
  winnerId: string | null;
};

/**
 * The designers among those a prize could go to now whose prize must be held for support (ADR 0046):
 * the winner in handover; in a selection whose timeout awards a guaranteed prize by rule, every
 * designer with a live entry (the machine picks the rule's winner among them). Three queries, however
 * many designers.
 */
export async function prizeHoldsFor(trx: Trx | DB, contest: ContestFacts): Promise<string[]> {
  const candidates = await candidatesOf(trx, contest);
  const reasons = await reasonsFor(trx, contest, candidates);
  return candidates.filter((d) => (reasons.get(d) ?? []).length > 0);
}

async function candidatesOf(trx: Trx | DB, contest: ContestFacts): Promise<string[]> {
  if (contest.status === "handover") return contest.winnerId ? [contest.winnerId] : [];
  if (!contest.guaranteed) return [];
  if (contest.status !== "finalist_selection" && contest.status !== "winner_selection") return [];
  const rows = await trx
    .selectFrom("entries")
    .select("designer_id")
    .distinct()
    .where("contest_id", "=", contest.id)
    .where("status", "=", "ready")
    .execute();
  return rows.map((r) => r.designer_id);
}

/**
 * Why each designer's prize would be held. "Shares its payment method" compares what the payment
 * provider left in payment_intents: the method the client funded any contest with (a sandbox test
 * card's number or a provider's payment method id; never a real card number, which is not kept)
 * against the methods the designer paid with as a client; and the payout destinations of both.
 */
export async function reasonsFor(
  trx: Trx | DB,
  contest: Pick<ContestFacts, "clientId" | "launchedAt">,
  designerIds: string[],
): Promise<Map<string, HoldReason[]>> {
  const result = new Map<string, HoldReason[]>();
  if (!designerIds.length) return result;
  const people = [...new Set([...designerIds, contest.clientId])];
  const [users, methods, destinations] = await Promise.all([
    trx
      .selectFrom("users")
      .select(["id", "email", "created_at", "suspended_at"])
      .where("id", "in", people)
      .execute(),
    trx
      .selectFrom("payment_intents")
      .select(["client_id", "payment_method"])
      .distinct()
      .where("client_id", "in", people)
      .where("payment_method", "is not", null)
      .execute(),
    trx
      .selectFrom("payouts")
      .select(["designer_id", "destination"])
      .distinct()
      .where("designer_id", "in", people)
      .execute(),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const client = byId.get(contest.clientId);
  const ownMethods = (id: string) =>
    new Set([
      ...methods.filter((m) => m.client_id === id).map((m) => `card:${m.payment_method}`),
      ...destinations
        .filter((d) => d.designer_id === id)
        .map((d) => `payout:${d.destination.trim().toLowerCase()}`),
    ]);
  const clientMethods = ownMethods(contest.clientId);
  for (const id of designerIds) {
    const user = byId.get(id);
    if (!user || !client) continue;
    const mine = ownMethods(id);
    result.set(
      id,
      holdReasons({
        designerId: id,
        clientId: contest.clientId,
        designerEmail: user.email,
        clientEmail: client.email,
        designerCreatedAt: user.created_at,
        launchedAt: contest.launchedAt,
        suspended: user.suspended_at !== null,
        sharesPaymentMethod: id !== contest.clientId && [...mine].some((m) => clientMethods.has(m)),
      }),
    );
  }
  return result;
}

/** Record a held prize with its reasons, in the transition's transaction. */
export async function openHold(
  trx: Trx,
  input: { contestId: string; designerId: string; kind: string },
): Promise<void> {
  const contest = await trx
    .selectFrom("contests")
    .select(["client_id", "launched_at"])
    .where("id", "=", input.contestId)
    .executeTakeFirstOrThrow();
  const reasons =
    (
      await reasonsFor(trx, { clientId: contest.client_id, launchedAt: contest.launched_at }, [
        input.designerId,
      ])
    ).get(input.designerId) ?? [];
  await trx
    .insertInto("prize_holds")
    .values({
      id: newId(),
      contest_id: input.contestId,
      designer_id: input.designerId,
      reasons: JSON.stringify(reasons),
      held_by_event: input.kind,
      created_at: now(),
    })
    .execute();
}

/** The contest's hold that support has not decided yet. */
export function openHoldOf(executor: Trx | DB, contestId: string): Promise<PrizeHoldRow | undefined> {
  return executor
    .selectFrom("prize_holds")
    .selectAll()
    .where("contest_id", "=", contestId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
}

/** Close the open hold (support released the prize or refunded the contest). */
export async function resolveHold(
  trx: Trx,
  contestId: string,
  input: { resolution: "released" | "refunded"; by: string | null },
): Promise<void> {
  await trx
    .updateTable("prize_holds")
    .set({ resolved_at: now(), resolution: input.resolution, resolved_by: input.by })
    .where("contest_id", "=", contestId)
    .where("resolved_at", "is", null)
    .execute();
}

export interface HeldPrize {
  contestId: string;
  title: string;
  status: string;
  designerId: string;
  designerName: string;
  reasons: HoldReason[];
  heldAt: number;
  prize: number;
  currency: string;
}

/** Every prize waiting for support, oldest first (the console's first list). */
export async function heldPrizes(executor: Trx | DB = db()): Promise<HeldPrize[]> {
  const rows = await executor
    .selectFrom("prize_holds")
    .innerJoin("contests", "contests.id", "prize_holds.contest_id")
    .innerJoin("users", "users.id", "prize_holds.designer_id")
    .select([
      "prize_holds.contest_id",
      "prize_holds.designer_id",
      "prize_holds.reasons",
      "prize_holds.created_at",
      "contests.title",
      "contests.status",
      "contests.prize_minor",
      "contests.currency",
      "users.display_name",
    ])
    .where("prize_holds.resolved_at", "is", null)
    .orderBy("prize_holds.created_at")
    .execute();
  return rows.map((r) => ({
    contestId: r.contest_id,
    title: r.title,
    status: r.status,
    designerId: r.designer_id,
    designerName: r.display_name,
    reasons: JSON.parse(r.reasons) as HoldReason[],
    heldAt: r.created_at,
    prize: r.prize_minor,
    currency: r.currency,
  }));
}
