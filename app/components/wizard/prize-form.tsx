import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { useLocale, useT } from "~/i18n/react";
import {
  categoryMinimum,
  CONTEST_CURRENCIES,
  isContestCurrency,
  PRESETS,
  PRIZE_CHOICES,
  prizeStepShape,
  parseMoney,
  presetAmount,
  prizeStepSchema,
  type Category,
  type ContestCurrency,
} from "~/modules/contests/brief";
import { currencySymbol, formatPrize } from "~/modules/money/money";
import { FINALIST_SHARE_BPS } from "~/modules/contests/tiers";
import { aiAllowedByDefault } from "~/modules/contests/generative-ai";
import { formatBasisPoints } from "~/i18n/numbers";
import { FieldError, FormError } from "../field";
import { DaysField, OptionCard, TextAreaField } from "../form-controls";
import type { PrizeShape, Result } from "./shapes";
import { StepHeading, WizardFooter } from "./step-frame";
import "./wizard.css";

export function PrizeForm({
  action,
  lastResult,
  defaultValue,
  back,
  category,
  savedCurrency,
  onPrizeChange,
}: {
  action: string;
  lastResult: Result;
  defaultValue: PrizeShape;
  back: string;
  category: Category;
  /** The currency saved on the draft, until the client picks another. */
  savedCurrency: ContestCurrency;
  /** The prize as chosen right now (null while the amount typed is not a price). */
  onPrizeChange?: (prize: { amount: number; currency: ContestCurrency } | null) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const schema = useMemo(() => prizeStepSchema(t, locale, category), [t, locale, category]);
  const shape = useMemo(() => prizeStepShape(t), [t]);
  const [form, fields] = useForm<PrizeShape, unknown>({
    id: "brief-prize",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(shape),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const choices = getCollectionProps(fields.prizeChoice, { type: "radio", options: [...PRIZE_CHOICES] });
  // The packages, the sign and the summary beside the form follow a change of currency, package or
  // amount before it is saved (without JavaScript the server prices the package in the currency
  // posted, and the review step shows the result).
  const picked = fields.currency.value;
  const currency = typeof picked === "string" && isContestCurrency(picked) ? picked : savedCurrency;
  const choice = fields.prizeChoice.value;
  const typed = fields.prize.value;
  useEffect(() => {
    if (!onPrizeChange) return;
    const preset = PRESETS.find((p) => p.key === choice);
    const amount = preset
      ? presetAmount(category, preset.key, currency)
      : parseMoney(typeof typed === "string" ? typed : "", locale, currency);
    onPrizeChange(amount === null ? null : { amount, currency });
  }, [choice, typed, category, currency, locale, onPrizeChange]);
  const min = formatPrize(categoryMinimum(category, currency), currency, locale);
  const currencyHint = `${fields.currency.id}-hint`;
  const prizeHint = `${fields.prize.id}-hint`;
  return (
    <>
      <StepHeading title={t("wizard.prize.heading")} lead={t("wizard.prize.lead")} />
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-step" />
        <input type="hidden" name="step" value="4" />
        <FormError errors={form.errors} id={form.errorId} />
        <fieldset className="fieldset prize-fieldset">
          <legend className="field__label">{t("wizard.prize.packages")}</legend>
          <div className="field prize-currency">
            <label className="field__label" htmlFor={fields.currency.id}>
              {t("wizard.prize.currency")}
            </label>
            <span className="field__hint" id={currencyHint}>
              {t("wizard.prize.currency.hint")}
            </span>
            <select
              className="select"
              {...getSelectProps(fields.currency, { ariaDescribedBy: currencyHint })}
              key={fields.currency.key}
            >
              {CONTEST_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {t(`currency.${c}`)}
                </option>
              ))}
            </select>
            <FieldError meta={fields.currency} />
          </div>
          <div className="packages">
            {choices.map((props) => {
              const key = props.value as (typeof PRIZE_CHOICES)[number];
              const preset = PRESETS.find((p) => p.key === key);
              return (
                <label key={props.key} className={`package package--${key}`}>
                  <input {...props} key={props.key} />
                  <span className="package__name">{t(`wizard.prize.package.${key}`)}</span>
                  {preset ? (
                    <span className="package__amount num">
                      {formatPrize(presetAmount(category, preset.key, currency), currency, locale)}
                    </span>
                  ) : null}
                  <span className="package__note">{t(`wizard.prize.package.${key}.note`)}</span>
                  {preset ? (
                    <span className="package__tier" data-testid={`tier-${key}`}>
                      {t(`wizard.prize.tier.${preset.key}`, {
                        percent: formatBasisPoints(FINALIST_SHARE_BPS[preset.key], locale),
                      })}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </div>
          <div className="field prize-custom">
            <label className="field__label" htmlFor={fields.prize.id}>
              {t("wizard.prize.amount", { currency })}
            </label>
            <span className="field__hint" id={prizeHint}>
              {t("wizard.prize.amount.hint", { min })}
            </span>
            <span className="input-prefix">
              <span className="input-prefix__text" aria-hidden="true">
                {currencySymbol(currency, locale)}
              </span>
              <input
                className="input num"
                {...getInputProps(fields.prize, { type: "text", ariaDescribedBy: prizeHint })}
                key={fields.prize.key}
                inputMode="decimal"
                autoComplete="off"
                autoFocus={fields.prize.errors?.length ? true : undefined}
              />
            </span>
            <FieldError meta={fields.prize} />
          </div>
        </fieldset>

        <fieldset className="fieldset" aria-describedby="rounds-hint">
          <legend className="field__label">{t("wizard.prize.rounds")}</legend>
          <span className="field__hint" id="rounds-hint">
            {t("wizard.prize.rounds.hint")}
          </span>
          <div className="days-grid">
            <DaysField
              meta={fields.qualifyingDays}
              label={t("wizard.prize.qualifyingDays")}
              hint={t("wizard.prize.qualifyingDays.hint")}
            />
            <div className="not-fast-track">
              <DaysField
                meta={fields.selectionDays}
                label={t("wizard.prize.selectionDays")}
                hint={t("wizard.prize.selectionDays.hint")}
              />
            </div>
            <div className="not-fast-track">
              <DaysField
                meta={fields.finalDays}
                label={t("wizard.prize.finalDays")}
                hint={t("wizard.prize.finalDays.hint")}
              />
            </div>
            <DaysField
              meta={fields.winnerDays}
              label={t("wizard.prize.winnerDays")}
              hint={t("wizard.prize.winnerDays.hint")}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t("wizard.prize.options")}</legend>
          <div className="options">
            <OptionCard
              meta={fields.guaranteed}
              label={t("wizard.prize.guaranteed")}
              note={t("wizard.prize.guaranteed.note")}
            />
            <OptionCard
              meta={fields.blind}
              label={t("wizard.prize.blind")}
              note={t("wizard.prize.blind.note")}
            />
            <OptionCard
              meta={fields.fastTrack}
              label={t("wizard.prize.fastTrack")}
              note={t("wizard.prize.fastTrack.note")}
            />
            <OptionCard
              meta={fields.portfolioOptOut}
              label={t("portfolio.optOut.label")}
              note={t("portfolio.optOut.note")}
            />
            <OptionCard
              meta={fields.aiAllowed}
              label={t("safety.ai.option")}
              note={t(aiAllowedByDefault(category) ? "safety.ai.option.note" : "safety.ai.option.noteOptIn")}
            />
            <OptionCard
              meta={fields.isPrivate}
              label={t("wizard.prize.private")}
              note={t("wizard.prize.private.note")}
            >
              <TextAreaField
                meta={fields.ndaText}
                label={t("wizard.prize.ndaText")}
                hint={t("wizard.prize.ndaText.hint")}
                rows={5}
              />
            </OptionCard>
          </div>
        </fieldset>
      </Form>
      <WizardFooter formId={form.id} back={back} step={4} />
    </>
  );
}
