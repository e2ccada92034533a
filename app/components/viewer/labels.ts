import type { T } from "~/i18n";
import type { ViewerFilter } from "~/modules/judging/viewer";
import type { Entry } from "./types";

export function viewerHref(filter: ViewerFilter, entryId?: string | null) {
  const search = new URLSearchParams();
  if (entryId) search.set("entry", entryId);
  if (filter !== "all") search.set("filter", filter);
  const s = search.toString();
  return s ? `?${s}` : "?";
}

export function entryLabel(entry: Entry, t: T) {
  return entry.designerName
    ? t("viewer.entryBy", { number: entry.number, designer: entry.designerName })
    : t("viewer.entry", { number: entry.number });
}

export function entryAlt(entry: Entry, t: T) {
  return entry.title ? `${entry.title} · ${entryLabel(entry, t)}` : entryLabel(entry, t);
}
