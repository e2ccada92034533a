/**
 * The copy-detection corpus, drawn from a seed (same seed, same pixels, on any machine): logo-like
 * designs drawn into raw RGB buffers (no fonts, no SVG: sharp's untrusted loaders stay out of it),
 * grouped in template families whose members share a shape, its decorations and layout and differ
 * in their initials and colours (the look-alikes), and the copy kinds applied with sharp on raw
 * pixels. Used by scripts/bench-similarity.ts and tests/unit/similarity-decision.test.ts.
 *
 *   npx tsx scripts/similarity-corpus.ts [OUT_DIR] [SEED]   writes PNGs of a sample to look at
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

export interface Rgb {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}
type Colour = [number, number, number];

/** mulberry32: a small seeded generator. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof random>;

// A stroke alphabet on a 4 × 6 grid: polylines, drawn as round-capped strokes.
type Stroke = [number, number][];
const O: Stroke = [
  [1, 0],
  [3, 0],
  [4, 1],
  [4, 5],
  [3, 6],
  [1, 6],
  [0, 5],
  [0, 1],
  [1, 0],
];
const P: Stroke = [
  [0, 6],
  [0, 0],
  [3, 0],
  [4, 1],
  [4, 2],
  [3, 3],
  [0, 3],
];
const GLYPHS: Record<string, Stroke[]> = {
  A: [
    [
      [0, 6],
      [2, 0],
      [4, 6],
    ],
    [
      [1, 3.6],
      [3, 3.6],
    ],
  ],
  B: [
    [
      [0, 0],
      [0, 6],
      [3, 6],
      [4, 5],
      [4, 4],
      [3, 3],
      [0, 3],
    ],
    [
      [0, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [3, 3],
    ],
  ],
  C: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
    ],
  ],
  D: [
    [
      [0, 0],
      [0, 6],
      [2.5, 6],
      [4, 4.5],
      [4, 1.5],
      [2.5, 0],
      [0, 0],
    ],
  ],
  E: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  F: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  G: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 3.5],
      [2.5, 3.5],
    ],
  ],
  H: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [4, 6],
    ],
    [
      [0, 3],
      [4, 3],
    ],
  ],
  I: [
    [
      [2, 0],
      [2, 6],
    ],
    [
      [1, 0],
      [3, 0],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  J: [
    [
      [4, 0],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  K: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [0, 3.5],
    ],
    [
      [1.2, 2.8],
      [4, 6],
    ],
  ],
  L: [
    [
      [0, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  M: [
    [
      [0, 6],
      [0, 0],
      [2, 3],
      [4, 0],
      [4, 6],
    ],
  ],
  N: [
    [
      [0, 6],
      [0, 0],
      [4, 6],
      [4, 0],
    ],
  ],
  O: [O],
  P: [P],
  Q: [
    O,
    [
      [2.5, 4.5],
      [4, 6],
    ],
  ],
  R: [
    P,
    [
      [2, 3],
      [4, 6],
    ],
  ],
  S: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 2],
      [1, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  T: [
    [
      [0, 0],
      [4, 0],
    ],
    [
      [2, 0],
      [2, 6],
    ],
  ],
  U: [
    [
      [0, 0],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 0],
    ],
  ],
  V: [
    [
      [0, 0],
      [2, 6],
      [4, 0],
    ],
  ],
  W: [
    [
      [0, 0],
      [1, 6],
      [2, 3],
      [3, 6],
      [4, 0],
    ],
  ],
  X: [
    [
      [0, 0],
      [4, 6],
    ],
    [
      [4, 0],
      [0, 6],
    ],
  ],
  Y: [
    [
      [0, 0],
      [2, 3],
      [4, 0],
    ],
    [
      [2, 3],
      [2, 6],
    ],
  ],
  Z: [
    [
      [0, 0],
      [4, 0],
      [0, 6],
      [4, 6],
    ],
  ],
};
const LETTERS = Object.keys(GLYPHS);

class Canvas {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Colour,
  ) {
    this.data = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.data.set(background, i * 3);
  }
  /** Paint where the signed distance (negative inside) says, anti-aliased over one pixel. */
  paint(box: [number, number, number, number], sdf: (x: number, y: number) => number, colour: Colour) {
    const [x0, y0, x1, y1] = box;
    for (let y = Math.max(0, Math.floor(y0 - 2)); y < Math.min(this.height, Math.ceil(y1 + 2)); y++) {
      for (let x = Math.max(0, Math.floor(x0 - 2)); x < Math.min(this.width, Math.ceil(x1 + 2)); x++) {
        const cover = Math.max(0, Math.min(1, 0.5 - sdf(x + 0.5, y + 0.5)));
        if (cover === 0) continue;
        const i = (y * this.width + x) * 3;
        for (let c = 0; c < 3; c++)
          this.data[i + c] = Math.round(this.data[i + c]! * (1 - cover) + colour[c]! * cover);
      }
    }
  }
  image(): Rgb {
    return { data: this.data, width: this.width, height: this.height, channels: 3 };
  }
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a closed polygon (negative inside). */
function polygonSdf(points: [number, number][]) {
  return (x: number, y: number) => {
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      d = Math.min(d, segmentDistance(x, y, xi, yi, xj, yj));
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside ? -d : d;
  };
}

function boxOf(points: [number, number][], grow = 0): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs) - grow, Math.min(...ys) - grow, Math.max(...xs) + grow, Math.max(...ys) + grow];
}

/** Text in the stroke alphabet, its top-left at (x, y), `height` tall. */
function drawText(
  canvas: Canvas,
  text: string,
  x: number,
  y: number,
  height: number,
  weight: number,
  colour: Colour,
  slant = 0,
) {
  const unit = height / 6;
  const segments: [number, number, number, number][] = [];
  let cursor = x;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph) {
      for (const stroke of glyph) {
        for (let i = 1; i < stroke.length; i++) {
          const [ax, ay] = stroke[i - 1]!;
          const [bx, by] = stroke[i]!;
          segments.push([
            cursor + ax * unit + (6 - ay) * unit * slant,
            y + ay * unit,
            cursor + bx * unit + (6 - by) * unit * slant,
            y + by * unit,
          ]);
        }
      }
    }
    cursor += unit * 5.6;
  }
  const half = (weight * unit) / 2;
  for (const [ax, ay, bx, by] of segments) {
    canvas.paint(
      [Math.min(ax, bx) - half, Math.min(ay, by) - half, Math.max(ax, bx) + half, Math.max(ay, by) + half],
      (px, py) => segmentDistance(px, py, ax, ay, bx, by) - half,
      colour,
    );
  }
}
const textWidth = (text: string, height: number) => (height / 6) * (5.6 * text.length - 1.6);

const SHAPES = [
  "circle",
  "ring",
  "square",
  "hexagon",
  "shield",
  "star",
  "diamond",
  "octagon",
  "triangle",
  "badge",
] as const;
const DECORATIONS = ["none", "bars", "dots", "inner-ring", "stars", "underline", "corners"] as const;

export interface Template {
  shape: (typeof SHAPES)[number];
  decoration: (typeof DECORATIONS)[number];
  width: number;
  height: number;
  fullBleed: boolean;
  outline: boolean;
  scale: number;
  letters: number;
  letterHeight: number;
  letterWeight: number;
  slant: number;
  dots: number;
  /** Rotation of the shape (radians), for polygons. */
  turn: number;
}

export interface Design {
  id: string;
  family: number;
  template: Template;
  initials: string;
  palette: { background: Colour; shape: Colour; letters: Colour; accent: Colour };
}

export function randomTemplate(r: Random): Template {
  const [width, height] = r.pick([
    [320, 320],
    [320, 320],
    [400, 300],
    [300, 360],
    [360, 300],
  ] as const);
  return {
    shape: r.pick(SHAPES),
    decoration: r.pick(DECORATIONS),
    width,
    height,
    fullBleed: r.chance(0.2),
    outline: r.chance(0.35),
    scale: r.range(0.6, 0.85),
    letters: r.pick([1, 2, 2, 2, 3, 3]),
    letterHeight: r.range(0.35, 0.55),
    letterWeight: r.range(0.7, 1.3),
    slant: r.chance(0.3) ? r.range(0.1, 0.25) : 0,
    dots: r.int(5, 12),
    turn: r.range(0, Math.PI),
  };
}

function randomColour(r: Random, light: boolean): Colour {
  const h = r.next();
  const s = r.range(0.45, 0.9);
  const l = light ? r.range(0.82, 0.95) : r.range(0.25, 0.55);
  const k = (n: number) => (n + h * 12) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

export function randomDesign(
  r: Random,
  template: Template,
  family: number,
  id: string,
  firstLetter?: string,
  taken?: Set<string>,
): Design {
  let initials = "";
  while (initials.length < template.letters) {
    const letter = initials === "" && firstLetter ? firstLetter : r.pick(LETTERS);
    initials += letter;
    // A look-alike differs in its content: never the same initials as one of its family.
    if (initials.length === template.letters && taken?.has(initials)) initials = "";
  }
  taken?.add(initials);
  const white: Colour = [255, 255, 255];
  const background: Colour = template.fullBleed
    ? randomColour(r, false)
    : r.chance(0.75)
      ? white
      : randomColour(r, true);
  const shape = randomColour(r, false);
  const letters: Colour = template.outline
    ? randomColour(r, false)
    : r.chance(0.7)
      ? white
      : randomColour(r, true);
  return {
    id,
    family,
    template,
    initials,
    palette: { background, shape, letters, accent: randomColour(r, false) },
  };
}

function regularPolygon(
  cx: number,
  cy: number,
  radius: number,
  sides: number,
  turn: number,
): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const a = turn + (i * 2 * Math.PI) / sides;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as [number, number];
  });
}

function starPolygon(
  cx: number,
  cy: number,
  radius: number,
  points: number,
  turn: number,
): [number, number][] {
  return Array.from({ length: points * 2 }, (_, i) => {
    const a = turn + (i * Math.PI) / points;
    const rr = i % 2 === 0 ? radius : radius * 0.55;
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
  });
}

function shapePolygon(t: Template, cx: number, cy: number, radius: number): [number, number][] | null {
  switch (t.shape) {
    case "square":
      return regularPolygon(cx, cy, radius * 1.1, 4, Math.PI / 4);
    case "hexagon":
      return regularPolygon(cx, cy, radius, 6, t.turn);
    case "octagon":
      return regularPolygon(cx, cy, radius, 8, Math.PI / 8);
    case "diamond":
      return regularPolygon(cx, cy, radius * 1.05, 4, 0);
    case "triangle":
      return regularPolygon(cx, cy + radius * 0.2, radius * 1.15, 3, -Math.PI / 2);
    case "star":
      return starPolygon(cx, cy, radius * 1.1, 5 + Math.floor(t.turn * 2), -Math.PI / 2);
    case "shield":
      return [
        [cx - radius, cy - radius * 0.9],
        [cx + radius, cy - radius * 0.9],
        [cx + radius, cy + radius * 0.1],
        [cx + radius * 0.5, cy + radius * 0.75],
        [cx, cy + radius],
        [cx - radius * 0.5, cy + radius * 0.75],
        [cx - radius, cy + radius * 0.1],
      ];
    default:
      return null;
  }
}

/** Draw a design (RGB, at its template's size). */
export function drawDesign(d: Design): Rgb {
  const t = d.template;
  const canvas = new Canvas(t.width, t.height, d.palette.background);
  const cx = t.width / 2;
  const cy = t.height / 2;
  const radius = (Math.min(t.width, t.height) / 2) * t.scale;
  const stroke = radius * 0.09;
  const polygon = shapePolygon(t, cx, cy, radius);
  const outer = polygon ? polygonSdf(polygon) : (x: number, y: number) => Math.hypot(x - cx, y - cy) - radius;
  const box: [number, number, number, number] = polygon
    ? boxOf(polygon, stroke)
    : [cx - radius - stroke, cy - radius - stroke, cx + radius + stroke, cy + radius + stroke];
  if (t.shape === "ring" || t.outline) {
    canvas.paint(box, (x, y) => Math.abs(outer(x, y)) - stroke / 2, d.palette.shape);
  } else {
    canvas.paint(box, outer, d.palette.shape);
  }
  if (t.shape === "badge") {
    canvas.paint(
      box,
      (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius * 0.82) - stroke / 3,
      d.palette.letters,
    );
  }
  const onShape = t.shape !== "ring" && !t.outline;
  const ink = onShape ? d.palette.letters : d.palette.shape;
  const accent = onShape ? d.palette.letters : d.palette.accent;
  const letterHeight = radius * t.letterHeight;
  const width = textWidth(d.initials, letterHeight);
  const tx = cx - width / 2 - letterHeight * t.slant * 0.5;
  const ty = cy - letterHeight / 2;
  switch (t.decoration) {
    case "bars": {
      const y = cy;
      for (const side of [-1, 1]) {
        const x0 = cx + side * (width / 2 + radius * 0.1);
        const x1 = cx + side * radius * 0.7;
        canvas.paint(
          [Math.min(x0, x1), y - stroke, Math.max(x0, x1), y + stroke],
          (x, yy) => segmentDistance(x, yy, x0, y, x1, y) - stroke / 2,
          accent,
        );
      }
      break;
    }
    case "dots":
      for (let i = 0; i < t.dots; i++) {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / t.dots;
        const x = cx + Math.cos(a) * radius * 0.72;
        const y = cy + Math.sin(a) * radius * 0.72;
        if (Math.abs(y - cy) < letterHeight * 0.7 && Math.abs(x - cx) < width / 2 + 6) continue;
        canvas.paint(
          [x - stroke, y - stroke, x + stroke, y + stroke],
          (px, py) => Math.hypot(px - x, py - y) - stroke * 0.6,
          accent,
        );
      }
      break;
    case "inner-ring":
      canvas.paint(box, (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius * 0.7) - stroke / 4, accent);
      break;
    case "stars":
      for (const dx of [-1, 0, 1]) {
        const star = starPolygon(
          cx + dx * radius * 0.25,
          cy - letterHeight * 0.6 - radius * 0.15,
          radius * 0.08,
          5,
          -Math.PI / 2,
        );
        canvas.paint(boxOf(star, 1), polygonSdf(star), accent);
      }
      break;
    case "underline": {
      const y = cy + letterHeight * 0.75;
      canvas.paint(
        [tx, y - stroke, tx + width, y + stroke],
        (x, yy) => segmentDistance(x, yy, tx, y, tx + width, y) - stroke / 3,
        accent,
      );
      break;
    }
    case "corners":
      for (const [sx, sy] of [
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ] as const) {
        const x = cx + sx * radius * 0.45;
        const y = cy + sy * radius * 0.45;
        const tri = regularPolygon(x, y, radius * 0.07, 3, sy < 0 ? Math.PI / 2 : -Math.PI / 2);
        canvas.paint(boxOf(tri, 1), polygonSdf(tri), accent);
      }
      break;
    default:
      break;
  }
  drawText(canvas, d.initials, tx, ty, letterHeight, t.letterWeight, ink, t.slant);
  return canvas.image();
}

/** A corpus of genuine designs: `families` template families, the first `singles` of one member. */
export function genuineDesigns(seed: number, count: number, lookAlikeShare = 0.5, familySize = 5): Design[] {
  const r = random(seed);
  const out: Design[] = [];
  let family = 0;
  while (out.length < count) {
    const template = randomTemplate(r);
    // Families of `familySize` drawn with the odds that make `lookAlikeShare` of all designs look-alikes.
    const odds = lookAlikeShare / (lookAlikeShare + familySize * (1 - lookAlikeShare));
    const size = r.chance(odds) && count - out.length >= familySize ? familySize : 1;
    const first = r.pick(LETTERS);
    const taken = new Set<string>();
    for (let i = 0; i < size; i++) {
      const shareFirst = template.letters > 1 && i > 0 && r.chance(0.5);
      out.push(
        randomDesign(r, template, family, `s${seed}-${out.length}`, shareFirst ? first : undefined, taken),
      );
    }
    family++;
  }
  return out;
}

export const COPY_KINDS = [
  "crop",
  "border",
  "mirror",
  "recolour",
  "greyscale",
  "rescale",
  "recompress",
  "rotate",
  "canvas",
  "tagline",
] as const;
export type CopyKind = (typeof COPY_KINDS)[number];
export const COPY_COMBOS: [CopyKind, CopyKind][] = [
  ["crop", "mirror"],
  ["border", "recolour"],
  ["rotate", "recompress"],
  ["canvas", "tagline"],
  ["greyscale", "rescale"],
  ["crop", "rotate"],
  ["mirror", "tagline"],
  ["recolour", "crop"],
];

function raw(image: Rgb) {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels as 3 },
  });
}
async function fromSharp(s: ReturnType<typeof sharp>): Promise<Rgb> {
  const { data, info } = await s.raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
}
function cornerColour(image: Rgb): Colour {
  if (image.channels < 3) return [image.data[0]!, image.data[0]!, image.data[0]!];
  return [image.data[0]!, image.data[1]!, image.data[2]!];
}
const LIGHT: Colour[] = [
  [255, 255, 255],
  [245, 245, 240],
  [250, 246, 232],
  [236, 242, 250],
];

/** One copy kind applied to an image, its amounts drawn from `r`. */
export async function applyCopy(kind: CopyKind, image: Rgb, r: Random): Promise<Rgb> {
  const { width: w, height: h } = image;
  switch (kind) {
    case "crop": {
      const c = r.range(0.03, 0.1);
      const cw = Math.round(w * c);
      const ch = Math.round(h * c);
      const left = r.int(0, cw);
      const top = r.int(0, ch);
      return fromSharp(raw(image).extract({ left, top, width: w - cw, height: h - ch }));
    }
    case "border": {
      const b = Math.round(w * r.range(0.05, 0.15));
      const [red, green, blue] = r.pick(LIGHT);
      return fromSharp(
        raw(image).extend({
          top: b,
          bottom: b,
          left: b,
          right: b,
          background: { r: red, g: green, b: blue },
        }),
      );
    }
    case "mirror":
      return fromSharp(raw(image).flop());
    case "recolour":
      return fromSharp(raw(image).modulate({ hue: r.int(60, 300) }));
    case "greyscale":
      return fromSharp(raw(image).greyscale());
    case "rescale": {
      const f = r.chance(0.5) ? r.range(0.4, 0.75) : r.range(1.3, 1.8);
      return fromSharp(raw(image).resize(Math.round(w * f), Math.round(h * f)));
    }
    case "recompress": {
      const jpeg = await raw(image)
        .jpeg({ quality: r.int(20, 50) })
        .toBuffer();
      return fromSharp(sharp(jpeg));
    }
    case "rotate": {
      const angle = r.range(2, 5) * (r.chance(0.5) ? 1 : -1);
      const [red, green, blue] = cornerColour(image);
      return fromSharp(raw(image).rotate(angle, { background: { r: red, g: green, b: blue } }));
    }
    case "canvas": {
      const f = r.range(1.3, 2.2);
      const extraW = Math.round(w * (f - 1));
      const extraH = Math.round(h * (f - 1));
      const left = r.int(0, extraW);
      const top = r.int(0, extraH);
      const [red, green, blue] = r.pick(LIGHT);
      return fromSharp(
        raw(image).extend({
          left,
          right: extraW - left,
          top,
          bottom: extraH - top,
          background: { r: red, g: green, b: blue },
        }),
      );
    }
    case "tagline": {
      const rgb =
        image.channels === 3 ? image : await fromSharp(raw(image).toColourspace("srgb").removeAlpha());
      const band = Math.round(rgb.height * r.range(0.16, 0.24));
      const canvas = new Canvas(rgb.width, rgb.height + band, cornerColour(rgb));
      canvas.data.set(rgb.data.subarray(0, rgb.width * rgb.height * 3));
      const words = Array.from({ length: r.int(6, 12) }, () => r.pick(LETTERS)).join("");
      const height = Math.min(band * 0.45, (rgb.width * 0.8) / ((words.length * 5.6) / 6));
      const tw = textWidth(words, height);
      drawText(
        canvas,
        words,
        (rgb.width - tw) / 2,
        rgb.height + (band - height) / 2 - band * 0.1,
        height,
        0.9,
        [40, 40, 48],
      );
      return canvas.image();
    }
  }
}

/** A copy of an image with these kinds applied in turn. */
export async function makeCopy(image: Rgb, kinds: readonly CopyKind[], r: Random): Promise<Rgb> {
  let out = image;
  for (const k of kinds) out = await applyCopy(k, out, r);
  return out;
}

/** As the app sees an upload: at most 400 px on the long side (the unwatermarked thumbnail). */
export async function asUploaded(image: Rgb): Promise<Rgb> {
  if (Math.max(image.width, image.height) <= 400) return image;
  return fromSharp(raw(image).resize({ width: 400, height: 400, fit: "inside" }));
}

export async function toPng(image: Rgb): Promise<Buffer> {
  return raw(image).png().toBuffer();
}

async function main() {
  const out = process.argv[2] ?? "data/similarity-corpus";
  const seed = Number(process.argv[3] ?? 1);
  fs.mkdirSync(out, { recursive: true });
  const designs = genuineDesigns(seed, 40);
  const r = random(seed + 1);
  for (const d of designs)
    fs.writeFileSync(path.join(out, `${d.id}-f${d.family}.png`), await toPng(drawDesign(d)));
  for (const kind of COPY_KINDS) {
    const copy = await makeCopy(drawDesign(designs[0]!), [kind], r);
    fs.writeFileSync(path.join(out, `copy-${kind}.png`), await toPng(copy));
  }
  console.log(`wrote ${designs.length + COPY_KINDS.length} images to ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
