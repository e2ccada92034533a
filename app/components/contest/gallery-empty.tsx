import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import "../contest.css";

/**
 * The gallery's place when there is nothing in it to show yet: what happens next, for whoever is
 * looking (the gallery itself is the entries module's ContestGallery, shown once entries exist).
 */
export function GalleryEmptyState({
  contestId,
  role,
  blind,
  hidden = false,
  action,
}: {
  contestId: string;
  role: "client" | "judge" | "designer" | "visitor";
  blind: boolean;
  hidden?: boolean;
  action?: ReactNode;
}) {
  const t = useT();
  const empty =
    role === "client"
      ? t("contest.gallery.empty.client")
      : role === "designer"
        ? t("contest.gallery.empty.designer")
        : t("contest.gallery.empty.visitor");
  return (
    <div className="gallery-empty-wrap" data-contest={contestId} data-testid="contest-gallery">
      {hidden ? (
        <p className="gallery-empty__box">{t("contest.gallery.hidden")}</p>
      ) : (
        <div className="gallery-empty__box">
          <div className="gallery-empty__ghosts" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
          <p className="gallery-empty__title">{t("contest.gallery.empty")}</p>
          <p className="muted">{empty}</p>
          {action}
        </div>
      )}
      {blind && role !== "client" && !hidden ? (
        <p className="gallery-empty__note muted">{t("contest.gallery.blind")}</p>
      ) : null}
    </div>
  );
}
