import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useT } from "~/i18n/react";
import { aboutStep } from "~/modules/contests/brief";
import { FormError } from "../field";
import { AboutFields } from "./brief-fields";
import type { AboutShape, Result } from "./shapes";
import { StepHeading, WizardFooter } from "./step-frame";
import "./wizard.css";

export function AboutForm({
  action,
  lastResult,
  defaultValue,
  back,
}: {
  action: string;
  lastResult: Result;
  defaultValue: AboutShape;
  back: string;
}) {
  const t = useT();
  const schema = useMemo(() => aboutStep(t), [t]);
  const [form, fields] = useForm<AboutShape, unknown>({
    id: "brief-about",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <StepHeading title={t("wizard.about.heading")} lead={t("wizard.about.lead")} />
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-step" />
        <input type="hidden" name="step" value="2" />
        <FormError errors={form.errors} id={form.errorId} />
        <AboutFields fields={fields} />
      </Form>
      <WizardFooter formId={form.id} back={back} step={2} />
    </>
  );
}
