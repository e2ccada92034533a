import sharp from "sharp";
import { db } from "~db/index";
import { blobStore } from "~storage/index";

// Logo-like previews for the judging screens, drawn into raw pixels (the app blocks sharp's SVG
// loader for the whole process, so nothing here goes through SVG).

const PALETTES: [string, string][] = [
  ["#1f3a5f", "#f4b942"],
  ["#7a1f3d", "#f2e8cf"],
  ["#0f5132", "#95d5b2"],
  ["#3d348b", "#f7b801"],
  ["#22223b", "#c9ada7"],
  ["#9c2c2c", "#fcd5ce"],
  ["#005f73", "#ee9b00"],
  ["#3a0ca3", "#4cc9f0"],
];

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

type Shape = (x: number, y: number) => 0 | 1 | 2; // 0 paper, 1 ink, 2 accent

const SHAPES: Shape[] = [
  // A ring with a dot.
  (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.46);
    return d < 0.12 ? 2 : d < 0.24 ? 1 : 0;
  },
  // A rounded square with a triangle.
  (x, y) => {
    const inTri = y > 0.3 && y < 0.62 && Math.abs(x - 0.5) < (y - 0.3) * 0.45;
    if (inTri) return 2;
    return Math.abs(x - 0.5) < 0.2 && Math.abs(y - 0.46) < 0.26 ? 1 : 0;
  },
  // A triangle with a sun.
  (x, y) => {
    if (Math.hypot(x - 0.5, y - 0.52) < 0.07) return 2;
    return y > 0.2 && y < 0.7 && Math.abs(x - 0.5) < (y - 0.2) * 0.42 ? 1 : 0;
  },
  // An eye: an ellipse and a diamond.
  (x, y) => {
    if (Math.abs(x - 0.5) + Math.abs(y - 0.46) < 0.13) return 1;
    return ((x - 0.5) / 0.26) ** 2 + ((y - 0.46) / 0.2) ** 2 < 1 ? 2 : 0;
  },
];

function draw(i: number, width = 960, height = 720) {
  const [inkHex, accentHex] = PALETTES[i % PALETTES.length]!;
  const ink = rgb(inkHex);
  const accent = rgb(accentHex);
  const shape = SHAPES[i % SHAPES.length]!;
  const data = Buffer.alloc(width * height * 3, 255);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const x = 0.5 + (px - width / 2) / height; // square units, centred
      const y = py / height;
      let c = shape(x, y);
      // A word mark under the symbol: a rounded bar.
      if (c === 0 && Math.abs(x - 0.5) < 0.16 && Math.abs(y - 0.82) < 0.018) c = 1;
      if (c) data.set(c === 1 ? ink : accent, (py * width + px) * 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** Give ready entries real previews and thumbnails in the blob store (tests only). */
export async function paintEntries(entryIds: string[]) {
  for (const [i, entryId] of entryIds.entries()) {
    const revision = await db()
      .selectFrom("entries")
      .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select(["entry_revisions.id", "entry_revisions.preview_key", "entry_revisions.thumbnail_key"])
      .where("entries.id", "=", entryId)
      .executeTakeFirstOrThrow();
    const preview = await draw(i).webp({ quality: 80 }).toBuffer();
    const thumb = await draw(i).resize(400, 300).webp({ quality: 75 }).toBuffer();
    await blobStore().put(revision.preview_key!, preview, { contentType: "image/webp" });
    await blobStore().put(revision.thumbnail_key!, thumb, { contentType: "image/webp" });
    await db()
      .updateTable("entry_revisions")
      .set({ width: 960, height: 720 })
      .where("id", "=", revision.id)
      .execute();
  }
}
