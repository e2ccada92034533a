import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Preview, starsText } from "~/components/judging";
import { useT } from "~/i18n/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { entryLabel, viewerHref } from "./labels";
import type { Entry } from "./types";
import { usePrefersReducedMotion } from "./use-prefers-reduced-motion";

/** Every entry of the filter as a thumbnail, each with a box to pick it for comparing. */
export function Filmstrip({
  list,
  current,
  prev,
  next,
  filter,
  compare,
}: {
  list: Entry[];
  current: Entry | null;
  prev: Entry | null;
  next: Entry | null;
  filter: ViewerFilter;
  /** The entries the address asks to compare (their boxes start ticked). */
  compare: string[];
}) {
  const t = useT();
  const stripRef = useRef<HTMLOListElement>(null);
  const reducedMotion = usePrefersReducedMotion();
  // Keep the current thumbnail in view, and warm the neighbours' previews.
  useEffect(() => {
    const item = stripRef.current?.querySelector<HTMLElement>("[aria-current='true']");
    item?.scrollIntoView({ block: "nearest", inline: "center", behavior: reducedMotion ? "auto" : "smooth" });
    for (const n of [next, prev]) {
      if (n?.previewUrl) new Image().src = n.previewUrl;
    }
  }, [current?.id, next, prev, reducedMotion]);
  return (
    <Form method="get" className="viewer__strip" aria-label={t("viewer.filmstrip")} preventScrollReset>
      {filter !== "all" ? <input type="hidden" name="filter" value={filter} /> : null}
      <ol ref={stripRef} className="filmstrip">
        {list.map((e) => (
          <li key={e.id} className="filmstrip__item" aria-current={e.id === current?.id ? "true" : undefined}>
            <Link
              to={viewerHref(filter, e.id)}
              replace
              preventScrollReset
              className="filmstrip__thumb"
              aria-label={`${entryLabel(e, t)}${e.myStars ? ` · ${starsText(e.myStars, t)}` : ""}`}
              aria-current={e.id === current?.id ? "true" : undefined}
            >
              <Preview src={e.thumbUrl} alt="" number={e.number} loading="lazy" />
              {e.myStars ? (
                <span className="filmstrip__stars num" aria-hidden="true">
                  {e.myStars}★
                </span>
              ) : null}
            </Link>
            <label className="filmstrip__pick">
              <input type="checkbox" name="compare" value={e.id} defaultChecked={compare.includes(e.id)} />
              <span className="visually-hidden">{t("viewer.compare.pick", { label: entryLabel(e, t) })}</span>
            </label>
          </li>
        ))}
      </ol>
      {list.length > 1 ? (
        <button
          type="submit"
          className="viewer__button viewer__compare-button"
          title={t("viewer.compare.hint")}
        >
          {t("viewer.compare.submit")}
        </button>
      ) : null}
    </Form>
  );
}
