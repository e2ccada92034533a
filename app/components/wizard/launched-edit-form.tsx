import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { launchedBriefEdit } from "~/modules/contests/brief";
import { FormError } from "../field";
import { AboutFields, DeliverablesField, StyleFields } from "./brief-fields";
import type { AboutShape, Result, StyleShape } from "./shapes";
import "./wizard.css";

/** After launch: the descriptive parts of the brief in one form; each save is dated for designers. */
export function LaunchedEditForm({
  action,
  lastResult,
  defaultValue,
  references,
}: {
  action: string;
  lastResult: Result;
  defaultValue: AboutShape & StyleShape;
  references: ReactNode;
}) {
  const t = useT();
  const schema = useMemo(() => launchedBriefEdit(t), [t]);
  const [form, fields] = useForm<AboutShape & StyleShape, unknown>({
    id: "brief-edit",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const navigation = useNavigation();
  return (
    <>
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit-launched" />
        <FormError errors={form.errors} id={form.errorId} />
        <AboutFields fields={fields} />
        <StyleFields fields={fields} />
        <DeliverablesField fields={fields} />
      </Form>
      {references}
      <div className="wizard__footer">
        <span />
        <button
          type="submit"
          form={form.id}
          className="btn btn--primary"
          disabled={navigation.state === "submitting"}
        >
          {t("edit.launched.save")}
        </button>
      </div>
    </>
  );
}
