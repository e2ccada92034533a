import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Notice } from "~/components/field";
import { LOCALES, translator } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { metaT } from "~/i18n/meta";
import { readLocale } from "~/i18n/negotiate";
import { useLocale, useT } from "~/i18n/react";
import { changePassword, logOutEverywhere, setAccountLocale } from "~/modules/auth/accounts.server";
import { changePasswordSchema } from "~/modules/auth/forms";
import { clearSessionCookie } from "~/modules/auth/sessions.server";
import { parseMailSettings } from "~/modules/notify/forms";
import { DELIVERIES, MAIL_CATEGORIES } from "~/modules/notify/kinds";
import { mailPreferences, setMailPreferences } from "~/modules/notify/notifications.server";
import { CATEGORY_KEYS } from "~/modules/contests/brief";
import { BIO_MAX, PROFILE_LANGUAGES, profilePath, profileSchema } from "~/modules/people/profiles";
import { getOwnProfile, ownProfileStatus, updateProfile } from "~/modules/people/profiles.server";
import { AVATAR_MAX_BYTES, removeAvatar, replaceAvatar } from "~/modules/people/avatars.server";
import { piecePaths } from "~/modules/people/pieces";
import { AvatarEditor, CompletenessHint } from "~/components/profile-setup";
import { formatBytes } from "~/i18n/sizes";
import { CheckboxGroup, TextAreaField } from "~/components/form-controls";
import { requireUser } from "~/utils/auth.server";
import { STRIKES_TO_SUSPEND } from "~/modules/support/reports";
import { strikesOf } from "~/modules/support/reports.server";
import { VerifyEmailNotice } from "~/components/verify-email-notice";
import { isEmailVerified } from "~/modules/auth/verification.server";
import { badRequest, refusalMessage, refusalStatus } from "~/utils/refusals.server";
import "./account.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("auth.account.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const [mail, profile, status, verified, strikes] = await Promise.all([
    mailPreferences(user.id),
    getOwnProfile(user.id),
    ownProfileStatus(user.id),
    isEmailVerified(user.id),
    strikesOf(user.id),
  ]);
  const avatarLimit = formatBytes(AVATAR_MAX_BYTES, context.locale);
  return {
    email: user.email,
    name: user.display_name,
    mail,
    profile,
    status,
    avatarLimit,
    verified,
    strikes,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user, session } = requireUser(request, context);
  // The avatar's form posts its file here (multipart), read under the upload rules.
  if (new URL(request.url).searchParams.get("intent") === "avatar") {
    const result = await replaceAvatar(request, user.id);
    if (!result.ok)
      return data(
        { avatar: { saved: false, removed: false, error: refusalMessage(result, context.locale) } },
        { status: refusalStatus(result) },
      );
    return { avatar: { saved: true, removed: false, error: null } };
  }
  const formData = await request.formData();
  if (formData.get("intent") === "avatar-remove") {
    await removeAvatar(user.id);
    return { avatar: { saved: false, removed: true, error: null } };
  }
  if (formData.get("intent") === "logout-everywhere") {
    await logOutEverywhere(user.id);
    return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  if (formData.get("intent") === "language") {
    const locale = readLocale(formData.get("locale"));
    if (!locale) badRequest(context.locale, "errors.language");
    await setAccountLocale(user.id, locale);
    return redirect("/account", { headers: { "Set-Cookie": localeCookie(locale) } });
  }
  if (formData.get("intent") === "mail-settings") {
    const settings = parseMailSettings(formData, t);
    if (!settings.ok) return data({ mail: { saved: false, error: settings.message } }, { status: 400 });
    await setMailPreferences(user.id, settings.value);
    return { mail: { saved: true, error: null } };
  }
  if (formData.get("intent") === "profile") {
    const submission = parseWithZod(formData, { schema: profileSchema(t) });
    if (submission.status !== "success")
      return data({ profile: submission.reply(), saved: null }, { status: 400 });
    const result = await updateProfile(user.id, submission.value);
    if (!result.ok) {
      const reply = submission.reply({ fieldErrors: { handle: [refusalMessage(result, context.locale)] } });
      return data({ profile: reply, saved: null }, { status: 409 });
    }
    return { profile: submission.reply(), saved: result.handle };
  }
  const submission = parseWithZod(formData, { schema: changePasswordSchema(t) });
  if (submission.status !== "success")
    return { result: submission.reply({ hideFields: ["currentPassword", "newPassword"] }), changed: false };
  const result = await changePassword({ userId: user.id, sessionId: session.id, ...submission.value });
  if (!result.ok) {
    return {
      result: submission.reply({
        fieldErrors: { [result.field]: [refusalMessage(result, context.locale)] },
        hideFields: ["currentPassword", "newPassword"],
      }),
      changed: false,
    };
  }
  return { result: submission.reply({ resetForm: true }), changed: true };
}

export default function Account() {
  const t = useT();
  const locale = useLocale();
  const { email, mail, profile, status, avatarLimit, verified, strikes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const passwordData = actionData && "result" in actionData ? actionData : undefined;
  const mailData = actionData && "mail" in actionData ? actionData.mail : undefined;
  const profileData = actionData && "profile" in actionData ? actionData : undefined;
  const avatarData = actionData && "avatar" in actionData ? actionData.avatar : undefined;
  const [form, fields] = useForm({
    lastResult: passwordData?.result,
    constraint: getZodConstraint(changePasswordSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema(t) }),
    shouldValidate: "onBlur",
  });
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: profileData?.profile,
    defaultValue: profile,
    constraint: getZodConstraint(profileSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema(t) }),
    shouldValidate: "onBlur",
  });
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const savedHandle = profileData?.saved ?? profile.handle;
  return (
    <div className="container page page--medium stack">
      <h1>{t("auth.account.title")}</h1>
      <p className="muted">
        {t("auth.account.signedInAs", { email })}
        {verified ? (
          <>
            {" "}
            <span className="badge badge--success" data-testid="email-verified">
              {t("safety.verify.verified")}
            </span>
          </>
        ) : null}
      </p>
      {verified ? null : <VerifyEmailNotice email={email} returnTo="/account" reason="account" />}
      {strikes > 0 ? (
        <section className="card stack" aria-labelledby="strikes" data-testid="strikes">
          <h2 id="strikes">{t("reports.strikes.title")}</h2>
          <p style={{ margin: 0 }}>
            <strong className="num">
              {t("reports.strikes", { count: strikes, max: STRIKES_TO_SUSPEND })}
            </strong>
          </p>
          <p className="muted" style={{ margin: 0 }}>
            {t("reports.strikes.hint", { max: STRIKES_TO_SUSPEND })}
          </p>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="public-profile">
        <h2 id="public-profile">{t("people.edit.title")}</h2>
        <p className="muted">{t("people.edit.lead")}</p>
        <p className="row">
          <Link to={profilePath(savedHandle)} data-testid="see-profile">
            {t("portfolio.preview")}
          </Link>
          <Link to={piecePaths.mine} data-testid="manage-pieces">
            {t("portfolio.manage")}
          </Link>
        </p>
        <CompletenessHint completeness={status.completeness} />
        <AvatarEditor
          avatarUrl={status.avatar?.large ?? null}
          initials={status.initials}
          limit={avatarLimit}
          error={avatarData?.error ?? null}
          saved={avatarData?.saved ?? false}
          removed={avatarData?.removed ?? false}
        />
        {profileData?.saved ? <Notice tone="success">{t("people.edit.saved")}</Notice> : null}
        <Form method="post" className="form" preventScrollReset {...getFormProps(profileForm)}>
          <input type="hidden" name="intent" value="profile" />
          <Field
            meta={profileFields.handle}
            label={t("people.edit.handle")}
            hint={t("people.edit.handle.hint")}
            autoComplete="off"
          />
          <TextAreaField
            meta={profileFields.bio}
            label={t("people.edit.bio")}
            hint={t("people.edit.bio.hint", { max: BIO_MAX })}
            rows={5}
            optional
          />
          <Field
            meta={profileFields.location}
            label={t("people.edit.location")}
            hint={t("people.edit.location.hint")}
            autoComplete="address-level2"
          />
          <CheckboxGroup
            meta={profileFields.languages}
            legend={t("people.edit.languages")}
            options={PROFILE_LANGUAGES.map((code) => ({
              value: code,
              label: languageNames.of(code) ?? code,
            }))}
          />
          <CheckboxGroup
            meta={profileFields.categories}
            legend={t("people.edit.categories")}
            options={CATEGORY_KEYS.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
          <div>
            <button type="submit" className="btn btn--primary">
              {t("people.edit.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="change-password">
        <h2 id="change-password">{t("auth.account.changePassword")}</h2>
        {passwordData?.changed ? <Notice tone="success">{t("auth.account.passwordChanged")}</Notice> : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="change-password" />
          <Field
            meta={fields.currentPassword}
            label={t("auth.account.currentPassword")}
            type="password"
            autoComplete="current-password"
          />
          <Field
            meta={fields.newPassword}
            label={t("auth.account.newPassword")}
            type="password"
            hint={t("auth.password.hint")}
            autoComplete="new-password"
          />
          <div>
            <button type="submit" className="btn btn--primary">
              {t("auth.account.changePassword")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="language">
        <h2 id="language">{t("auth.account.language.title")}</h2>
        <p className="muted">{t("auth.account.language.lead")}</p>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="language" />
          <div className="field">
            <label className="field__label" htmlFor="account-locale">
              {t("auth.account.language.label")}
            </label>
            <select className="select" id="account-locale" name="locale" defaultValue={locale}>
              {LOCALES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {t(option === "en" ? "nav.language.toEn" : "nav.language.toFr")}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="btn btn--primary">
              {t("auth.account.language.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="mail">
        <h2 id="mail">{t("notify.settings.title")}</h2>
        <p className="muted">{t("notify.settings.lead")}</p>
        {mailData?.saved ? <Notice tone="success">{t("notify.settings.saved")}</Notice> : null}
        {mailData?.error ? <Notice tone="error">{mailData.error}</Notice> : null}
        <Form method="post" className="mail-settings" preventScrollReset>
          <input type="hidden" name="intent" value="mail-settings" />
          {MAIL_CATEGORIES.map((category) => (
            <fieldset key={category} className="mail-choice">
              <legend className="mail-choice__label">{t(`notify.category.${category}`)}</legend>
              <div className="mail-choice__options">
                {DELIVERIES.map((delivery) => (
                  <label key={delivery} className="mail-choice__option">
                    <input
                      type="radio"
                      name={category}
                      value={delivery}
                      defaultChecked={mail[category] === delivery}
                    />
                    {t(`notify.delivery.${delivery}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div>
            <button type="submit" className="btn btn--primary">
              {t("notify.settings.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="sessions">
        <h2 id="sessions">{t("auth.account.logoutEverywhere")}</h2>
        <p className="muted">{t("auth.account.logoutEverywhere.hint")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="logout-everywhere" className="btn btn--danger">
            {t("auth.account.logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
