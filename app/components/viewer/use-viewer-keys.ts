import { useEffect, useRef, type RefObject } from "react";
import { pickEntries, type ViewerFilter } from "~/modules/judging/viewer";
import type { Entry } from "./types";

/**
 * Keyboard: ←/→ move, 1–5 rate, D declines (client), C opens the comment (or note) box, Esc closes.
 * Returns the two panels' refs, for the panels D and C open.
 */
export function useViewerKeys({
  entries,
  filter,
  current,
  comparing,
  shownRef,
  go,
  rate,
  isClient,
}: {
  entries: Entry[];
  filter: ViewerFilter;
  current: Entry | null;
  comparing: Entry[];
  shownRef: RefObject<Entry>;
  go: (entryId: string | null | undefined) => void;
  rate: (stars: number) => void;
  isClient: boolean;
}) {
  const declineRef = useRef<HTMLDetailsElement>(null);
  const talkRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) {
        if (event.key === "Escape") (target as HTMLElement).blur();
        return;
      }
      const key = event.key;
      if (key === "ArrowRight" || key === "ArrowLeft") {
        if (comparing.length) return;
        event.preventDefault();
        // From the entry on screen now (shownRef), so fast presses each move one step.
        const here = pickEntries(entries, filter, shownRef.current?.id ?? null);
        go(key === "ArrowRight" ? here.next?.id : here.prev?.id);
      } else if (/^[1-5]$/.test(key)) {
        event.preventDefault();
        rate(Number(key));
      } else if ((key === "d" || key === "D") && isClient && current && !current.declined) {
        event.preventDefault();
        if (declineRef.current) {
          declineRef.current.open = true;
          declineRef.current.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
        }
      } else if (key === "c" || key === "C") {
        event.preventDefault();
        if (talkRef.current) {
          talkRef.current.open = true;
          talkRef.current.querySelector<HTMLTextAreaElement>("textarea")?.focus();
        }
      } else if (key === "Escape") {
        for (const d of [declineRef.current, talkRef.current]) if (d) d.open = false;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, rate, entries, filter, isClient, current, comparing.length, shownRef]);
  return { declineRef, talkRef };
}
