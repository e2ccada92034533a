import { useFetchers } from "@remix-run/react";
import { useMemo } from "react";
import type { Entry } from "./types";

/** Stars as the person sees them right now: what they just pressed, before the server answers. */
export function useOptimisticStars(entries: Entry[]) {
  const fetchers = useFetchers();
  return useMemo(() => {
    const pending = new Map<string, number>();
    for (const f of fetchers) {
      if (f.formData?.get("intent") === "rate" && f.state !== "idle") {
        pending.set(String(f.formData.get("entryId")), Number(f.formData.get("stars")));
      }
    }
    if (!pending.size) return entries;
    return entries.map((e) => (pending.has(e.id) ? { ...e, myStars: pending.get(e.id)! } : e));
  }, [entries, fetchers]);
}
