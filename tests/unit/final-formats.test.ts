import { describe, expect, it } from "vitest";
import {
  acceptAttribute,
  acceptedFormats,
  bytesMatch,
  cleanFileName,
  formatFromFileName,
  sniffFormat,
} from "~/modules/handover/formats";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("final file formats", () => {
  it("tells each format by its first bytes", () => {
    const cases: [Buffer, string][] = [
      [bytes("%PDF-1.7\n"), "pdf"],
      [bytes([0xef, 0xbb, 0xbf], "junk before the header %PDF-1.4\n"), "pdf"],
      [bytes("%!PS-Adobe-3.0 EPSF-3.0\n"), "postscript"],
      [bytes([0xc5, 0xd0, 0xd3, 0xc6, 0, 0, 0, 0]), "eps_binary"],
      [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "png"],
      [bytes([0xff, 0xd8, 0xff, 0xe0]), "jpeg"],
      [bytes("8BPS", [0, 1]), "psd"],
      [bytes("PK", [3, 4], "rest"), "zip"],
      [bytes("fig-kiwi", [0x0f, 0, 0, 0]), "fig"],
      [bytes("GIF89a"), "gif"],
      [bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "webp"],
      [bytes([0x49, 0x49, 0x2a, 0x00]), "tiff"],
      [bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), "svg"],
      [
        bytes(
          [0xef, 0xbb, 0xbf],
          '<?xml version="1.0"?>\n<!-- Generator: Adobe Illustrator 28.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY ns "x">\n]>\n<svg version="1.1">',
        ),
        "svg",
      ],
      [bytes("<!DOCTYPE html><html><svg></svg></html>"), "html"],
      [bytes("just some notes\n"), "text"],
      [bytes([0, 1, 2, 3, 200, 201]), "unknown"],
    ];
    for (const [head, kind] of cases) expect(sniffFormat(head), kind).toBe(kind);
  });

  it("accepts Illustrator files as PDF or PostScript, Figma as its own binary or a zip, and nothing else crosses over", () => {
    expect(bytesMatch("ai", "pdf")).toBe(true);
    expect(bytesMatch("ai", "postscript")).toBe(true);
    expect(bytesMatch("eps", "eps_binary")).toBe(true);
    expect(bytesMatch("figma", "zip")).toBe(true);
    expect(bytesMatch("pdf", "postscript")).toBe(false);
    expect(bytesMatch("svg", "html")).toBe(false);
    expect(bytesMatch("jpg", "png")).toBe(false);
    expect(bytesMatch("zip", "fig")).toBe(false);
  });

  it("takes the format from the name, accepts what the brief asked for plus a zip, and cleans names", () => {
    expect(formatFromFileName("Logo.JPEG")).toBe("jpg");
    expect(formatFromFileName("big.psb")).toBe("psd");
    expect(formatFromFileName("file.fig")).toBe("figma");
    expect(formatFromFileName("README")).toBeNull();
    expect(formatFromFileName(".svg")).toBeNull();
    expect(acceptedFormats(["png", "svg"])).toEqual(["svg", "png", "zip"]);
    expect(acceptedFormats([])).toHaveLength(9);
    expect(acceptAttribute(["png", "jpg", "zip"])).toBe(".png,.jpg,.jpeg,.zip");
    expect(cleanFileName("C:\\Users\\ana\\logo\u0000.svg")).toBe("logo.svg");
    expect(cleanFileName("../../etc/passwd.png")).toBe("passwd.png");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});
