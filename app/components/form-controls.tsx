import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { normalizeHex, splitColours, type StyleAxis } from "~/modules/contests/brief";
import { styleValueText } from "./contest/brief-view";
import { FieldError } from "./field";
import "./form-controls.css";

type Meta = FieldMetadata<any>;

const describedBy = (...ids: (string | undefined | false)[]) => ids.filter(Boolean).join(" ") || undefined;

export function TextAreaField({
  meta,
  label,
  hint,
  rows = 4,
  optional,
}: {
  meta: Meta;
  label: string;
  hint?: string;
  rows?: number;
  optional?: boolean;
}) {
  const t = useT();
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label className="field__label" htmlFor={meta.id}>
        {label}
        {optional ? <span className="field__optional"> · {t("field.optional")}</span> : null}
      </label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea
        className="textarea"
        rows={rows}
        {...props}
        key={props.key}
        autoFocus={meta.errors?.length ? true : undefined}
      />
      <FieldError meta={meta} />
    </div>
  );
}

/** A style preference: a real range input with the two words at its ends. */
export function StyleSlider({ meta, axis }: { meta: Meta; axis: StyleAxis }) {
  const t = useT();
  const initial = Number(meta.initialValue ?? 50);
  const [value, setValue] = useState(Number.isFinite(initial) ? initial : 50);
  const low = t(`style.${axis}.low`);
  const high = t(`style.${axis}.high`);
  const props = getInputProps(meta, { type: "range" });
  return (
    <div className="slider">
      <label htmlFor={meta.id} className="visually-hidden">
        {t("style.axisLabel", { low, high })}
      </label>
      <span className="slider__end" aria-hidden="true">
        {low}
      </span>
      <input
        className="slider__input"
        {...props}
        key={props.key}
        min={0}
        max={100}
        step={5}
        aria-valuetext={styleValueText(axis, value, t)}
        onChange={(e) => setValue(Number(e.currentTarget.value))}
      />
      <span className="slider__end slider__end--high" aria-hidden="true">
        {high}
      </span>
      <FieldError meta={meta} />
    </div>
  );
}

/** A colour list with a swatch for each hex code, drawn as the client types. */
export function ColourField({ meta, label, hint }: { meta: Meta; label: string; hint: string }) {
  const props = getInputProps(meta, { type: "text", ariaDescribedBy: `${meta.id}-hint` });
  const initial = Array.isArray(meta.initialValue)
    ? meta.initialValue.join(", ")
    : String(meta.initialValue ?? "");
  const [text, setText] = useState(initial);
  const items = splitColours(text).slice(0, 12);
  return (
    <div className="field">
      <label className="field__label" htmlFor={meta.id}>
        {label}
      </label>
      <span className="field__hint" id={`${meta.id}-hint`}>
        {hint}
      </span>
      <input
        className="input"
        {...props}
        key={props.key}
        defaultValue={initial}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {items.length ? (
        <ul className="swatches swatches--live" aria-hidden="true">
          {items.map((item, i) => {
            const hex = normalizeHex(item);
            return (
              <li key={`${item}-${i}`} className="swatch">
                <span
                  className={`swatch__chip${hex ? "" : " swatch__chip--word"}`}
                  style={hex ? { background: hex } : undefined}
                />
                <span className={hex ? "num" : undefined}>{hex ?? item}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldError meta={meta} />
    </div>
  );
}

/** A yes/no option with a line that explains it; more (like the NDA) may follow when it is on. */
export function OptionCard({
  meta,
  label,
  note,
  children,
}: {
  meta: Meta;
  label: string;
  note: string;
  children?: ReactNode;
}) {
  const props = getInputProps(meta, { type: "checkbox", ariaDescribedBy: `${meta.id}-note` });
  return (
    <div className="option">
      <label className="option__label" htmlFor={meta.id}>
        <input {...props} key={props.key} className="option__input" />
        <span>
          <span className="option__title">{label}</span>
          <span className="option__note" id={`${meta.id}-note`}>
            {note}
          </span>
        </span>
      </label>
      <FieldError meta={meta} />
      {children ? <div className="option__more">{children}</div> : null}
    </div>
  );
}

export function DaysField({ meta, label, hint }: { meta: Meta; label: string; hint: string }) {
  const t = useT();
  const props = getInputProps(meta, { type: "number", ariaDescribedBy: describedBy(`${meta.id}-hint`) });
  return (
    <div className="field field--days">
      <label className="field__label" htmlFor={meta.id}>
        {label}
      </label>
      <span className="field__hint" id={`${meta.id}-hint`}>
        {hint}
      </span>
      <span className="input-suffix">
        <input className="input num" {...props} key={props.key} inputMode="numeric" />
        <span className="input-suffix__text" aria-hidden="true">
          {t("wizard.prize.days")}
        </span>
      </span>
      <FieldError meta={meta} />
    </div>
  );
}

/**
 * A set of checkboxes posting one field's values (conform's array field), with its error beside
 * the legend; works without JavaScript. `options`: each value with its label in the reader's words.
 */
export function CheckboxGroup({
  meta,
  legend,
  options,
}: {
  meta: Meta;
  legend: string;
  options: readonly { value: string; label: string }[];
}) {
  const initial = meta.initialValue;
  const chosen = (Array.isArray(initial) ? initial : initial ? [initial] : []) as string[];
  return (
    <fieldset
      className="checkbox-group"
      id={meta.id}
      aria-describedby={meta.errors ? meta.errorId : undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="checkbox-group__options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              name={meta.name}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError meta={meta} />
    </fieldset>
  );
}

/**
 * One to five stars as a radio group: a plain form field without JavaScript, arrow keys move
 * between the stars, and the chosen star lights the ones before it (CSS `:has`).
 */
export function StarChoice({ meta, legend }: { meta: Meta; legend: string }) {
  const t = useT();
  const initial = Number(meta.initialValue ?? 0);
  return (
    <fieldset className="star-choice" aria-describedby={meta.errors ? meta.errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="star-choice__options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="star-choice__option">
            <input
              type="radio"
              name={meta.name}
              value={n}
              defaultChecked={initial === n}
              className="visually-hidden"
            />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{t("judging.stars", { n })}</span>
          </label>
        ))}
      </div>
      <FieldError meta={meta} />
    </fieldset>
  );
}
