import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("safety.verify.page.title")} · ${t("app.name")}` }];
};

// Where a verification link leads once it is used (a fixed address: the token is not in it).
export default function EmailVerified() {
  const t = useT();
  return (
    <div className="container page page--narrow stack">
      <h1>{t("safety.verify.page.title")}</h1>
      <p className="notice notice--success" role="status" data-testid="verified">
        {t("safety.verify.page.done")}
      </p>
      <Link to="/dashboard" className="btn btn--primary">
        {t("safety.verify.page.next")}
      </Link>
    </div>
  );
}
