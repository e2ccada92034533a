/**
 * The formats a winner may deliver, and how we tell them apart. The file's name says which format
 * it claims to be (its extension); its first bytes must agree, where the format has a signature.
 * Pure: no I/O, so the upload path and the tests share it.
 */
import type { FinalFormat } from "~db/schema";
import { translate, type Locale } from "~/i18n";
import type { Deliverable } from "../contests/brief";

export type { FinalFormat };

/** Every format a final file may have: the brief's deliverables, and a zip for anything else. */
export const FINAL_FORMATS: FinalFormat[] = ["svg", "ai", "eps", "pdf", "png", "jpg", "psd", "figma", "zip"];

const EXTENSIONS: Record<string, FinalFormat> = {
  svg: "svg",
  ai: "ai",
  eps: "eps",
  pdf: "pdf",
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  psd: "psd",
  psb: "psd",
  fig: "figma",
  zip: "zip",
};

/** What the browser is told a downloaded file is (always as an attachment, never shown inline). */
export const CONTENT_TYPES: Record<FinalFormat, string> = {
  svg: "image/svg+xml",
  ai: "application/illustrator",
  eps: "application/postscript",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  psd: "image/vnd.adobe.photoshop",
  figma: "application/octet-stream",
  zip: "application/zip",
};

/** The file input's `accept`: extensions, since several of these formats have no reliable MIME type. */
export function acceptAttribute(formats: FinalFormat[]): string {
  return Object.entries(EXTENSIONS)
    .filter(([, f]) => formats.includes(f))
    .map(([ext]) => `.${ext}`)
    .join(",");
}

/** The formats this contest accepts: what the brief asked for, plus zip (all of them if it asked none). */
export function acceptedFormats(deliverables: readonly Deliverable[]): FinalFormat[] {
  const asked = FINAL_FORMATS.filter((f) => f !== "zip" && deliverables.includes(f as Deliverable));
  return asked.length ? [...asked, "zip"] : [...FINAL_FORMATS];
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

export function formatFromFileName(fileName: string): FinalFormat | null {
  return EXTENSIONS[extensionOf(fileName)] ?? null;
}

/**
 * A file name safe to show and to hand to a download: the last path segment, no control
 * characters, at most 120 characters (the extension kept).
 */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .trim();
  if (base.length <= 120) return base;
  const ext = extensionOf(base);
  return `${base.slice(0, 120 - ext.length - 1)}.${ext}`;
}

/** What a file's first bytes say it is. */
export type Detected =
  | "pdf"
  | "postscript"
  | "eps_binary"
  | "png"
  | "jpeg"
  | "psd"
  | "zip"
  | "fig"
  | "gif"
  | "webp"
  | "tiff"
  | "svg"
  | "html"
  | "text"
  | "unknown";

/** How many leading bytes we read before deciding (an SVG's prolog may run a few KB). */
export const SNIFF_BYTES = 8192;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A comment, doctype or processing instruction before the root element of an XML document. */
const SVG_PROLOG = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*<svg[\s>/]/;

export function sniffFormat(head: Uint8Array): Detected {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("8BPS"))) return "psd";
  if (startsWith(head, ascii("PK\u0003\u0004")) || startsWith(head, ascii("PK\u0005\u0006"))) return "zip";
  if (startsWith(head, ascii("fig-kiwi"))) return "fig";
  if (startsWith(head, [0xc5, 0xd0, 0xd3, 0xc6])) return "eps_binary";
  if (startsWith(head, ascii("%!PS"))) return "postscript";
  if (startsWith(head, ascii("GIF8"))) return "gif";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  // PDF readers accept the header anywhere in the first kilobyte.
  const first = Buffer.from(head.subarray(0, 1024)).toString("latin1");
  if (first.includes("%PDF-")) return "pdf";
  if (head.includes(0)) return "unknown";
  // Text: valid UTF-8, except perhaps a character cut by the end of the sniffed window.
  let text = new TextDecoder("utf-8").decode(head.subarray(0, SNIFF_BYTES));
  const bad = text.indexOf("\ufffd");
  if (bad !== -1 && (head.length < SNIFF_BYTES || bad < text.length - 3)) return "unknown";
  text = text.replace(/^\ufeff/, "");
  if (SVG_PROLOG.test(text)) return "svg";
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) return "html";
  return "text";
}

/** Which of the sniffed kinds each claimed format may be. */
const ACCEPTS: Record<FinalFormat, Detected[]> = {
  svg: ["svg"],
  // Illustrator files are PDF-compatible; those from before CS are PostScript.
  ai: ["pdf", "postscript"],
  eps: ["postscript", "eps_binary"],
  pdf: ["pdf"],
  png: ["png"],
  jpg: ["jpeg"],
  psd: ["psd"],
  // Figma's local files are its own binary, or (newer) a zip holding it.
  figma: ["fig", "zip"],
  zip: ["zip"],
};

export function bytesMatch(format: FinalFormat, detected: Detected): boolean {
  return ACCEPTS[format].includes(detected);
}

/** "PNG, SVG or PDF" / "PNG, SVG ou PDF": the formats named, and joined, in the reader's language. */
export function formatList(formats: FinalFormat[], locale: Locale): string {
  const names = formats.map((f) => translate(locale, `handover.format.${f}`));
  const last = names.pop();
  if (last === undefined) return "";
  return names.length ? translate(locale, "handover.format.either", { rest: names.join(", "), last }) : last;
}
