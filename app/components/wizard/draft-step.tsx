import { useState, type ReactNode } from "react";
import { Notice } from "~/components/field";
import { useT } from "~/i18n/react";
import { briefCurrency, type ContestCurrency } from "~/modules/contests/brief";
import { contestPaths } from "~/modules/contests/next-steps";
import { AboutForm } from "./about-form";
import { BasicsForm } from "./basics-form";
import type { DraftEditData } from "./edit-data";
import { PrizeForm } from "./prize-form";
import type { Result } from "./shapes";
import { StyleForm } from "./style-form";
import { WizardAside } from "./wizard-aside";
import { WizardTop } from "./wizard-top";
import "./wizard.css";

/** One of the draft's first four steps: its form beside the draft at a glance. */
export function DraftStep({
  data,
  action,
  lastResult,
  references,
  saved,
}: {
  data: DraftEditData;
  action: string;
  lastResult: Result;
  references: ReactNode;
  /** The step was just saved ("Save draft"). */
  saved: boolean;
}) {
  const t = useT();
  const { contest, step, defaults } = data;
  const [livePrize, setLivePrize] = useState<{ amount: number; currency: ContestCurrency } | null>(null);
  const back = step > 1 ? contestPaths.edit(contest.id, step - 1) : undefined;
  let panel;
  switch (step) {
    case 1:
      panel = (
        <BasicsForm
          action={action}
          lastResult={lastResult}
          defaultValue={defaults.basics}
          currency={briefCurrency(contest.currency)}
        />
      );
      break;
    case 2:
      panel = (
        <AboutForm action={action} lastResult={lastResult} defaultValue={defaults.about} back={back!} />
      );
      break;
    case 3:
      panel = (
        <StyleForm
          action={action}
          lastResult={lastResult}
          defaultValue={defaults.style}
          back={back!}
          references={references}
        />
      );
      break;
    case 4:
      panel = (
        <PrizeForm
          action={action}
          lastResult={lastResult}
          defaultValue={defaults.prize}
          back={back!}
          category={contest.category}
          savedCurrency={briefCurrency(contest.currency)}
          onPrizeChange={setLivePrize}
        />
      );
      break;
  }

  return (
    <div className="container page wizard">
      <WizardTop contest={contest} step={step} />
      <div className="wizard__layout">
        <section className="wizard__panel" aria-live="polite">
          {saved ? <Notice tone="success">{t("wizard.savedJustNow")}</Notice> : null}
          {panel}
        </section>
        <WizardAside contest={contest} prize={step === 4 ? livePrize : null} />
      </div>
    </div>
  );
}
