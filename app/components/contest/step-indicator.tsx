import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import "../contest.css";

/** The wizard's steps: reached ones are links, the current one is marked. */
export function StepIndicator({
  current,
  reached,
  href,
  steps,
}: {
  current: number;
  reached: number;
  href: (step: number) => string;
  steps: readonly string[];
}) {
  const t = useT();
  return (
    <nav aria-label={t("wizard.steps")} className="stepper">
      <p className="stepper__count">{t("wizard.stepOf", { n: current, total: steps.length })}</p>
      <ol className="stepper__list">
        {steps.map((key, i) => {
          const n = i + 1;
          const label = t(`wizard.step.${key as "basics"}`);
          const state = n === current ? "current" : n < reached ? "done" : n <= reached ? "open" : "locked";
          const content = (
            <>
              <span className="stepper__num num" aria-hidden="true">
                {state === "done" ? "✓" : n}
              </span>
              <span className="stepper__label">{label}</span>
              {state === "done" ? <span className="visually-hidden"> ({t("wizard.step.done")})</span> : null}
            </>
          );
          return (
            <li key={key} className={`stepper__step is-${state}`}>
              {state === "locked" ? (
                <span className="stepper__link">{content}</span>
              ) : (
                <Link
                  to={href(n)}
                  className="stepper__link"
                  aria-current={n === current ? "step" : undefined}
                >
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
