import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import "./write-link.css";

/** "Write to Ana" on a designer's profile, "Write to the designer" on an entry: opens the message form. */
export function WriteLink({ href, name, small }: { href: string; name: string | null; small?: boolean }) {
  const t = useT();
  return (
    <p className="write-link">
      <Link to={href} className={`btn btn--secondary${small ? " btn--small" : ""}`} data-testid="write-link">
        {name ? t("messages.write.toName", { name }) : t("messages.write.toDesigner")}
      </Link>
    </p>
  );
}
