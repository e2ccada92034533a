/**
 * A minimal PDF writer: A4 pages of wrapped text in the standard Helvetica and Helvetica-Bold fonts
 * (every PDF reader has them, nothing is embedded), WinAnsi encoding. Enough for a signed agreement;
 * nothing more. Pure: returns the bytes.
 *
 * WinAnsi covers English, French and the other Western European languages; a character it lacks is
 * written without its accent if that helps, else as "?". The exact signed text is kept (and offered)
 * as UTF-8 beside the PDF, with its SHA-256.
 */

export type PdfBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "small"; text: string }
  | { kind: "space" };

// Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for ASCII 32–126, from Adobe's AFM files.
// prettier-ignore
const HELVETICA = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
// prettier-ignore
const HELVETICA_BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];

/** WinAnsi's codes 128–159 (the rest of 160–255 is Latin-1 itself). */
const WIN_ANSI_EXTRA: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Spaces WinAnsi lacks, written as its no-break space (French puts a narrow one before « : » and inside guillemets). */
const NO_BREAK: Record<string, number> = { "\u202f": 0xa0, "\u2007": 0xa0, "\u2060": 0xa0 };

function winAnsiCode(ch: string): number | null {
  const code = ch.codePointAt(0)!;
  if ((code >= 32 && code <= 126) || (code >= 160 && code <= 255)) return code;
  return WIN_ANSI_EXTRA[ch] ?? NO_BREAK[ch] ?? null;
}

/** Letters that do not decompose into a base letter and an accent. */
const PLAIN: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  ŀ: "l",
  Ŀ: "L",
};

/** The text as WinAnsi codes: accents dropped where that helps, "?" where nothing does. */
export function toWinAnsi(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.replace(/\t/g, "    ")) {
    const direct = winAnsiCode(ch);
    if (direct !== null) {
      out.push(direct);
      continue;
    }
    const plain = PLAIN[ch] ?? ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    const codes = [...plain].map(winAnsiCode);
    if (plain && codes.every((c) => c !== null)) out.push(...(codes as number[]));
    else out.push(0x3f);
  }
  return out;
}

/**
 * Advance widths of the WinAnsi codes above 126 that are not as wide as a base letter (regular,
 * bold), from the same AFM files: typographic quotes, dashes, guillemets, œ, æ.
 */
// prettier-ignore
const WIDE: Record<number, [number, number]> = {
  0x80: [556, 556], 0x82: [222, 278], 0x84: [333, 500], 0x85: [1000, 1000], 0x89: [1000, 1000],
  0x8b: [333, 333], 0x8c: [1000, 1000], 0x91: [222, 278], 0x92: [222, 278], 0x93: [333, 500],
  0x94: [333, 500], 0x95: [350, 350], 0x96: [556, 556], 0x97: [1000, 1000], 0x99: [1000, 1000],
  0x9b: [333, 333], 0x9c: [944, 944], 0xa0: [278, 278], 0xab: [556, 556], 0xb0: [400, 400],
  0xbb: [556, 556], 0xc6: [1000, 1000], 0xe6: [889, 889], 0xdf: [611, 611],
};

/** The Unicode character a WinAnsi code stands for. */
const UNICODE_OF = new Map(Object.entries(WIN_ANSI_EXTRA).map(([ch, code]) => [code, ch]));

function charWidth(code: number, bold: boolean): number {
  const table = bold ? HELVETICA_BOLD : HELVETICA;
  if (code >= 32 && code <= 126) return table[code - 32]!;
  const wide = WIDE[code];
  if (wide) return wide[bold ? 1 : 0];
  // Accented letters are as wide as their base letter in Helvetica; other symbols about an "n".
  const base = (UNICODE_OF.get(code) ?? String.fromCharCode(code)).normalize("NFKD").charCodeAt(0);
  if (base >= 32 && base <= 126) return table[base - 32]!;
  return 556;
}

function textWidth(codes: number[], size: number, bold: boolean) {
  return (codes.reduce((sum, c) => sum + charWidth(c, bold), 0) * size) / 1000;
}

/** Break a paragraph into lines that fit `width` points (long words are cut). */
export function wrap(text: string, size: number, width: number, bold = false): number[][] {
  const lines: number[][] = [];
  for (const paragraphLine of text.split("\n")) {
    let line: number[] = [];
    for (const word of paragraphLine.split(/ +/)) {
      let codes = toWinAnsi(word);
      const candidate = line.length ? [...line, 0x20, ...codes] : codes;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line.length) lines.push(line);
      while (textWidth(codes, size, bold) > width && codes.length > 1) {
        let cut = codes.length - 1;
        while (cut > 1 && textWidth(codes.slice(0, cut), size, bold) > width) cut--;
        lines.push(codes.slice(0, cut));
        codes = codes.slice(cut);
      }
      line = codes;
    }
    lines.push(line);
  }
  return lines;
}

/** A PDF literal string: ( ) \ escaped, bytes above 126 as octal escapes. */
function pdfString(codes: number[]): string {
  let out = "(";
  for (const c of codes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c < 32 || c > 126) out += `\\${c.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(c);
  }
  return `${out})`;
}

const PAGE = { width: 595.28, height: 841.89, margin: 64 };
const STYLE = {
  title: { size: 18, bold: true, leading: 24, after: 10 },
  heading: { size: 12, bold: true, leading: 16, after: 4 },
  paragraph: { size: 10.5, bold: false, leading: 14.5, after: 7 },
  small: { size: 8.5, bold: false, leading: 11.5, after: 3 },
} as const;

export interface PdfOptions {
  title: string;
  /** Drawn at the foot of every page; {n} and {total} are replaced. */
  footer?: string;
  /** The document's creation date (the PDF's Info dictionary). */
  createdAt?: number;
  /** The language of its text, as a BCP 47 tag (the catalog's /Lang, read by screen readers). */
  lang?: string;
}

/** Lay out the blocks on A4 pages and write the PDF. */
export function renderPdf(blocks: PdfBlock[], options: PdfOptions): Uint8Array<ArrayBuffer> {
  const width = PAGE.width - 2 * PAGE.margin;
  const pages: string[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  for (const block of blocks) {
    if (block.kind === "space") {
      y -= 10;
      continue;
    }
    const style = STYLE[block.kind];
    for (const line of wrap(block.text, style.size, width, style.bold)) {
      if (y - style.leading < PAGE.margin + 20) {
        pages.push([]);
        y = PAGE.height - PAGE.margin;
      }
      y -= style.leading;
      const font = style.bold ? "F2" : "F1";
      pages[pages.length - 1]!.push(
        `BT /${font} ${style.size} Tf ${PAGE.margin} ${y.toFixed(2)} Td ${pdfString(line)} Tj ET`,
      );
    }
    y -= style.after;
  }

  // Objects: 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  const lang = options.lang ? ` /Lang ${pdfString(toWinAnsi(options.lang))}` : "";
  objects[1] = `<< /Type /Catalog /Pages 2 0 R${lang} >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  const date = new Date(options.createdAt ?? 0).toISOString().replace(/[-:T]/g, "").slice(0, 14);
  objects[5] = `<< /Title ${pdfString(toWinAnsi(options.title))} /Producer (Concours) /CreationDate (D:${date}Z) >>`;
  pages.forEach((lines, i) => {
    const footer = options.footer
      ? [
          `BT /F1 8 Tf ${PAGE.margin} ${(PAGE.margin - 24).toFixed(2)} Td ${pdfString(
            toWinAnsi(options.footer.replace("{n}", String(i + 1)).replace("{total}", String(pages.length))),
          )} Tj ET`,
        ]
      : [];
    const content = ["0.07 0.07 0.08 rg", ...lines, "0.37 0.37 0.42 rg", ...footer].join("\n");
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] =
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
