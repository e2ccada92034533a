import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useT } from "~/i18n/react";
import { BILLING_COUNTRIES, cardSchema } from "~/modules/contests/brief";
import { PROVINCES, taxRegion, type TaxRegion } from "~/modules/tax/tax";
import { useLocale } from "~/i18n/react";
import { Field, FieldError, FormError } from "../field";
import type { CardShape, Result } from "./shapes";
import "./wizard.css";

export function CardForm({
  action,
  lastResult,
  idempotencyKey,
  confirmText,
  disabled,
  serverNow,
  region,
  confirmedTotal,
  onRegion,
}: {
  action: string;
  lastResult: Result;
  idempotencyKey: string;
  confirmText: string;
  disabled: boolean;
  serverNow: number;
  /** The billing region the total beside the box is for (the selects' default). */
  region: TaxRegion | null;
  /** The total the client confirms by ticking the box; the launch charges only that. */
  confirmedTotal: number | null;
  /** With JavaScript: the region picked, so the summary shows its taxes at once. */
  onRegion: (region: TaxRegion) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const schema = useMemo(() => cardSchema(t, serverNow), [t, serverNow]);
  const countryNames = useMemo(() => new Intl.DisplayNames([locale], { type: "region" }), [locale]);
  // Provinces in the reader's alphabetical order of their names (Île-du-Prince-Édouard among the I).
  const provinces = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return PROVINCES.map((code) => ({ code, name: t(`province.${code}`) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [t, locale]);
  const [form, fields] = useForm<CardShape, unknown>({
    id: "launch",
    lastResult,
    defaultValue: {
      billingCountry: region ? region.slice(0, 2) : "CA",
      billingProvince: region?.startsWith("CA-") ? region.slice(3) : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "launch";
  return (
    <Form method="post" action={action} className="form card-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="launch" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {confirmedTotal !== null ? <input type="hidden" name="confirmedTotal" value={confirmedTotal} /> : null}
      <FormError errors={form.errors} id={form.errorId} />
      <fieldset
        className="fieldset billing"
        onChange={(e) => {
          const data = new FormData(e.currentTarget.form ?? undefined);
          const picked = taxRegion(
            String(data.get("billingCountry") ?? ""),
            String(data.get("billingProvince") ?? ""),
          );
          if (picked) onRegion(picked);
        }}
      >
        <legend className="field__label">{t("wizard.review.billing")}</legend>
        <p className="field__hint">{t("wizard.review.billingHint")}</p>
        <div className="grid grid--2 grid--tight">
          <div className="field">
            <label className="field__label" htmlFor={fields.billingCountry.id}>
              {t("wizard.review.country")}
            </label>
            <select
              className="select"
              {...getSelectProps(fields.billingCountry)}
              key={fields.billingCountry.key}
            >
              {BILLING_COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {code === "ZZ" ? t("billing.otherCountry") : (countryNames.of(code) ?? code)}
                </option>
              ))}
            </select>
            <FieldError meta={fields.billingCountry} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={fields.billingProvince.id}>
              {t("wizard.review.province")}
            </label>
            <select
              className="select"
              {...getSelectProps(fields.billingProvince)}
              key={fields.billingProvince.key}
            >
              <option value="">{t("wizard.review.provinceNone")}</option>
              {provinces.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError meta={fields.billingProvince} />
          </div>
        </div>
      </fieldset>
      <Field meta={fields.cardName} label={t("wizard.review.cardName")} autoComplete="cc-name" />
      <div className="field">
        <label className="field__label" htmlFor={fields.cardNumber.id}>
          {t("wizard.review.cardNumber")}
        </label>
        <span className="field__hint" id={`${fields.cardNumber.id}-hint`}>
          {t("wizard.review.testCard")}
        </span>
        <input
          className="input num"
          {...getInputProps(fields.cardNumber, {
            type: "text",
            ariaDescribedBy: `${fields.cardNumber.id}-hint`,
          })}
          key={fields.cardNumber.key}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          autoFocus={fields.cardNumber.errors?.length ? true : undefined}
        />
        <FieldError meta={fields.cardNumber} />
      </div>
      <div className="grid grid--2 grid--tight">
        <div className="field">
          <label className="field__label" htmlFor={fields.cardExpiry.id}>
            {t("wizard.review.cardExpiry")}
          </label>
          <input
            className="input num"
            {...getInputProps(fields.cardExpiry, { type: "text" })}
            key={fields.cardExpiry.key}
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder={t("wizard.review.cardExpiry.placeholder")}
          />
          <FieldError meta={fields.cardExpiry} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={fields.cardCvc.id}>
            {t("wizard.review.cardCvc")}
          </label>
          <input
            className="input num"
            {...getInputProps(fields.cardCvc, { type: "text" })}
            key={fields.cardCvc.key}
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
          />
          <FieldError meta={fields.cardCvc} />
        </div>
      </div>
      <div className="field">
        <label className="check check--confirm" htmlFor={fields.confirm.id}>
          <input {...getInputProps(fields.confirm, { type: "checkbox" })} key={fields.confirm.key} />
          <span>{confirmText}</span>
        </label>
        <FieldError meta={fields.confirm} />
      </div>
      <button type="submit" className="btn btn--primary btn--block btn--large" disabled={disabled || busy}>
        {t("wizard.review.launch")}
      </button>
      <p className="muted small">{t("wizard.review.secure")}</p>
    </Form>
  );
}
