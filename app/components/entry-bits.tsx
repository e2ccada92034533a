import type { EntryStatus } from "~db/schema";
import { t } from "~/i18n";

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  return <span className={`status status--${status}`}>{t(`entries.status.${status}`)}</span>;
}

export function entryAlt(entry: { title: string; number: number; designerName: string }) {
  return t("entries.alt", {
    title: entry.title || `${t("entries.untitled")} ${t("entries.number", { number: entry.number })}`,
    designer: entry.designerName,
  });
}
