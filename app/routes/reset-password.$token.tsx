import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/field";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { isResetTokenUsable, resetPassword } from "~/modules/auth/accounts.server";
import { resetSchema } from "~/modules/auth/forms";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("auth.reset.title")} · ${t("app.name")}` },
    { name: "referrer", content: "no-referrer" },
  ];
};

export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await isResetTokenUsable(params.token ?? "");
  return data({ usable }, { status: usable ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const submission = parseWithZod(await request.formData(), { schema: resetSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await resetPassword(params.token ?? "", submission.value.password);
  if (result.ok) return redirect("/login?reset=1");
  if (result.reason === "reset_invalid") {
    return data(
      submission.reply({ formErrors: [refusalMessage(result, context.locale)], hideFields: ["password"] }),
      {
        status: refusalStatus(result),
      },
    );
  }
  // A password problem is shown beside the field, on the page as it was (200, as the form's own checks).
  return submission.reply({
    fieldErrors: { password: [refusalMessage(result, context.locale)] },
    hideFields: ["password"],
  });
}

export default function ResetPassword() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(resetSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetSchema(t) }),
    shouldValidate: "onBlur",
  });
  if (!usable || form.errors?.length) {
    return (
      <div className="container page page--narrow stack">
        <h1>{t("auth.reset.title")}</h1>
        <p className="notice notice--error" role="alert">
          {t("auth.reset.invalid")}
        </p>
        <Link to="/forgot-password" className="btn btn--secondary">
          {t("auth.forgot.submit")}
        </Link>
      </div>
    );
  }
  return (
    <div className="container page page--narrow stack">
      <h1>{t("auth.reset.title")}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field
          meta={fields.password}
          label={t("auth.account.newPassword")}
          type="password"
          hint={t("auth.password.hint")}
          autoComplete="new-password"
        />
        <button type="submit" className="btn btn--primary btn--block">
          {t("auth.reset.submit")}
        </button>
      </Form>
    </div>
  );
}
