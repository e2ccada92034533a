import { Link, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { WIZARD_STEPS } from "~/modules/contests/brief";
import "./wizard.css";

/** Back, Save draft, Save and continue: the wizard's footer (Back is a link: nothing is lost). */
export function WizardFooter({ formId, back, step }: { formId: string; back?: string; step: number }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const last = step === WIZARD_STEPS.length - 1;
  return (
    <div className="wizard__footer">
      {back ? (
        <Link to={back} className="btn btn--ghost">
          ← {t("wizard.back")}
        </Link>
      ) : (
        <span />
      )}
      <div className="wizard__footer-actions">
        {step > 1 ? (
          <button
            type="submit"
            form={formId}
            name="then"
            value="stay"
            className="btn btn--secondary"
            disabled={busy}
          >
            {t("wizard.saveDraft")}
          </button>
        ) : null}
        <button
          type="submit"
          form={formId}
          name="then"
          value="next"
          className="btn btn--primary"
          disabled={busy}
        >
          {last ? t("wizard.toReview") : t("wizard.next")} →
        </button>
      </div>
    </div>
  );
}

export function StepHeading({ title, lead }: { title: string; lead: string }) {
  return (
    <header className="wizard__heading">
      <h2>{title}</h2>
      <p className="muted">{lead}</p>
    </header>
  );
}
