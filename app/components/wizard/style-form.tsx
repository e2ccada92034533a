import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { styleStep } from "~/modules/contests/brief";
import { FormError } from "../field";
import { DeliverablesField, StyleFields } from "./brief-fields";
import type { Result, StyleShape } from "./shapes";
import { StepHeading, WizardFooter } from "./step-frame";
import "./wizard.css";

export function StyleForm({
  action,
  lastResult,
  defaultValue,
  back,
  references,
}: {
  action: string;
  lastResult: Result;
  defaultValue: StyleShape;
  back: string;
  references: ReactNode;
}) {
  const t = useT();
  const schema = useMemo(() => styleStep(t), [t]);
  const [form, fields] = useForm<StyleShape, unknown>({
    id: "brief-style",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <StepHeading title={t("wizard.style.heading")} lead={t("wizard.style.lead")} />
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-step" />
        <input type="hidden" name="step" value="3" />
        <FormError errors={form.errors} id={form.errorId} />
        <StyleFields fields={fields} />
        <DeliverablesField fields={fields} />
      </Form>
      {references}
      <WizardFooter formId={form.id} back={back} step={3} />
    </>
  );
}
