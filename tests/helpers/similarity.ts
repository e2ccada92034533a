import { db, transaction } from "~db/index";
import { indexAndFlagSimilar } from "~/modules/entries/similarity.server";
import { describeImage, describeQuery } from "~/modules/similarity/features";
import { storeFeatures } from "~/modules/similarity/index.server";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { drawDesign, genuineDesigns } from "../../scripts/similarity-corpus";

let drawn = 0;
const images = new Map<string, ReturnType<typeof drawDesign>>();

async function currentRevisions(entryIds: string[]) {
  return db()
    .selectFrom("entries")
    .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .select(["entries.id as entry_id", "entry_revisions.id", "entries.contest_id", "entries.designer_id"])
    .where("entries.id", "in", entryIds)
    .execute();
}

/**
 * Give these entries one image of their own (a generated logo), indexed as the image job indexes
 * it (the fixtures give every entry the same placeholder, and index none).
 */
export async function sameImage(...entryIds: string[]) {
  const image = drawDesign(genuineDesigns(9000 + drawn++, 1)[0]!);
  const features = await describeImage(image);
  for (const r of await currentRevisions(entryIds)) {
    images.set(r.entry_id, image);
    await storeFeatures(db(), { kind: "revision", id: r.id, designerId: r.designer_id }, features);
  }
}

/** Run the image job's copy detection for this entry's current revision, as after its upload. */
export async function flagSimilar(entryId: string) {
  const [r] = await currentRevisions([entryId]);
  const image = images.get(entryId);
  if (!r || !image) throw new Error(`No image given to ${entryId}: call sameImage first`);
  const features = await describeQuery(image);
  return transaction((trx) =>
    indexAndFlagSimilar(trx, {
      id: r.id,
      entryId,
      contestId: r.contest_id,
      designerId: r.designer_id,
      features,
    }),
  );
}

/** The image sameImage gave this entry. */
export function imageOf(entryId: string) {
  const image = images.get(entryId);
  if (!image) throw new Error(`No image given to ${entryId}`);
  return image;
}

/** This entry's current revision now shows the same picture as `sourceEntryId` (not yet indexed). */
export function copyImage(entryId: string, sourceEntryId: string) {
  images.set(entryId, imageOf(sourceEntryId));
}

/** This entry's current revision now shows this picture (not yet indexed). */
export function giveImage(entryId: string, image: ReturnType<typeof drawDesign>) {
  images.set(entryId, image);
}

/** A ready portfolio piece of this designer showing a generated logo, indexed as its job does. */
export async function readyPieceWithImage(designerId: string) {
  const image = drawDesign(genuineDesigns(9500 + drawn++, 1)[0]!);
  const id = newId();
  await db()
    .insertInto("portfolio_pieces")
    .values({
      id,
      designer_id: designerId,
      title: "Emblem",
      category: "logo",
      status: "ready",
      original_key: `test/${id}`,
      original_format: "png",
      original_bytes: 1,
      created_at: now(),
    })
    .execute();
  await storeFeatures(db(), { kind: "piece", id, designerId }, await describeImage(image));
  return { id, image };
}

/** A family of look-alikes: one template, other initials and colours. */
export function lookAlikes() {
  const designs = genuineDesigns(20261203, 60);
  const first = designs.find((d) => designs.filter((o) => o.family === d.family).length === 5)!;
  return designs.filter((d) => d.family === first.family).map(drawDesign);
}
