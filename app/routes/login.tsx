import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormError, Notice } from "~/components/field";
import { withTarget } from "~/components/site-nav";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { logIn } from "~/modules/auth/accounts.server";
import { loginSchema } from "~/modules/auth/forms";
import { deviceCookie, readDeviceToken } from "~/modules/auth/devices.server";
import { sessionCookie } from "~/modules/auth/sessions.server";
import { requireAnonymous } from "~/utils/auth.server";
import { safeRedirectPath } from "~/utils/redirect.server";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

// Let the action's Retry-After reach the browser on a throttled (429) answer.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("nav.login")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const submission = parseWithZod(await request.formData(), { schema: loginSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await logIn(
    { ...submission.value, deviceToken: readDeviceToken(request) },
    { ip: context.ip, userAgent: request.headers.get("user-agent") },
  );
  if (!result.ok && result.reason === "throttled") {
    return data(
      submission.reply({
        formErrors: [refusalMessage(result, context.locale)],
        hideFields: ["password"],
      }),
      { status: refusalStatus(result), headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    return data(
      submission.reply({ formErrors: [refusalMessage(result, context.locale)], hideFields: ["password"] }),
      {
        status: refusalStatus(result),
      },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(result.token, result.expiresAt));
  headers.append("Set-Cookie", deviceCookie(result.deviceToken));
  return redirect(safeRedirectPath(submission.value.redirectTo, "/"), { headers });
}

export default function Login() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(loginSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="container page page--narrow">
      <h1>{t("auth.login.title")}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        {params.get("reset") && !form.errors?.length ? (
          <Notice tone="success">{t("auth.reset.done")}</Notice>
        ) : null}
        <FormError errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        <Field
          meta={fields.email}
          label={t("auth.email")}
          type="email"
          autoComplete="email"
          autoFocus={!!form.errors?.length}
        />
        <Field
          meta={fields.password}
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="btn btn--primary btn--block">
          {t("auth.login.submit")}
        </button>
      </Form>
      <p style={{ marginTop: 24 }}>
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
      <p className="muted">
        {t("auth.login.noAccount")} <Link to={withTarget("/signup", redirectTo)}>{t("nav.signup")}</Link>
      </p>
    </div>
  );
}
