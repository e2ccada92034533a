/**
 * Perceptual hash of an entry image: a 64-bit difference hash (dHash). The picture is reduced to a
 * 9 × 8 grid of grey levels and each bit says whether a cell is brighter than its right-hand
 * neighbour, so re-encoding, resizing or a small change of brightness leave most bits alone.
 * Pure: it reads raw pixels, so it needs no image library and is easy to test.
 */

/** Two hashes this close (in differing bits) are the same picture for practical purposes. */
export const NEARLY_IDENTICAL_MAX_DISTANCE = 6;

const GRID_W = 9;
const GRID_H = 8;
/**
 * A cell counts as brighter than its neighbour only by more than this many grey levels. Designs
 * have large flat areas where neighbouring cells are equal; without this margin, codec noise of a
 * fraction of a level would flip those bits at random on every re-encode.
 */
const TIE_LEVELS = 1;

export interface RawPixels {
  data: Uint8Array;
  width: number;
  height: number;
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA; 8 bits per channel. */
  channels: number;
}

/**
 * The 64-bit difference hash as 16 hex characters; the first row of the grid gives the most
 * significant bits. Transparent pixels count as white (a logo on a transparent background hashes
 * like the same logo on paper).
 */
export function differenceHash(image: RawPixels): string {
  const grid = greyGrid(image, GRID_W, GRID_H);
  let hex = "";
  let nibble = 0;
  let bits = 0;
  for (let y = 0; y < GRID_H; y++) {
    for (let x = 0; x < GRID_W - 1; x++) {
      nibble = (nibble << 1) | (grid[y * GRID_W + x]! > grid[y * GRID_W + x + 1]! + TIE_LEVELS ? 1 : 0);
      if (++bits === 4) {
        hex += nibble.toString(16);
        nibble = 0;
        bits = 0;
      }
    }
  }
  return hex;
}

const POPCOUNT = Array.from({ length: 16 }, (_, n) => (n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + (n >> 3));

/** The number of bits in which two hashes of the same length differ. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !/^[0-9a-f]*$/i.test(a) || !/^[0-9a-f]*$/i.test(b)) {
    throw new RangeError(`Cannot compare hashes ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    distance += POPCOUNT[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  }
  return distance;
}

export function isNearlyIdentical(a: string, b: string): boolean {
  return hammingDistance(a, b) <= NEARLY_IDENTICAL_MAX_DISTANCE;
}

/**
 * Area-average the image down to a cols × rows grid of luma values (Rec. 601 weights, in integer
 * arithmetic: this runs over every pixel of a preview-sized image). Each source pixel falls into
 * exactly one cell, which is enough at this scale and keeps it exact and fast.
 */
export function greyGrid(image: RawPixels, cols: number, rows: number): Float64Array {
  const { data, width, height, channels } = image;
  if (width < 1 || height < 1 || channels < 1 || channels > 4 || data.length < width * height * channels) {
    throw new RangeError("Pixel buffer is smaller than its stated size");
  }
  // Column c covers source x in [edge[c], edge[c + 1]); row r likewise over y.
  const colEdge = Array.from({ length: cols + 1 }, (_, c) => Math.ceil((c * width) / cols));
  const sums = new Float64Array(cols * rows);
  const counts = new Float64Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const rowBase = Math.min(rows - 1, Math.floor((y * rows) / height)) * cols;
    const line = y * width * channels;
    for (let c = 0; c < cols; c++) {
      const from = colEdge[c]!;
      const to = colEdge[c + 1]!;
      // luma × 256 per pixel; transparent pixels read as white: luma·α + 255·(255 − α), over 255.
      let sum = 0;
      if (channels === 3) {
        for (let i = line + from * 3, end = line + to * 3; i < end; i += 3) {
          sum += 77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!;
        }
      } else if (channels === 4) {
        for (let i = line + from * 4, end = line + to * 4; i < end; i += 4) {
          const alpha = data[i + 3]!;
          const luma = 77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!;
          sum += alpha === 255 ? luma : (luma * alpha + 65280 * (255 - alpha)) / 255;
        }
      } else {
        for (let i = line + from * channels, end = line + to * channels; i < end; i += channels) {
          const alpha = channels === 2 ? data[i + 1]! : 255;
          sum += (data[i]! * 256 * alpha + 65280 * (255 - alpha)) / 255;
        }
      }
      sums[rowBase + c]! += sum / 256;
      counts[rowBase + c]! += to - from;
    }
  }
  for (let cell = 0; cell < sums.length; cell++) {
    if (counts[cell]! > 0) {
      sums[cell] = sums[cell]! / counts[cell]!;
    } else {
      // An image narrower or shorter than the grid: the cell takes the pixel under its centre.
      const x = Math.floor((((cell % cols) + 0.5) * width) / cols);
      const y = Math.floor(((Math.floor(cell / cols) + 0.5) * height) / rows);
      sums[cell] = lumaAt(image, x, y) / 256;
    }
  }
  return sums;
}

function lumaAt({ data, width, channels }: RawPixels, x: number, y: number): number {
  const i = (y * width + x) * channels;
  const luma = channels >= 3 ? 77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]! : data[i]! * 256;
  const alpha = channels === 2 || channels === 4 ? data[i + channels - 1]! : 255;
  return (luma * alpha + 65280 * (255 - alpha)) / 255;
}
