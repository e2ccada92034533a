import sharp from "sharp";
import { db } from "~db/index";
import { blobStore } from "~storage/index";

const PALETTES = [
  ["#1f3a5f", "#f4b942"],
  ["#7a1f3d", "#f2e8cf"],
  ["#0f5132", "#95d5b2"],
  ["#3d348b", "#f7b801"],
  ["#22223b", "#c9ada7"],
  ["#9c2c2c", "#fcd5ce"],
  ["#005f73", "#ee9b00"],
  ["#3a0ca3", "#4cc9f0"],
];

/** A simple logo-like picture (shapes only: a bare machine may have no fonts for SVG text). */
function artwork(i: number) {
  const [ink, accent] = PALETTES[i % PALETTES.length]!;
  const shapes = [
    `<circle cx="600" cy="430" r="220" fill="${ink}"/><circle cx="600" cy="430" r="120" fill="${accent}"/>`,
    `<rect x="380" y="210" width="440" height="440" rx="80" fill="${ink}"/><path d="M480 560 L600 300 L720 560 Z" fill="${accent}"/>`,
    `<path d="M600 190 L830 620 L370 620 Z" fill="${ink}"/><circle cx="600" cy="500" r="80" fill="${accent}"/>`,
    `<ellipse cx="600" cy="430" rx="300" ry="180" fill="${accent}"/><rect x="470" y="300" width="260" height="260" fill="${ink}" transform="rotate(45 600 430)"/>`,
  ][i % 4]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">${shapes}<rect x="420" y="720" width="360" height="26" rx="13" fill="${ink}" opacity="0.85"/></svg>`;
}

/** Give ready entries real watermark-free previews and thumbnails in the blob store (tests only). */
export async function paintEntries(entryIds: string[]) {
  for (const [i, entryId] of entryIds.entries()) {
    const revision = await db()
      .selectFrom("entries")
      .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select(["entry_revisions.id", "entry_revisions.preview_key", "entry_revisions.thumbnail_key"])
      .where("entries.id", "=", entryId)
      .executeTakeFirstOrThrow();
    const svg = Buffer.from(artwork(i));
    const preview = await sharp(svg).flatten({ background: "#ffffff" }).webp({ quality: 80 }).toBuffer();
    const thumb = await sharp(svg).flatten({ background: "#ffffff" }).resize(400, 300).webp({ quality: 75 }).toBuffer();
    await blobStore().put(revision.preview_key!, preview, { contentType: "image/webp" });
    await blobStore().put(revision.thumbnail_key!, thumb, { contentType: "image/webp" });
    await db().updateTable("entry_revisions").set({ width: 1200, height: 900 }).where("id", "=", revision.id).execute();
  }
}
