import { getCollectionProps } from "@conform-to/react";
import { useT } from "~/i18n/react";
import { DELIVERABLES, STYLE_AXES } from "~/modules/contests/brief";
import { Field, FieldError } from "../field";
import { ColourField, StyleSlider, TextAreaField } from "../form-controls";
import type { AboutShape, FormFields, StyleShape } from "./shapes";
import "./wizard.css";

/** The business, its audience and its must-haves: the about step (and, after launch, the edit form). */
export function AboutFields({ fields }: { fields: FormFields<AboutShape> }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** Sliders and colours: the style step (and, after launch, part of the edit form). */
export function StyleFields({ fields }: { fields: FormFields<StyleShape> }) {
  const t = useT();
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
    </>
  );
}

/** The formats the winner hands over: the style step (and, after launch, the edit form). */
export function DeliverablesField({ fields }: { fields: FormFields<StyleShape> }) {
  const t = useT();
  const deliverables = getCollectionProps(fields.deliverables, {
    type: "checkbox",
    options: [...DELIVERABLES],
  });
  return (
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
  );
}
