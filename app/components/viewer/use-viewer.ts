import { useNavigate, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useCallback, useRef, useState } from "react";
import { starsText } from "~/components/judging";
import { useT } from "~/i18n/react";
import { MAX_COMPARE, entryForKeys, parseFilter, pickEntries, progressOf } from "~/modules/judging/viewer";
import { entryLabel, viewerHref } from "./labels";
import type { Entry, ViewerData } from "./types";
import { useOptimisticStars } from "./use-optimistic-stars";
import { contestPaths } from "~/modules/contests/next-steps";

/**
 * The viewer's state: the filter, the entry on screen and its neighbours, the entries compared, and
 * the moves (go to an entry, rate the entry on screen) that the keys and the buttons share.
 */
export function useViewer(data: ViewerData) {
  const t = useT();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const [params] = useSearchParams();
  const { contest, ratingOpen } = data;

  // While the browser moves to another entry, show it at once from the list it already has.
  const pendingSearch =
    navigation.state === "loading" && navigation.location?.pathname === contestPaths.judge(contest.id)
      ? new URLSearchParams(navigation.location.search)
      : null;
  const search = pendingSearch ?? params;
  const filter = parseFilter(search.get("filter"));
  const compare = search.getAll("compare").slice(0, MAX_COMPARE);
  const requested = search.get("entry") ?? data.currentId;

  const entries = useOptimisticStars(data.entries);
  const { list, current, prev, next } = pickEntries(entries, filter, requested);
  const progress = progressOf(entries);
  const feedback = current && data.feedback?.entryId === current.id ? data.feedback : null;
  const comparing = compare.length >= 2 ? entries.filter((e) => compare.includes(e.id)) : [];

  const [announcement, setAnnouncement] = useState("");

  // The entry on screen, also between a keypress and the next render: a fast "→ 3" must rate the
  // entry it moved to, not the one the last render's closures remember.
  // A render that does not change the entry (a rating's answer arriving before the move has
  // begun) must not take the ref back to the entry being left.
  const shownRef = useRef(current);
  const renderedId = useRef(current?.id ?? null);
  shownRef.current = entryForKeys(shownRef.current, renderedId.current, current);
  renderedId.current = current?.id ?? null;

  const go = useCallback(
    (entryId: string | null | undefined) => {
      if (!entryId) return;
      shownRef.current = entries.find((e) => e.id === entryId) ?? shownRef.current;
      navigate(viewerHref(filter, entryId), { replace: true, preventScrollReset: true });
    },
    [navigate, filter, entries],
  );

  const rate = useCallback(
    (stars: number) => {
      const current = shownRef.current;
      if (!current || !ratingOpen || current.declined) return;
      const form = new FormData();
      form.set("intent", "rate");
      form.set("entryId", current.id);
      form.set("stars", String(stars));
      form.set("_js", "1");
      submit(form, { method: "post", navigate: false, fetcherKey: `rate:${current.id}` });
      setAnnouncement(`${t("common.label", { label: entryLabel(current, t) })} ${starsText(stars, t)}`);
    },
    [ratingOpen, submit, t],
  );
  // A rating given with Tab and Enter (or a click) is announced like one given with a number key.
  const announce = (entry: Entry) => (stars: number) =>
    setAnnouncement(`${t("common.label", { label: entryLabel(entry, t) })} ${starsText(stars, t)}`);

  return {
    filter,
    compare,
    entries,
    list,
    current,
    prev,
    next,
    progress,
    feedback,
    comparing,
    announcement,
    shownRef,
    go,
    rate,
    announce,
  };
}
