import type { EntryStatus } from "~db/schema";
import { t } from "~/i18n";
import "./entry-bits.css";

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  return <span className={`status status--${status}`}>{t(`entries.status.${status}`)}</span>;
}

export function entryAlt(entry: { title: string; number: number; designerName: string | null }) {
  const title = entry.title || `${t("entries.untitled")} ${t("entries.number", { number: entry.number })}`;
  // A blind contest does not name the designer, not even to a screen reader.
  if (entry.designerName === null) return t("entries.altAnonymous", { title });
  return t("entries.alt", { title, designer: entry.designerName });
}
