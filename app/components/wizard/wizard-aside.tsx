import { Link } from "@remix-run/react";
import { Money } from "~/components/contest/badges";
import { useT } from "~/i18n/react";
import { contestPaths } from "~/modules/contests/next-steps";
import type { EditContest } from "./edit-data";
import "./wizard.css";

/** The draft at a glance; on the prize step, the prize being chosen (before it is saved). */
export function WizardAside({
  contest,
  prize,
}: {
  contest: EditContest;
  prize: { amount: number; currency: string } | null;
}) {
  const t = useT();
  return (
    <aside className="wizard__aside">
      <div className="aside-card">
        <h2 className="aside-card__title">{t("wizard.aside.title")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("wizard.aside.category")}</dt>
            <dd>{t(`category.${contest.category}`)}</dd>
          </div>
          <div>
            <dt>{t("wizard.aside.prize")}</dt>
            <dd data-testid="aside-prize">
              <Money
                amount={prize?.amount ?? contest.prize}
                currency={prize?.currency ?? contest.currency}
                className="facts__prize"
              />
            </dd>
          </div>
        </dl>
        <Link to={contestPaths.preview(contest.id)} className="btn btn--secondary btn--block">
          {t("wizard.previewShort")}
        </Link>
        <p className="muted small">{t("wizard.aside.tip")}</p>
      </div>
    </aside>
  );
}
