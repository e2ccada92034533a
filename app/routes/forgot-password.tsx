import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field, Notice } from "~/components/field";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { forgotSchema } from "~/modules/auth/forms";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("auth.forgot.title")} · ${t("app.name")}` }];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const submission = parseWithZod(await request.formData(), { schema: forgotSchema(t) });
  if (submission.status !== "success") return { result: submission.reply(), sent: false };
  await requestPasswordReset(submission.value.email);
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(forgotSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="container page page--narrow stack">
      <h1>{t("auth.forgot.title")}</h1>
      {actionData?.sent ? (
        <Notice tone="success">{t("auth.forgot.sent")}</Notice>
      ) : (
        <p className="lead">{t("auth.forgot.lead")}</p>
      )}
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field meta={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <button type="submit" className="btn btn--primary btn--block">
          {t("auth.forgot.submit")}
        </button>
      </Form>
    </div>
  );
}
