import sharp from "sharp";

/**
 * A real PNG with structure that depends on `seed` (so perceptual hashes differ between seeds),
 * drawn from raw pixels: no decoder is needed to make it (the app blocks sharp's SVG loader).
 */
export async function makePng(seed: number, size = 640): Promise<Buffer> {
  const data = Buffer.alloc(size * size * 3);
  const cx = ((seed * 97) % size) | 0;
  const cy = ((seed * 53) % size) | 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const inCircle = (x - cx) ** 2 + (y - size / 2) ** 2 < (size / 4) ** 2;
      const inBar = y > cy && y < cy + size / 6 && x > size / 8 && x < size / 2;
      const base = ((x + y + seed * 31) % 256) / 2 + 100;
      data[i] = inCircle ? 200 : inBar ? 20 : base;
      data[i + 1] = inCircle ? (seed * 40) % 256 : inBar ? 60 : base - 20;
      data[i + 2] = inCircle ? 60 : inBar ? 160 : 240 - base / 2;
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/** A multipart body as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Buffer },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

/**
 * An entry's upload form as a designer sends it. The declaration is explicit here, not in the app:
 * "no generative AI" unless a test passes `generativeAi` itself (ADR 0041).
 */
export function entryForm(
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Buffer },
) {
  return multipart({ generativeAi: "no", ...fields }, file);
}
