import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { T } from "~/i18n";
import { formatBasisPoints } from "~/i18n/numbers";
import { useLocale, useT } from "~/i18n/react";
import { TIER_FLOOR, type Tier } from "~/modules/contests/tiers";
import { finalistShare } from "~/modules/escrow/ledger";
import { formatPrize } from "~/modules/money/money";
import {
  STYLE_AXES,
  normalizeHex,
  type Category,
  type Deliverable,
  type Style,
  type StyleAxis,
} from "~/modules/contests/brief";
import type { BriefChange } from "~/modules/contests/machine";
import { contestPaths } from "~/modules/contests/next-steps";
import { RelativeTime } from "../time";
import { DAY } from "~/utils/durations";
import "../contest.css";

/** The client's style preferences as sliders, read-only: a track with a marker between two words. */
export function StyleScale({ style }: { style: Style }) {
  return (
    <ul className="style-scale">
      {STYLE_AXES.map((axis) => (
        <StyleScaleRow key={axis} axis={axis} value={style[axis]} />
      ))}
    </ul>
  );
}

export function styleValueText(axis: StyleAxis, value: number, t: T) {
  if (value === 50) return t("style.valueTextMiddle");
  const side = value < 50 ? t(`style.${axis}.low`) : t(`style.${axis}.high`);
  return t("style.valueText", { value, side });
}

function StyleScaleRow({ axis, value }: { axis: StyleAxis; value: number }) {
  const t = useT();
  const low = t(`style.${axis}.low`);
  const high = t(`style.${axis}.high`);
  return (
    <li className="style-scale__row">
      <span className="style-scale__end">{low}</span>
      <span
        className="style-scale__track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={styleValueText(axis, value, t)}
        aria-label={t("style.axisLabel", { low, high })}
      >
        <span className="style-scale__fill" style={{ width: `${value}%` }} />
        <span className="style-scale__marker" style={{ left: `${value}%` }} />
      </span>
      <span className="style-scale__end style-scale__end--high">{high}</span>
    </li>
  );
}

/** Colours as chips: a swatch for each hex code, the word alone for named colours. */
export function Swatches({ colours }: { colours: string[] }) {
  const t = useT();
  if (colours.length === 0) return <span className="muted">{t("contest.brief.noColours")}</span>;
  return (
    <ul className="swatches">
      {colours.map((c) => {
        const hex = normalizeHex(c);
        return (
          <li key={c} className="swatch">
            {hex ? <span className="swatch__chip" style={{ background: hex }} aria-hidden="true" /> : null}
            <span className={hex ? "num" : undefined}>{hex ?? c}</span>
          </li>
        );
      })}
    </ul>
  );
}

export interface BriefViewData {
  id: string;
  category: Category;
  businessName: string;
  description: string;
  industry: string;
  audience: string;
  mustHaves: string;
  style: Style;
  colorsUse: string[];
  colorsAvoid: string[];
  deliverables: Deliverable[];
  fastTrack: boolean;
  /** The client keeps the winning design out of portfolios: designers read it before entering. */
  portfolioOptOut?: boolean;
  /** Whether entries made with generative AI are accepted (ADR 0041). */
  aiAllowed: boolean;
  /** Who may enter and what the finalists who do not win share (ADR 0039). */
  tier: Tier;
  finalistShareBps: number;
  prize: number;
  currency: string;
  durations: { qualifying: number; selection: number; final: number; winner: number };
}

/** The brief as designers read it. `edit` adds "Edit" links to the wizard's steps (review step). */
export function BriefView({
  brief,
  references,
  edit,
}: {
  brief: BriefViewData;
  references: { id: string; filename: string; width: number; height: number }[];
  edit?: (step: number) => string;
}) {
  const t = useT();
  const locale = useLocale();
  // On the review step, one "Edit" per wizard step (on its first row), not one per row.
  const row = (label: string, value: ReactNode, step?: number) => (
    <div className="brief__row">
      <dt>
        {label}
        {edit && step ? (
          <Link to={edit(step)} className="brief__edit">
            {t("wizard.review.edit")}
            <span className="visually-hidden"> {label}</span>
          </Link>
        ) : null}
      </dt>
      <dd>{value}</dd>
    </div>
  );
  const textOr = (value: string) =>
    value.trim() ? (
      <p className="brief__text">{value}</p>
    ) : (
      <span className="muted">{t("contest.brief.notGiven")}</span>
    );
  const d = brief.durations;
  return (
    <dl className="brief">
      {row(t("contest.brief.description"), textOr(brief.description), 2)}
      {brief.businessName ? row(t("contest.brief.businessName"), brief.businessName) : null}
      {row(t("contest.brief.industry"), textOr(brief.industry))}
      {row(t("contest.brief.audience"), textOr(brief.audience))}
      {row(t("contest.brief.mustHaves"), textOr(brief.mustHaves))}
      {row(t("contest.brief.style"), <StyleScale style={brief.style} />, 3)}
      {row(t("contest.brief.colorsUse"), <Swatches colours={brief.colorsUse} />)}
      {row(t("contest.brief.colorsAvoid"), <Swatches colours={brief.colorsAvoid} />)}
      {row(
        t("contest.brief.deliverables"),
        brief.deliverables.length ? (
          <ul className="chips">
            {brief.deliverables.map((f) => (
              <li key={f} className="chip">
                {t(`deliverable.${f}`)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t("contest.brief.notGiven")}</span>
        ),
      )}
      {row(
        t("contest.brief.references"),
        references.length ? (
          <ul className="ref-grid">
            {references.map((r, i) => (
              <li key={r.id}>
                <a href={contestPaths.reference(brief.id, r.id)} className="ref-grid__link">
                  <img
                    src={contestPaths.reference(brief.id, r.id, "thumb")}
                    alt={t("contest.reference.alt", { n: i + 1, name: r.filename })}
                    width={r.width}
                    height={r.height}
                    loading="lazy"
                  />
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t("contest.brief.notGiven")}</span>
        ),
      )}
      {row(
        t("contest.brief.rounds"),
        <span className="num">
          {brief.fastTrack
            ? t("contest.brief.roundsFast", { q: d.qualifying / DAY, w: d.winner / DAY })
            : t("contest.brief.roundsValue", {
                q: d.qualifying / DAY,
                s: d.selection / DAY,
                f: d.final / DAY,
                w: d.winner / DAY,
              })}
        </span>,
        4,
      )}
      {row(
        t("contest.tier.label"),
        <p className="brief__text" data-testid="contest-tier">
          {t("contest.tier.value", {
            tier: t(`wizard.prize.package.${brief.tier}`),
            floor: TIER_FLOOR[brief.tier],
          })}
        </p>,
        4,
      )}
      {brief.finalistShareBps > 0
        ? row(
            t("contest.tier.share.label"),
            <p className="brief__text" data-testid="finalist-share">
              {t("contest.tier.share", {
                percent: formatBasisPoints(brief.finalistShareBps, locale),
                amount: formatPrize(
                  finalistShare(brief.prize, brief.finalistShareBps),
                  brief.currency,
                  locale,
                ),
              })}
            </p>,
          )
        : null}
      {row(
        t("safety.ai.briefLabel"),
        <p className="brief__text" data-testid="ai-rule">
          {t(brief.aiAllowed ? "safety.ai.brief.allowed" : "safety.ai.brief.forbidden")}
        </p>,
      )}
      {brief.portfolioOptOut
        ? row(
            t("portfolio.optOut.briefLabel"),
            <p className="brief__text" data-testid="portfolio-opt-out">
              {t("portfolio.optOut.brief")}
            </p>,
          )
        : null}
    </dl>
  );
}

export function changeLabel(field: string, t: T) {
  if (field.startsWith("style.")) {
    const axis = field.slice(6) as StyleAxis;
    if ((STYLE_AXES as readonly string[]).includes(axis)) {
      return t("contest.changes.field.style", { low: t(`style.${axis}.low`), high: t(`style.${axis}.high`) });
    }
  }
  switch (field) {
    case "description":
    case "industry":
    case "audience":
    case "mustHaves":
    case "colorsUse":
    case "colorsAvoid":
    case "deliverables":
    case "references":
      return t(`contest.changes.field.${field}`);
    default:
      return field;
  }
}

/** The dated list of changes to a launched brief, before and after. */
export function BriefChanges({
  changes,
  serverNow,
}: {
  changes: { at: number; changes: BriefChange[] }[];
  serverNow: number;
}) {
  const t = useT();
  return (
    <ol className="changes">
      {changes.map((group) => (
        <li key={group.at} className="changes__group">
          <p className="changes__when">
            <RelativeTime at={group.at} serverNow={serverNow} />
          </p>
          <dl className="changes__list">
            {group.changes.map((c) => (
              <div key={c.field} className="changes__item">
                <dt>{changeLabel(c.field, t)}</dt>
                <dd>
                  <span className="changes__before">
                    <span className="visually-hidden">{t("contest.changes.before")}: </span>
                    <del>{c.before || t("contest.changes.empty")}</del>
                  </span>
                  <span className="changes__after">
                    <span className="visually-hidden">{t("contest.changes.after")}: </span>
                    <ins>{c.after || t("contest.changes.empty")}</ins>
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
