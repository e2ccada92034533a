import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { t } from "~/i18n";
import {
  AboutStep,
  BasicsStep,
  CATEGORIES,
  CATEGORY_KEYS,
  DELIVERABLES,
  CURRENCY,
  LaunchedBriefEdit,
  PRESETS,
  PRIZE_CHOICES,
  PrizeStepShape,
  STYLE_AXES,
  StyleStep,
  WIZARD_STEPS,
  cardSchema,
  parseMoney,
  presetAmount,
  prizeStepSchema,
  type Category,
  type StyleAxis,
} from "~/modules/contests/brief";
import { currencySymbol, formatPrize } from "~/modules/money/money";
import { contestPaths } from "~/modules/contests/next-steps";
import { Field, FieldError, FormError } from "./field";
import { ColourField, DaysField, OptionCard, StyleSlider, TextAreaField } from "./form-controls";
import "./wizard.css";

type Result = SubmissionResult<string[]> | undefined;
/** What each form posts, as conform sees it: field names to the strings typed. */
type Shape<K extends string> = { [key in K]?: string };
type BasicsShape = Shape<"category" | "title" | "businessName">;
type AboutShape = Shape<"description" | "industry" | "audience" | "mustHaves">;
type StyleShape = Shape<StyleAxis | "colorsUse" | "colorsAvoid"> & { deliverables?: string[] };
type PrizeShape = Shape<
  | "prizeChoice"
  | "prize"
  | "qualifyingDays"
  | "selectionDays"
  | "finalDays"
  | "winnerDays"
  | "guaranteed"
  | "blind"
  | "isPrivate"
  | "fastTrack"
  | "ndaText"
>;
type CardShape = Shape<"cardName" | "cardNumber" | "cardExpiry" | "cardCvc" | "confirm" | "idempotencyKey">;
export type WizardDefaults = {
  basics: BasicsShape;
  about: AboutShape;
  style: StyleShape;
  prize: PrizeShape;
  launched: AboutShape & StyleShape;
};

/** Back, Save draft, Save and continue: the wizard's footer (Back is a link: nothing is lost). */
function WizardFooter({ formId, back, step }: { formId: string; back?: string; step: number }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const last = step === WIZARD_STEPS.length - 1;
  return (
    <div className="wizard__footer">
      {back ? (
        <Link to={back} className="btn btn--ghost">
          ← {t("wizard.back")}
        </Link>
      ) : (
        <span />
      )}
      <div className="wizard__footer-actions">
        {step > 1 ? (
          <button
            type="submit"
            form={formId}
            name="then"
            value="stay"
            className="btn btn--secondary"
            disabled={busy}
          >
            {t("wizard.saveDraft")}
          </button>
        ) : null}
        <button
          type="submit"
          form={formId}
          name="then"
          value="next"
          className="btn btn--primary"
          disabled={busy}
        >
          {last ? t("wizard.toReview") : t("wizard.next")} →
        </button>
      </div>
    </div>
  );
}

function StepHeading({ title, lead }: { title: string; lead: string }) {
  return (
    <header className="wizard__heading">
      <h2>{title}</h2>
      <p className="muted">{lead}</p>
    </header>
  );
}

export function BasicsForm({
  action,
  lastResult,
  defaultValue,
}: {
  action: string;
  lastResult: Result;
  defaultValue: BasicsShape;
}) {
  const [form, fields] = useForm<BasicsShape, unknown>({
    id: "brief-basics",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(BasicsStep),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BasicsStep }),
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
                    amount: formatPrize(CATEGORIES[props.value as Category].min, CURRENCY),
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
  const [form, fields] = useForm<AboutShape, unknown>({
    id: "brief-about",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(AboutStep),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AboutStep }),
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
        <TextAreaField
          meta={fields.description}
          label={t("wizard.about.description")}
          hint={t("wizard.about.description.hint")}
          rows={6}
        />
        <Field
          meta={fields.industry}
          label={t("wizard.about.industry")}
          hint={t("wizard.about.industry.hint")}
        />
        <TextAreaField
          meta={fields.audience}
          label={t("wizard.about.audience")}
          hint={t("wizard.about.audience.hint")}
        />
        <TextAreaField
          meta={fields.mustHaves}
          label={t("wizard.about.mustHaves")}
          hint={t("wizard.about.mustHaves.hint")}
        />
      </Form>
      <WizardFooter formId={form.id} back={back} step={2} />
    </>
  );
}

/** Sliders, colours and formats: the style step (and, after launch, part of the edit form). */
function StyleFields({ fields }: { fields: ReturnType<typeof useForm<StyleShape, unknown>>[1] }) {
  const deliverables = getCollectionProps(fields.deliverables, {
    type: "checkbox",
    options: [...DELIVERABLES],
  });
  return (
    <>
      <fieldset className="fieldset">
        <legend className="field__label">{t("wizard.style.sliders")}</legend>
        <div className="sliders">
          {STYLE_AXES.map((axis) => (
            <StyleSlider key={axis} meta={fields[axis]} axis={axis} />
          ))}
        </div>
      </fieldset>
      <div className="grid grid--2 grid--tight">
        <ColourField
          meta={fields.colorsUse}
          label={t("wizard.style.colorsUse")}
          hint={t("wizard.style.colors.hint")}
        />
        <ColourField
          meta={fields.colorsAvoid}
          label={t("wizard.style.colorsAvoid")}
          hint={t("wizard.style.colors.hint")}
        />
      </div>
      <fieldset className="fieldset" aria-describedby="deliverables-hint">
        <legend className="field__label">{t("wizard.style.deliverables")}</legend>
        <span className="field__hint" id="deliverables-hint">
          {t("wizard.style.deliverables.hint")}
        </span>
        <div className="check-grid">
          {deliverables.map((props) => (
            <label key={props.key} className="check">
              <input {...props} key={props.key} />
              {t(`deliverable.${props.value as (typeof DELIVERABLES)[number]}`)}
            </label>
          ))}
        </div>
        <FieldError meta={fields.deliverables} />
      </fieldset>
    </>
  );
}

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
  const [form, fields] = useForm<StyleShape, unknown>({
    id: "brief-style",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(StyleStep),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StyleStep }),
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
      </Form>
      {references}
      <WizardFooter formId={form.id} back={back} step={3} />
    </>
  );
}

export function PrizeForm({
  action,
  lastResult,
  defaultValue,
  back,
  category,
  onPrizeChange,
}: {
  action: string;
  lastResult: Result;
  defaultValue: PrizeShape;
  back: string;
  category: Category;
  /** The prize as chosen right now, in minor units (null while the amount typed is not a price). */
  onPrizeChange?: (minor: number | null) => void;
}) {
  const schema = prizeStepSchema(category);
  const [form, fields] = useForm<PrizeShape, unknown>({
    id: "brief-prize",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(PrizeStepShape),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const choices = getCollectionProps(fields.prizeChoice, { type: "radio", options: [...PRIZE_CHOICES] });
  // The summary beside the form follows a change of package or amount before it is saved.
  const choice = fields.prizeChoice.value;
  const typed = fields.prize.value;
  useEffect(() => {
    if (!onPrizeChange) return;
    const preset = PRESETS.find((p) => p.key === choice);
    onPrizeChange(
      preset ? presetAmount(category, preset.key) : parseMoney(typeof typed === "string" ? typed : ""),
    );
  }, [choice, typed, category, onPrizeChange]);
  const min = formatPrize(CATEGORIES[category].min, CURRENCY);
  const prizeHint = `${fields.prize.id}-hint`;
  return (
    <>
      <StepHeading title={t("wizard.prize.heading")} lead={t("wizard.prize.lead")} />
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-step" />
        <input type="hidden" name="step" value="4" />
        <FormError errors={form.errors} id={form.errorId} />
        <fieldset className="fieldset prize-fieldset">
          <legend className="field__label">{t("wizard.prize.packages")}</legend>
          <div className="packages">
            {choices.map((props) => {
              const key = props.value as (typeof PRIZE_CHOICES)[number];
              const preset = PRESETS.find((p) => p.key === key);
              return (
                <label key={props.key} className={`package package--${key}`}>
                  <input {...props} key={props.key} />
                  <span className="package__name">{t(`wizard.prize.package.${key}`)}</span>
                  {preset ? (
                    <span className="package__amount num">
                      {formatPrize(presetAmount(category, preset.key), CURRENCY)}
                    </span>
                  ) : null}
                  <span className="package__note">{t(`wizard.prize.package.${key}.note`)}</span>
                </label>
              );
            })}
          </div>
          <div className="field prize-custom">
            <label className="field__label" htmlFor={fields.prize.id}>
              {t("wizard.prize.amount")}
            </label>
            <span className="field__hint" id={prizeHint}>
              {t("wizard.prize.amount.hint", { min })}
            </span>
            <span className="input-prefix">
              <span className="input-prefix__text" aria-hidden="true">
                {currencySymbol(CURRENCY)}
              </span>
              <input
                className="input num"
                {...getInputProps(fields.prize, { type: "text", ariaDescribedBy: prizeHint })}
                key={fields.prize.key}
                inputMode="decimal"
                autoComplete="off"
                autoFocus={fields.prize.errors?.length ? true : undefined}
              />
            </span>
            <FieldError meta={fields.prize} />
          </div>
        </fieldset>

        <fieldset className="fieldset" aria-describedby="rounds-hint">
          <legend className="field__label">{t("wizard.prize.rounds")}</legend>
          <span className="field__hint" id="rounds-hint">
            {t("wizard.prize.rounds.hint")}
          </span>
          <div className="days-grid">
            <DaysField
              meta={fields.qualifyingDays}
              label={t("wizard.prize.qualifyingDays")}
              hint={t("wizard.prize.qualifyingDays.hint")}
            />
            <div className="not-fast-track">
              <DaysField
                meta={fields.selectionDays}
                label={t("wizard.prize.selectionDays")}
                hint={t("wizard.prize.selectionDays.hint")}
              />
            </div>
            <div className="not-fast-track">
              <DaysField
                meta={fields.finalDays}
                label={t("wizard.prize.finalDays")}
                hint={t("wizard.prize.finalDays.hint")}
              />
            </div>
            <DaysField
              meta={fields.winnerDays}
              label={t("wizard.prize.winnerDays")}
              hint={t("wizard.prize.winnerDays.hint")}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t("wizard.prize.options")}</legend>
          <div className="options">
            <OptionCard
              meta={fields.guaranteed}
              label={t("wizard.prize.guaranteed")}
              note={t("wizard.prize.guaranteed.note")}
            />
            <OptionCard
              meta={fields.blind}
              label={t("wizard.prize.blind")}
              note={t("wizard.prize.blind.note")}
            />
            <OptionCard
              meta={fields.fastTrack}
              label={t("wizard.prize.fastTrack")}
              note={t("wizard.prize.fastTrack.note")}
            />
            <OptionCard
              meta={fields.isPrivate}
              label={t("wizard.prize.private")}
              note={t("wizard.prize.private.note")}
            >
              <TextAreaField
                meta={fields.ndaText}
                label={t("wizard.prize.ndaText")}
                hint={t("wizard.prize.ndaText.hint")}
                rows={5}
              />
            </OptionCard>
          </div>
        </fieldset>
      </Form>
      <WizardFooter formId={form.id} back={back} step={4} />
    </>
  );
}

export function CardForm({
  action,
  lastResult,
  idempotencyKey,
  confirmText,
  disabled,
  serverNow,
}: {
  action: string;
  lastResult: Result;
  idempotencyKey: string;
  confirmText: string;
  disabled: boolean;
  serverNow: number;
}) {
  const schema = cardSchema(serverNow);
  const [form, fields] = useForm<CardShape, unknown>({
    id: "launch",
    lastResult,
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
      <FormError errors={form.errors} id={form.errorId} />
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
            placeholder="MM/YY"
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
  const [form, fields] = useForm<AboutShape & StyleShape, unknown>({
    id: "brief-edit",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(LaunchedBriefEdit),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LaunchedBriefEdit }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const navigation = useNavigation();
  return (
    <>
      <Form method="post" action={action} className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit-launched" />
        <FormError errors={form.errors} id={form.errorId} />
        <TextAreaField
          meta={fields.description}
          label={t("wizard.about.description")}
          hint={t("wizard.about.description.hint")}
          rows={6}
        />
        <Field
          meta={fields.industry}
          label={t("wizard.about.industry")}
          hint={t("wizard.about.industry.hint")}
        />
        <TextAreaField
          meta={fields.audience}
          label={t("wizard.about.audience")}
          hint={t("wizard.about.audience.hint")}
        />
        <TextAreaField
          meta={fields.mustHaves}
          label={t("wizard.about.mustHaves")}
          hint={t("wizard.about.mustHaves.hint")}
        />
        <StyleFields fields={fields} />
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

export { contestPaths };

/** The brief's reference images: thumbnails with Remove, and an upload form of their own. */
export function ReferencesManager({
  contestId,
  action,
  references,
  error,
  added,
  maxMb,
  maxCount,
}: {
  contestId: string;
  action: string;
  references: { id: string; filename: string; width: number; height: number }[];
  error?: string;
  added?: boolean;
  maxMb: number;
  maxCount: number;
}) {
  const navigation = useNavigation();
  const uploading =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "add-reference";
  const full = references.length >= maxCount;
  return (
    <section className="references" aria-labelledby="references-title">
      <h3 id="references-title" className="field__label">
        {t("wizard.style.references")}
      </h3>
      <p className="field__hint" id="references-hint">
        {t("wizard.style.references.hint", { mb: maxMb, count: maxCount })}
      </p>
      {references.length ? (
        <ul className="ref-grid ref-grid--editable">
          {references.map((r) => (
            <li key={r.id}>
              <img
                src={contestPaths.reference(contestId, r.id, "thumb")}
                alt={r.filename}
                width={r.width}
                height={r.height}
              />
              <Form method="post" action={action} className="ref-grid__remove">
                <input type="hidden" name="intent" value="remove-reference" />
                <input type="hidden" name="referenceId" value={r.id} />
                <button
                  type="submit"
                  className="btn btn--small btn--secondary"
                  aria-label={t("wizard.style.references.removeLabel", { name: r.filename })}
                >
                  {t("wizard.style.references.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("wizard.style.references.none")}</p>
      )}
      {!full ? (
        <Form method="post" action={action} encType="multipart/form-data" className="upload">
          <input type="hidden" name="intent" value="add-reference" />
          <label className="field__label visually-hidden" htmlFor="reference-file">
            {t("wizard.style.references.file")}
          </label>
          <input
            id="reference-file"
            className="upload__input"
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby={error ? "references-hint reference-error" : "references-hint"}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="btn btn--secondary" disabled={uploading}>
            {t("wizard.style.references.upload")}
          </button>
          {error ? (
            <p className="field__error upload__error" id="reference-error" role="alert">
              {error}
            </p>
          ) : added ? (
            <p className="upload__ok" role="status">
              {t("wizard.style.references.added")}
            </p>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}
