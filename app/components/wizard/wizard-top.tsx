import { StepIndicator } from "~/components/contest/step-indicator";
import { useT } from "~/i18n/react";
import { WIZARD_STEPS } from "~/modules/contests/brief";
import { contestPaths } from "~/modules/contests/next-steps";
import type { EditContest } from "./edit-data";
import "./wizard.css";

/** The draft's title, the autosave note and the steps reached so far. */
export function WizardTop({ contest, step }: { contest: EditContest; step: number }) {
  const t = useT();
  return (
    <>
      <header className="wizard__top">
        <p className="eyebrow">
          <span className="badge">{t("wizard.draftLabel")}</span> {contest.title}
        </p>
        <h1>{t("wizard.title.edit")}</h1>
        <p className="muted">{t("wizard.autosaveNote")}</p>
      </header>
      <StepIndicator
        current={step}
        reached={contest.draftStep}
        steps={WIZARD_STEPS}
        href={(n) => contestPaths.edit(contest.id, n)}
      />
    </>
  );
}
