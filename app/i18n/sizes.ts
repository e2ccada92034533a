import { translate, type Locale } from "./index";

/** "25 MB", "2.5 MB", "64 KB", "900 bytes" / "25 Mo", "2,5 Mo", "64 ko", "900 octets": file sizes for people. */
export function formatBytes(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return translate(locale, "bytes.mb", { n: Math.round(mb * 10) / 10 });
  if (bytes >= 1024) return translate(locale, "bytes.kb", { n: Math.round(bytes / 1024) });
  return translate(locale, "bytes.b", { n: bytes });
}
