import { useT } from "~/i18n/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { SimilarBanner } from "./similar-banner";
import type { Entry } from "./types";

/** What the viewer says above the entry: rating closed, too few to compare, a refusal, similar entries. */
export function ViewerBanners({
  ratingOpen,
  compareCount,
  notice,
  isClient,
  entries,
  current,
  comparing,
  filter,
}: {
  ratingOpen: boolean;
  /** How many entries the address asks to compare (one is too few). */
  compareCount: number;
  notice: string | null;
  isClient: boolean;
  entries: Entry[];
  current: Entry | null;
  comparing: Entry[];
  filter: ViewerFilter;
}) {
  const t = useT();
  return (
    <>
      {!ratingOpen ? <p className="viewer__banner">{t("viewer.closed")}</p> : null}
      {compareCount === 1 ? (
        <p className="viewer__banner" role="status">
          {t("viewer.compare.tooFew")}
        </p>
      ) : null}
      {notice ? (
        <p className="viewer__banner viewer__banner--error" role="alert">
          {notice}
        </p>
      ) : null}
      {isClient
        ? (comparing.length >= 2 ? comparing : current ? [current] : []).flatMap((e) =>
            e.similar.map((m) => (
              <SimilarBanner
                key={m.flagId}
                entry={e}
                marker={m}
                filter={filter}
                comparing={comparing.length >= 2}
                inPool={!!m.other && entries.some((x) => x.id === m.other!.id)}
              />
            )),
          )
        : null}
    </>
  );
}
