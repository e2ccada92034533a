import { db, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { notifyUsers } from "../notify/notifications.server";
import type { RawPixels } from "./phash";
import { describeQuery, type QueryFeatures } from "../similarity/features";
import { copiesOf, storeFeatures, type Subject } from "../similarity/index.server";

/** What copy detection keeps of an image, from its decoded (unwatermarked) pixels. */
export function describeForSimilarity(pixels: RawPixels): Promise<QueryFeatures> {
  return describeQuery(pixels);
}

/** Keep a portfolio piece's features: a later entry that copies it is flagged (decision 40). */
export async function indexPiece(
  trx: Trx,
  piece: { id: string; designerId: string },
  features: QueryFeatures,
) {
  await storeFeatures(trx, { kind: "piece", id: piece.id, designerId: piece.designerId }, features.plain);
}

/**
 * Record a revision's image features and flag the earlier images by other designers that it copies
 * (entries of any contest, winning designs, portfolio pieces): descriptors, a nearest-neighbour
 * index and a geometric check (decision 40). The client of this contest and the earlier designer
 * are told: copied work is the top complaint designers have about contest sites.
 */
export async function indexAndFlagSimilar(
  trx: Trx,
  revision: { id: string; entryId: string; contestId: string; designerId: string; features: QueryFeatures },
): Promise<number> {
  const subject: Subject = { kind: "revision", id: revision.id, designerId: revision.designerId };
  const found = await copiesOf(trx, revision.features, { designerId: revision.designerId });
  await storeFeatures(trx, subject, revision.features.plain);
  if (found.length === 0) return 0;
  // Who copied whom: an image that resembles one this designer sent before it existed is a copy of
  // hers, not hers of it (her new version of her own design must not be flagged against its copy).
  const own = await copiesOf(trx, revision.features, {
    designerId: revision.designerId,
    own: true,
    exceptId: revision.id,
  });
  const firstOwn = own.reduce((m, o) => Math.min(m, o.item.seq), Infinity);
  const kept = found.filter((m) => !(firstOwn < m.item.seq));
  if (kept.length === 0) return 0;
  const earlier = await describeEarlier(
    trx,
    kept.map((m) => m.item),
  );
  const matches = kept.flatMap((m) => {
    const e = earlier.get(m.item.id);
    return e ? [{ ...e, distance: Math.round(100 * (1 - m.score.coverage)) }] : [];
  });
  if (matches.length === 0) return 0;
  const at = now();
  await trx
    .insertInto("similarity_flags")
    .values(
      matches.map((m) => ({
        id: newId(),
        revision_id: revision.id,
        entry_id: revision.entryId,
        contest_id: revision.contestId,
        earlier_revision_id: m.id,
        earlier_entry_id: m.entryId,
        earlier_contest_id: m.contestId,
        earlier_piece_id: m.pieceId,
        distance: m.distance,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(["revision_id", "earlier_revision_id"]).doNothing())
    .execute();
  const contest = await trx
    .selectFrom("contests")
    .select("client_id")
    .where("id", "=", revision.contestId)
    .executeTakeFirstOrThrow();
  await notifyUsers(trx, [contest.client_id], {
    kind: "entry.similar_flagged",
    contestId: revision.contestId,
    entryId: revision.entryId,
    data: { matches: matches.length },
  });
  for (const m of matches) {
    // A piece's designer reads nothing on a page about it yet: the note is for entries.
    if (m.pieceId !== null) continue;
    await notifyUsers(trx, [m.designerId], {
      kind: "entry.similar_to_yours",
      contestId: m.contestId,
      entryId: m.entryId,
      data: { laterContestId: revision.contestId },
    });
  }
  return matches.length;
}

/** The flag's columns for each earlier image: an entry revision, or a portfolio piece. */
async function describeEarlier(trx: Trx, items: (Subject & { seq: number })[]) {
  const out = new Map<
    string,
    { id: string; entryId: string; contestId: string; pieceId: string | null; designerId: string }
  >();
  const revisionIds = items.filter((i) => i.kind === "revision").map((i) => i.id);
  if (revisionIds.length > 0) {
    const rows = await trx
      .selectFrom("entry_revisions")
      .select(["id", "entry_id", "contest_id", "designer_id"])
      .where("id", "in", revisionIds)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        entryId: r.entry_id,
        contestId: r.contest_id,
        pieceId: null,
        designerId: r.designer_id,
      });
    }
  }
  for (const i of items.filter((i) => i.kind === "piece")) {
    out.set(i.id, { id: i.id, entryId: i.id, contestId: "", pieceId: i.id, designerId: i.designerId });
  }
  return out;
}

/** Flags on an entry, for its client (and the designers concerned). */
export async function similarityFlagsFor(trx: Trx, entryId: string) {
  return trx
    .selectFrom("similarity_flags")
    .select(["earlier_entry_id", "earlier_contest_id", "distance", "created_at"])
    .where("entry_id", "=", entryId)
    .orderBy("distance")
    .execute();
}

/**
 * The client of the later entry's contest looked at the pair and dismisses the flag. False when
 * there is no such flag in this contest for this client (answer 404: nothing is revealed).
 * Dismissing twice is not an error.
 */
export async function dismissSimilarity(input: {
  flagId: string;
  contestId: string;
  clientId: string;
}): Promise<boolean> {
  const flag = await db()
    .selectFrom("similarity_flags")
    .innerJoin("contests", "contests.id", "similarity_flags.contest_id")
    .select(["similarity_flags.id", "similarity_flags.dismissed_at", "contests.client_id", "contests.status"])
    .where("similarity_flags.id", "=", input.flagId)
    .where("similarity_flags.contest_id", "=", input.contestId)
    .executeTakeFirst();
  // A refunded client has lost the previews: there is nothing left for them to review.
  if (!flag || flag.client_id !== input.clientId || flag.status === "refunded") return false;
  if (flag.dismissed_at !== null) return true;
  await db()
    .updateTable("similarity_flags")
    .set({ dismissed_at: now(), dismissed_by: input.clientId })
    .where("id", "=", flag.id)
    .where("dismissed_at", "is", null)
    .execute();
  return true;
}
