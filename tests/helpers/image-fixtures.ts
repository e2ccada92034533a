import sharp from "sharp";

/**
 * Real image bytes for tests and the benchmark, drawn in plain JavaScript into raw pixels and
 * encoded with sharp. Nothing goes through SVG: the pipeline blocks sharp's SVG loader.
 */

/** A small deterministic PRNG (mulberry32), so a seed always draws the same picture. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** Photographic-looking pixels: gradients, soft texture, noise and a few shapes. */
export function photoPixels(width: number, height: number, seed = 1): RawImage {
  const rnd = random(seed);
  const data = Buffer.alloc(width * height * 3);
  const base = [rnd() * 255, rnd() * 255, rnd() * 255];
  const slope = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1];
  const fx = 2 + rnd() * 6;
  const fy = 2 + rnd() * 6;
  const phase = rnd() * Math.PI * 2;
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const wave = 40 * Math.sin(fx * u * Math.PI + phase) * Math.cos(fy * v * Math.PI);
      const noise = (rnd() - 0.5) * 36;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        data[i + c] = clamp(base[c]! + slope[c]! * 120 * (u - v) + wave * (c === 1 ? -1 : 1) + noise);
      }
    }
  }
  const image: RawImage = { data, width, height, channels: 3 };
  const shapes = 6 + Math.floor(rnd() * 6);
  for (let s = 0; s < shapes; s++) {
    const colour = [rnd() * 255, rnd() * 255, rnd() * 255, 255];
    const cx = rnd() * width;
    const cy = rnd() * height;
    const r = (0.04 + rnd() * 0.15) * Math.min(width, height);
    if (s % 2 === 0) fillCircle(image, cx, cy, r, colour);
    else fillRect(image, cx - r, cy - r * 0.6, r * 2, r * 1.2, colour);
  }
  return image;
}

/** A flat-colour logo on a transparent background. */
export function logoPixels(size: number, seed = 7): RawImage {
  const rnd = random(seed);
  const image: RawImage = { data: Buffer.alloc(size * size * 4), width: size, height: size, channels: 4 };
  const palette = [
    [20, 40, 120, 255],
    [240, 180, 20, 255],
    [200, 30, 60, 255],
  ];
  fillCircle(image, size / 2, size / 2, size * 0.42, palette[0]!);
  fillCircle(image, size / 2, size / 2, size * 0.3, palette[1]!);
  fillRect(image, size * 0.3, size * 0.45, size * 0.4, size * 0.1, palette[2]!);
  for (let i = 0; i < 5; i++) {
    fillCircle(image, size * (0.2 + rnd() * 0.6), size * (0.2 + rnd() * 0.6), size * 0.04, palette[2]!);
  }
  return image;
}

export function fillCircle(image: RawImage, cx: number, cy: number, r: number, rgba: number[]) {
  const { width, height, channels, data } = image;
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(height - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    const dx = Math.sqrt(Math.max(0, r * r - (y - cy) ** 2));
    const x0 = Math.max(0, Math.floor(cx - dx));
    const x1 = Math.min(width - 1, Math.ceil(cx + dx));
    for (let x = x0; x <= x1; x++) setPixel(data, (y * width + x) * channels, channels, rgba);
  }
}

export function fillRect(image: RawImage, left: number, top: number, w: number, h: number, rgba: number[]) {
  const { width, height, channels, data } = image;
  for (let y = Math.max(0, Math.floor(top)); y < Math.min(height, top + h); y++) {
    for (let x = Math.max(0, Math.floor(left)); x < Math.min(width, left + w); x++) {
      setPixel(data, (y * width + x) * channels, channels, rgba);
    }
  }
}

function setPixel(data: Buffer, i: number, channels: number, rgba: number[]) {
  for (let c = 0; c < channels; c++) data[i + c] = rgba[c] ?? 255;
}

function clamp(v: number) {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

export function fromRaw(image: RawImage) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
}

export function photoJpeg(width: number, height: number, seed = 1, quality = 85) {
  return fromRaw(photoPixels(width, height, seed))
    .jpeg({ quality })
    .toBuffer();
}

export function photoPng(width: number, height: number, seed = 1) {
  return fromRaw(photoPixels(width, height, seed))
    .png()
    .toBuffer();
}

export function photoWebp(width: number, height: number, seed = 1) {
  return fromRaw(photoPixels(width, height, seed))
    .webp({ quality: 85 })
    .toBuffer();
}

export function logoPng(size: number, seed = 7) {
  return fromRaw(logoPixels(size, seed)).png().toBuffer();
}

/** Decoded pixels of an encoded image (for comparing outputs). */
export async function pixelsOf(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}
