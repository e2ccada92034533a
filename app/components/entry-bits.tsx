import type { EntryStatus } from "~db/schema";
import type { T } from "~/i18n";
import { useT } from "~/i18n/react";
import "./entry-bits.css";

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`entries.status.${status}`)}</span>;
}

export function entryAlt(entry: { title: string; number: number; designerName: string | null }, t: T) {
  const title = entry.title || `${t("entries.untitled")} ${t("entries.number", { number: entry.number })}`;
  // A blind contest does not name the designer, not even to a screen reader.
  if (entry.designerName === null) return t("entries.altAnonymous", { title });
  return t("entries.alt", { title, designer: entry.designerName });
}
