import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useLocale, useT } from "~/i18n/react";
import {
  basicsStep,
  categoryMinimum,
  CATEGORY_KEYS,
  type Category,
  type ContestCurrency,
} from "~/modules/contests/brief";
import { formatPrize } from "~/modules/money/money";
import { Field, FieldError, FormError } from "../field";
import type { BasicsShape, Result } from "./shapes";
import { StepHeading, WizardFooter } from "./step-frame";
import "./wizard.css";

export function BasicsForm({
  action,
  lastResult,
  defaultValue,
  currency,
}: {
  action: string;
  lastResult: Result;
  defaultValue: BasicsShape;
  /** The currency the categories' minimums are shown in (the draft's, or a new brief's default). */
  currency: ContestCurrency;
}) {
  const t = useT();
  const locale = useLocale();
  const schema = useMemo(() => basicsStep(t), [t]);
  const [form, fields] = useForm<BasicsShape, unknown>({
    id: "brief-basics",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const categories = getCollectionProps(fields.category, { type: "radio", options: [...CATEGORY_KEYS] });
  return (
    <>
      <StepHeading title={t("wizard.basics.heading")} lead={t("wizard.basics.lead")} />
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-step" />
        <input type="hidden" name="step" value="1" />
        <FormError errors={form.errors} id={form.errorId} />
        <fieldset className="choices" aria-describedby={fields.category.errorId}>
          <legend className="field__label">{t("wizard.basics.category")}</legend>
          <div className="category-grid">
            {categories.map((props) => (
              <label key={props.key} className="category-choice">
                <input {...props} key={props.key} />
                <span className="category-choice__name">{t(`category.${props.value as Category}`)}</span>
                <span className="category-choice__from num">
                  {t("category.from", {
                    amount: formatPrize(categoryMinimum(props.value as Category, currency), currency, locale),
                  })}
                </span>
              </label>
            ))}
          </div>
          <FieldError meta={fields.category} />
        </fieldset>
        <Field
          meta={fields.title}
          label={t("wizard.basics.title")}
          hint={t("wizard.basics.title.hint")}
          autoComplete="off"
        />
        <Field
          meta={fields.businessName}
          label={t("wizard.basics.businessName")}
          hint={t("wizard.basics.businessName.hint")}
          autoComplete="organization"
        />
      </Form>
      <WizardFooter formId={form.id} step={1} />
    </>
  );
}
