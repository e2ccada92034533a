import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  differenceHash,
  greyGrid,
  hammingDistance,
  isNearlyIdentical,
  NEARLY_IDENTICAL_MAX_DISTANCE,
  type RawPixels,
} from "~/modules/entries/phash";

/** Grey pixels from a function of (x, y), as RGB. */
function picture(width: number, height: number, grey: (x: number, y: number) => number): RawPixels {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.fill(grey(x, y), (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return { data, width, height, channels: 3 };
}

const hashArb = fc.stringMatching(/^[0-9a-f]{16}$/);

describe("differenceHash", () => {
  it("is 16 hex characters: one bit per neighbour pair of a 9 × 8 grid", () => {
    const hash = differenceHash(picture(90, 80, (x, y) => (x * 7 + y * 3) % 256));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("sets a bit where a cell is brighter than its right-hand neighbour", () => {
    expect(differenceHash(picture(90, 80, (x) => 250 - x * 2))).toBe("ffffffffffffffff"); // darker to the right
    expect(differenceHash(picture(90, 80, (x) => 10 + x * 2))).toBe("0000000000000000"); // brighter to the right
    // Only the top row falls to the right: the first 8 bits.
    expect(differenceHash(picture(90, 80, (x, y) => (y < 10 ? 250 - x * 2 : 10 + x * 2)))).toBe(
      "ff00000000000000",
    );
  });

  it("ignores differences within one grey level (flat areas do not flip on codec noise)", () => {
    const flat = picture(90, 80, () => 128);
    const wobble = picture(90, 80, (x) => (Math.floor(x / 10) % 2 === 0 ? 128 : 127));
    expect(differenceHash(flat)).toBe("0000000000000000");
    expect(differenceHash(wobble)).toBe("0000000000000000");
  });

  it("reads transparent pixels as white", () => {
    const rgba = new Uint8Array(90 * 80 * 4); // all transparent black
    const white = picture(90, 80, () => 255);
    expect(differenceHash({ data: rgba, width: 90, height: 80, channels: 4 })).toBe(differenceHash(white));
    expect(greyGrid({ data: rgba, width: 90, height: 80, channels: 4 }, 9, 8)[0]).toBeCloseTo(255, 5);
  });

  it("works on pictures smaller than the grid", () => {
    const tiny = picture(3, 2, (x) => 200 - x * 80);
    expect(differenceHash(tiny)).toMatch(/^[0-9a-f]{16}$/);
    expect(differenceHash(tiny)).not.toBe("0000000000000000");
  });

  it("refuses a buffer shorter than its stated size", () => {
    expect(() => differenceHash({ data: new Uint8Array(10), width: 9, height: 8, channels: 3 })).toThrow(
      RangeError,
    );
  });

  it("property: adding the same brightness to every pixel (without clipping) changes no bit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 20, max: 120 }),
        (seed, lift, size) => {
          const base = picture(size, size, (x, y) => 20 + ((x * 31 + y * 17 + seed * 13) % 190));
          const brighter = picture(size, size, (x, y) => 20 + lift + ((x * 31 + y * 17 + seed * 13) % 190));
          expect(differenceHash(brighter)).toBe(differenceHash(base));
        },
      ),
    );
  });

  it("property: the hash does not depend on the channel layout (grey, RGB, RGBA opaque)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 18 * 16, maxLength: 18 * 16 }), (greys) => {
        const width = 18;
        const height = 16;
        const grey: RawPixels = { data: greys, width, height, channels: 1 };
        const rgb = new Uint8Array(width * height * 3);
        const rgba = new Uint8Array(width * height * 4);
        greys.forEach((g, i) => {
          rgb.fill(g, i * 3, i * 3 + 3);
          rgba.fill(g, i * 4, i * 4 + 3);
          rgba[i * 4 + 3] = 255;
        });
        const hash = differenceHash(grey);
        expect(differenceHash({ data: rgb, width, height, channels: 3 })).toBe(hash);
        expect(differenceHash({ data: rgba, width, height, channels: 4 })).toBe(hash);
      }),
    );
  });
});

describe("hammingDistance", () => {
  it("counts differing bits", () => {
    expect(hammingDistance("0000000000000000", "0000000000000000")).toBe(0);
    expect(hammingDistance("0000000000000000", "ffffffffffffffff")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
    expect(hammingDistance("F0F0000000000000", "f0f0000000000000")).toBe(0);
  });

  it("refuses hashes it cannot compare", () => {
    expect(() => hammingDistance("abc", "abcd")).toThrow(RangeError);
    expect(() => hammingDistance("zzzzzzzzzzzzzzzz", "0000000000000000")).toThrow(RangeError);
  });

  it("property: it is a metric (zero on itself, symmetric, triangle inequality) and equals BigInt popcount", () => {
    fc.assert(
      fc.property(hashArb, hashArb, hashArb, (a, b, c) => {
        expect(hammingDistance(a, a)).toBe(0);
        expect(hammingDistance(a, b)).toBe(hammingDistance(b, a));
        expect(hammingDistance(a, c)).toBeLessThanOrEqual(hammingDistance(a, b) + hammingDistance(b, c));
        const xor = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
        expect(hammingDistance(a, b)).toBe([...xor.toString(2)].filter((bit) => bit === "1").length);
      }),
    );
  });

  it("calls hashes within the threshold nearly identical", () => {
    expect(NEARLY_IDENTICAL_MAX_DISTANCE).toBe(6);
    expect(isNearlyIdentical("0000000000000000", "000000000000003f")).toBe(true); // 6 bits
    expect(isNearlyIdentical("0000000000000000", "000000000000007f")).toBe(false); // 7 bits
  });
});
