import { useT } from "~/i18n/react";
import { AI_FIELD, type AiDeclaration } from "~/modules/contests/generative-ai";
import "./ai-declaration.css";

/**
 * "Did generative AI make this design?": a required yes/no with nothing chosen beforehand, so nobody
 * declares by accident (ADR 0041). The hint says the contest's rule before the designer answers.
 */
export function AiDeclarationField({
  allowed,
  defaultValue,
  id = "ai",
}: {
  /** The contest's rule. */
  allowed: boolean;
  /** What the designer chose before a refusal ("yes", "no"), or nothing. */
  defaultValue?: string;
  id?: string;
}) {
  const t = useT();
  return (
    <fieldset className="choices ai-declaration" aria-describedby={`${id}-hint`} data-testid="ai-declaration">
      <legend className="field__label">{t("safety.ai.question")}</legend>
      <span className="field__hint" id={`${id}-hint`}>
        {t(allowed ? "safety.ai.question.allowed" : "safety.ai.question.forbidden")}
      </span>
      {(["no", "yes"] as const).map((answer) => (
        <label className="choice" key={answer}>
          <input
            type="radio"
            name={AI_FIELD}
            value={answer}
            required
            defaultChecked={defaultValue === answer}
          />
          {t(answer === "yes" ? "safety.ai.answer.yes" : "safety.ai.answer.no")}
        </label>
      ))}
    </fieldset>
  );
}

/** The declaration as the client reads it: a badge for AI, a quiet line otherwise. */
export function AiDeclarationNote({
  declaration,
  compact = false,
}: {
  declaration: AiDeclaration;
  compact?: boolean;
}) {
  const t = useT();
  if (declaration === "ai") {
    return (
      <p className={`ai-note${compact ? " ai-note--compact" : ""}`} data-testid="ai-declared">
        <span className="badge badge--accent">{t("safety.ai.badge.ai")}</span>
      </p>
    );
  }
  return (
    <p className={`ai-note muted${compact ? " ai-note--compact" : ""}`} data-testid="ai-declared">
      {t(declaration === "none" ? "safety.ai.badge.none" : "safety.ai.badge.undeclared")}
    </p>
  );
}
