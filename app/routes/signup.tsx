import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FieldError } from "~/components/field";
import { withTarget } from "~/components/site-nav";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { signUp } from "~/modules/auth/accounts.server";
import { signupSchema } from "~/modules/auth/forms";
import { sessionCookie } from "~/modules/auth/sessions.server";
import { requireAnonymous } from "~/utils/auth.server";
import { safeRedirectPath } from "~/utils/redirect.server";
import { refusalMessage } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("auth.signup.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signupSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await signUp(
    { ...submission.value, locale: context.locale },
    {
      ip: context.ip,
      userAgent: request.headers.get("user-agent"),
    },
  );
  if (!result.ok) {
    // Beside the field, on the page as it was (200, as the form's own checks).
    return submission.reply({
      fieldErrors: { [result.field]: [refusalMessage(result, context.locale)] },
      hideFields: ["password"],
    });
  }
  const next = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
  return redirect(next, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function Signup() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(signupSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { role: params.get("as") === "designer" ? "designer" : "client" },
  });
  return (
    <div className="container page page--narrow">
      <h1>{t("auth.signup.title")}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field
          meta={fields.displayName}
          label={t("auth.displayName")}
          hint={t("auth.displayName.hint")}
          autoComplete="name"
        />
        <Field meta={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <Field
          meta={fields.password}
          label={t("auth.password")}
          type="password"
          hint={t("auth.password.hint")}
          autoComplete="new-password"
        />
        <fieldset className="choices" aria-describedby={`${fields.role.id}-hint`}>
          <legend className="field__label">{t("auth.role")}</legend>
          <span className="field__hint" id={`${fields.role.id}-hint`}>
            {t("auth.role.hint")}
          </span>
          {(["client", "designer"] as const).map((role) => (
            <label className="choice" key={role}>
              <input
                type="radio"
                name={fields.role.name}
                value={role}
                defaultChecked={fields.role.initialValue === role}
              />
              {t(`auth.role.${role}`)}
            </label>
          ))}
          <FieldError meta={fields.role} />
        </fieldset>
        <button type="submit" className="btn btn--primary btn--block">
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p className="muted" style={{ marginTop: 24 }}>
        {t("auth.signup.haveAccount")}{" "}
        <Link to={withTarget("/login", params.get("redirectTo"))}>{t("nav.login")}</Link>
      </p>
    </div>
  );
}
