import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { profilePath } from "~/modules/people/profiles";

const MARK = "\u0000";

/**
 * "by Ana Souza", the name a link to the designer's profile when it has one. Only rendered where
 * the page already names the designer: a blind gallery passes no name, so there is nothing to link.
 */
export function DesignerBy({ name, handle }: { name: string; handle: string | null }) {
  const t = useT();
  if (!handle) return <>{t("entries.by", { name })}</>;
  const [before, after] = t("entries.by", { name: MARK }).split(MARK);
  return (
    <>
      {before}
      <Link to={profilePath(handle)} className="designer-link">
        {name}
      </Link>
      {after}
    </>
  );
}
