import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Money } from "~/components/contest/badges";
import { Notice } from "~/components/field";
import { useT } from "~/i18n/react";
import { contestPaths } from "~/modules/contests/next-steps";
import type { EditContest } from "./edit-data";
import { LaunchedEditForm } from "./launched-edit-form";
import type { AboutShape, Result, StyleShape } from "./shapes";
import "./wizard.css";

/** After launch: the brief's descriptive parts in one form, beside what is locked (category, prize). */
export function LaunchedEdit({
  contest,
  action,
  lastResult,
  defaultValue,
  references,
  saved,
}: {
  contest: EditContest;
  action: string;
  lastResult: Result;
  defaultValue: AboutShape & StyleShape;
  references: ReactNode;
  /** How many changes the last save made ("0": nothing changed), or null when nothing was saved. */
  saved: string | null;
}) {
  const t = useT();
  return (
    <div className="container page wizard">
      <header className="wizard__top">
        <p className="eyebrow">
          <Link to={contestPaths.page(contest.id)}>← {contest.title}</Link>
        </p>
        <h1>{t("edit.launched.heading")}</h1>
        <p className="lead">{t("edit.launched.lead")}</p>
      </header>
      <div className="wizard__layout">
        <section className="wizard__panel">
          {saved !== null ? (
            <Notice tone="success">
              {saved === "0" ? t("edit.launched.nothing") : t("edit.launched.saved")}
            </Notice>
          ) : null}
          <LaunchedEditForm
            action={action}
            lastResult={lastResult}
            defaultValue={defaultValue}
            references={references}
          />
        </section>
        <aside className="wizard__aside">
          <div className="aside-card">
            <p className="muted small">{t("edit.launched.locked")}</p>
            <dl className="facts">
              <div>
                <dt>{t("wizard.aside.category")}</dt>
                <dd>{t(`category.${contest.category}`)}</dd>
              </div>
              <div>
                <dt>{t("wizard.aside.prize")}</dt>
                <dd>
                  <Money amount={contest.prize} currency={contest.currency} className="facts__prize" />
                </dd>
              </div>
            </dl>
          </div>
        </aside>
      </div>
    </div>
  );
}
