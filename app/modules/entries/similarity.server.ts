import { db, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { notifyUsers } from "../notify/notifications.server";
import { NEARLY_IDENTICAL_MAX_DISTANCE, hammingDistance } from "./phash";

/** The 8 bands (8 bits each) of a 64-bit hash written as 16 hex characters. */
export function hashBands(hash: string): number[] {
  return Array.from({ length: 8 }, (_, i) => Number.parseInt(hash.slice(i * 2, i * 2 + 2), 16));
}

/**
 * Record a revision's hash bands and flag near-identical earlier images by other designers, in this
 * contest or any other. The client of this contest and the earlier designer are told: copied work is
 * the top complaint designers have about contest sites.
 */
export async function indexAndFlagSimilar(
  trx: Trx,
  revision: { id: string; entryId: string; contestId: string; designerId: string; hash: string },
): Promise<number> {
  const bands = hashBands(revision.hash);
  await trx
    .insertInto("phash_bands")
    .values(bands.map((value, band) => ({ revision_id: revision.id, band, value })))
    .onConflict((oc) => oc.columns(["revision_id", "band"]).doNothing())
    .execute();
  const candidates = await trx
    .selectFrom("phash_bands")
    .innerJoin("entry_revisions", "entry_revisions.id", "phash_bands.revision_id")
    .select([
      "entry_revisions.id",
      "entry_revisions.entry_id",
      "entry_revisions.contest_id",
      "entry_revisions.designer_id",
      "entry_revisions.phash",
      "entry_revisions.created_at",
    ])
    .distinct()
    .where((eb) =>
      eb.or(
        bands.map((value, band) =>
          eb.and([eb("phash_bands.band", "=", band), eb("phash_bands.value", "=", value)]),
        ),
      ),
    )
    .where("entry_revisions.status", "=", "ready")
    .where("entry_revisions.designer_id", "!=", revision.designerId)
    .where("entry_revisions.id", "!=", revision.id)
    .execute();
  const nearlyIdentical = candidates
    .filter((c) => c.phash !== null)
    .map((c) => ({ ...c, distance: hammingDistance(c.phash!, revision.hash) }))
    .filter((c) => c.distance <= NEARLY_IDENTICAL_MAX_DISTANCE);
  if (nearlyIdentical.length === 0) return 0;
  // Who copied whom: an image that resembles one this designer sent before it existed is a copy of
  // hers, not hers of it (her new version of her own design must not be flagged against its copy).
  const own = await trx
    .selectFrom("entry_revisions")
    .select(["phash", "created_at"])
    .where("designer_id", "=", revision.designerId)
    .where("id", "!=", revision.id)
    .where("phash", "is not", null)
    .execute();
  const matches = nearlyIdentical.filter(
    (m) =>
      !own.some(
        (o) =>
          o.created_at < m.created_at && hammingDistance(o.phash!, m.phash!) <= NEARLY_IDENTICAL_MAX_DISTANCE,
      ),
  );
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
        earlier_entry_id: m.entry_id,
        earlier_contest_id: m.contest_id,
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
    await notifyUsers(trx, [m.designer_id], {
      kind: "entry.similar_to_yours",
      contestId: m.contest_id,
      entryId: m.entry_id,
      data: { laterContestId: revision.contestId },
    });
  }
  return matches.length;
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
