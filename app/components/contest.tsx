import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/i18n";
import {
  STYLE_AXES,
  normalizeHex,
  type Category,
  type Deliverable,
  type Style,
  type StyleAxis,
} from "~/modules/contests/brief";
import { formatPrize } from "~/modules/money/money";
import { mediaUrl } from "~/modules/entries/media";
import { judgingEventText } from "~/modules/judging/events";
import type { BriefChange, ContestStatus } from "~/modules/contests/machine";
import { contestPaths, phasesOf, statusTone } from "~/modules/contests/next-steps";
import { RelativeTime, TimeLeft } from "./time";
import { DAY } from "~/utils/durations";
import "./contest.css";

export function Money({
  amount,
  currency,
  className,
}: {
  amount: number;
  currency: string;
  className?: string;
}) {
  return <span className={`num${className ? ` ${className}` : ""}`}>{formatPrize(amount, currency)}</span>;
}

export function StatusBadge({ status }: { status: ContestStatus }) {
  return (
    <span className={`contest-status contest-status--${statusTone(status)}`} data-testid="contest-status">
      <span className="contest-status__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

export function ContestBadges(props: {
  guaranteed: boolean;
  blind: boolean;
  isPrivate: boolean;
  fastTrack: boolean;
}) {
  const badges = [
    props.guaranteed && (["guaranteed", "badge--accent"] as const),
    props.isPrivate && (["private", ""] as const),
    props.blind && (["blind", ""] as const),
    props.fastTrack && (["fastTrack", ""] as const),
  ].filter((b): b is Exclude<typeof b, false> => !!b);
  if (badges.length === 0) return null;
  return (
    <ul className="badges" aria-label="Options">
      {badges.map(([key, tone]) => (
        <li key={key} className={`badge ${tone}`} title={t(`badge.${key}.title`)}>
          {t(`badge.${key}`)}
        </li>
      ))}
    </ul>
  );
}

export interface ContestCardProps {
  id: string;
  title: string;
  businessName: string;
  category: Category;
  status: ContestStatus;
  prize: number;
  currency: string;
  roundEndsAt: number | null;
  entryCount: number;
  guaranteed: boolean;
  blind: boolean;
  isPrivate: boolean;
  fastTrack: boolean;
  palette: string[];
  thumbnails: string[];
}

/** A contest in a list: the whole card is one link (the title's), the prize stands out. */
export function ContestCard({ contest, serverNow }: { contest: ContestCardProps; serverNow: number }) {
  const c = contest;
  return (
    <article className="contest-card" data-testid="contest-card">
      <div className="contest-card__cover" aria-hidden="true">
        {c.thumbnails.length ? (
          <div className="contest-card__thumbs" data-count={c.thumbnails.length}>
            {c.thumbnails.map((key) => (
              <img key={key} src={mediaUrl(key)} alt="" loading="lazy" />
            ))}
          </div>
        ) : c.palette.length ? (
          <div className="contest-card__palette">
            {c.palette.map((hex, i) => (
              <span key={`${hex}-${i}`} style={{ background: hex }} />
            ))}
          </div>
        ) : (
          <div className="contest-card__blank">{t(`category.${c.category}`)}</div>
        )}
      </div>
      <div className="contest-card__body">
        <p className="contest-card__meta">
          <span>{t(`category.${c.category}`)}</span>
          {c.status !== "qualifying" ? <StatusBadge status={c.status} /> : null}
        </p>
        <h3 className="contest-card__title">
          <Link to={contestPaths.page(c.id)} className="contest-card__link">
            {c.title}
          </Link>
        </h3>
        {c.businessName ? (
          <p className="contest-card__client">{t("card.by", { name: c.businessName })}</p>
        ) : null}
        <ContestBadges
          guaranteed={c.guaranteed}
          blind={c.blind}
          isPrivate={c.isPrivate}
          fastTrack={c.fastTrack}
        />
      </div>
      <footer className="contest-card__foot">
        <span className="contest-card__prize">
          <span className="visually-hidden">{t("card.prize")}: </span>
          <Money amount={c.prize} currency={c.currency} />
        </span>
        <span className="contest-card__facts">
          {c.roundEndsAt !== null ? <TimeLeft endsAt={c.roundEndsAt} serverNow={serverNow} /> : null}
          <span className="num">
            {c.entryCount === 0
              ? t("card.noEntries")
              : c.entryCount === 1
                ? t("card.entry")
                : t("card.entries", { n: c.entryCount })}
          </span>
        </span>
      </footer>
    </article>
  );
}

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

export function styleValueText(axis: StyleAxis, value: number) {
  if (value === 50) return t("style.valueTextMiddle");
  const side = value < 50 ? t(`style.${axis}.low`) : t(`style.${axis}.high`);
  return t("style.valueText", { value, side });
}

function StyleScaleRow({ axis, value }: { axis: StyleAxis; value: number }) {
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
        aria-valuetext={styleValueText(axis, value)}
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

/** Where the contest is among its phases. */
export function PhaseTrack({ status, fastTrack }: { status: ContestStatus; fastTrack: boolean }) {
  const phases = phasesOf(fastTrack);
  const at = phases.indexOf(status);
  if (at < 0) return null;
  return (
    <ol className="phases" aria-label={t("phases.label")}>
      {phases.map((p, i) => (
        <li
          key={p}
          className={`phases__step${i < at ? " is-done" : ""}${i === at ? " is-current" : ""}`}
          aria-current={i === at ? "step" : undefined}
        >
          {t(`phase.${p as "qualifying"}`)}
        </li>
      ))}
    </ol>
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
    </dl>
  );
}

function changeLabel(field: string) {
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
                <dt>{changeLabel(c.field)}</dt>
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

export interface TimelineItem {
  id: string;
  kind: string;
  at: number;
  actorName: string | null;
  data: Record<string, unknown>;
  names: Record<string, string>;
}

function eventText(e: TimelineItem, fastTrack: boolean, currency = "USD"): string {
  const actor = e.actorName ?? t("contest.timeline.system");
  const names = (ids: unknown) =>
    Array.isArray(ids)
      ? ids
          .map((id) => e.names[String(id)] ?? "")
          .filter(Boolean)
          .join(", ")
      : "";
  switch (e.kind) {
    case "draft_created":
    case "draft_saved":
    case "launched":
    case "cancelled":
    case "brief_changed":
    case "refunded":
      return t(`event.${e.kind}`, { actor });
    case "round_extended":
      return e.data.days === 1
        ? t("event.round_extended.one", { actor })
        : t("event.round_extended", { actor, days: Number(e.data.days) });
    case "finalists_selected":
      return t("event.finalists_selected", { actor, names: names(e.data.designerIds) });
    case "winner_selected":
      return t("event.winner_selected", { actor, name: e.names[String(e.data.designerId)] ?? "" });
    case "handover_started":
    case "handover_auto_approved":
    case "handover_waiting_for_signature":
      return t(`event.${e.kind}`);
    case "handover_approved":
      return t("event.handover_approved", { actor });
    case "round_ended":
      if (e.data.from === "qualifying")
        return fastTrack ? t("event.round_ended.qualifying_fast") : t("event.round_ended.qualifying");
      return t("event.round_ended.final_round");
    case "awarded_by_rule":
      return t("event.awarded_by_rule.top", { name: e.names[String(e.data.designerId)] ?? "" });
    case "split_by_rule": {
      // Who got what: the parts add up to the prize, the first ones a cent more when it does not divide.
      const awards = Array.isArray(e.data.awards)
        ? (e.data.awards as { designerId?: string; amount?: number }[])
        : [];
      return t("event.split_by_rule.amounts", {
        awards: awards
          .map(
            (a) => `${e.names[String(a.designerId)] ?? ""} (${formatPrize(Number(a.amount ?? 0), currency)})`,
          )
          .join(", "),
      });
    }
    case "refunded_by_rule":
      return e.data.reason === "no_entries"
        ? t("event.refunded_by_rule.no_entries")
        : e.data.reason === "not_guaranteed"
          ? t("event.refunded_by_rule.not_guaranteed")
          : t("event.refunded_by_rule");
    default:
      return judgingEventText(e) ?? t("event.unknown");
  }
}

/** The contest's work diary: who did what, when. */
export function Timeline({
  events,
  serverNow,
  fastTrack,
  currency,
}: {
  events: TimelineItem[];
  serverNow: number;
  fastTrack: boolean;
  currency?: string;
}) {
  return (
    <ol className="timeline" data-testid="timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`timeline__item timeline__item--${e.kind}`}>
          <span className="timeline__dot" aria-hidden="true" />
          <p className="timeline__text">{eventText(e, fastTrack, currency)}</p>
          {e.kind === "brief_changed" && Array.isArray(e.data.changes) ? (
            <p className="timeline__detail muted">
              {t("event.changedFields", {
                fields: [
                  ...new Set(
                    (e.data.changes as BriefChange[]).map((c) => changeLabel(c.field.split(".")[0]!)),
                  ),
                ].join(", "),
              })}
            </p>
          ) : null}
          <p className="timeline__when muted">
            <RelativeTime at={e.at} serverNow={serverNow} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * The gallery's place when there is nothing in it to show yet: what happens next, for whoever is
 * looking (the gallery itself is the entries module's ContestGallery, shown once entries exist).
 */
export function GalleryEmptyState({
  contestId,
  role,
  blind,
  hidden = false,
  action,
}: {
  contestId: string;
  role: "client" | "judge" | "designer" | "visitor";
  blind: boolean;
  hidden?: boolean;
  action?: ReactNode;
}) {
  const empty =
    role === "client"
      ? t("contest.gallery.empty.client")
      : role === "designer"
        ? t("contest.gallery.empty.designer")
        : t("contest.gallery.empty.visitor");
  return (
    <div className="gallery-empty-wrap" data-contest={contestId} data-testid="contest-gallery">
      {hidden ? (
        <p className="gallery-empty__box">{t("contest.gallery.hidden")}</p>
      ) : (
        <div className="gallery-empty__box">
          <div className="gallery-empty__ghosts" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
          <p className="gallery-empty__title">{t("contest.gallery.empty")}</p>
          <p className="muted">{empty}</p>
          {action}
        </div>
      )}
      {blind && role !== "client" && !hidden ? (
        <p className="gallery-empty__note muted">{t("contest.gallery.blind")}</p>
      ) : null}
    </div>
  );
}

/** The wizard's steps: reached ones are links, the current one is marked. */
export function StepIndicator({
  current,
  reached,
  href,
  steps,
}: {
  current: number;
  reached: number;
  href: (step: number) => string;
  steps: readonly string[];
}) {
  return (
    <nav aria-label={t("wizard.steps")} className="stepper">
      <p className="stepper__count">{t("wizard.stepOf", { n: current, total: steps.length })}</p>
      <ol className="stepper__list">
        {steps.map((key, i) => {
          const n = i + 1;
          const label = t(`wizard.step.${key as "basics"}`);
          const state = n === current ? "current" : n < reached ? "done" : n <= reached ? "open" : "locked";
          const content = (
            <>
              <span className="stepper__num num" aria-hidden="true">
                {state === "done" ? "✓" : n}
              </span>
              <span className="stepper__label">{label}</span>
              {state === "done" ? <span className="visually-hidden"> ({t("wizard.step.done")})</span> : null}
            </>
          );
          return (
            <li key={key} className={`stepper__step is-${state}`}>
              {state === "locked" ? (
                <span className="stepper__link">{content}</span>
              ) : (
                <Link
                  to={href(n)}
                  className="stepper__link"
                  aria-current={n === current ? "step" : undefined}
                >
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
