import type { Locale, T } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { formatPrize } from "~/modules/money/money";
import { judgingEventText } from "~/modules/judging/events";
import type { BriefChange, ContestStatus } from "~/modules/contests/machine";
import { phasesOf } from "~/modules/contests/next-steps";
import { RelativeTime } from "../time";
import { changeLabel } from "./brief-view";
import { supportActionText } from "../support/audit-text";
import "../contest.css";

/** Where the contest is among its phases. */
export function PhaseTrack({ status, fastTrack }: { status: ContestStatus; fastTrack: boolean }) {
  const t = useT();
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

export interface TimelineItem {
  id: string;
  kind: string;
  at: number;
  actorName: string | null;
  data: Record<string, unknown>;
  names: Record<string, string>;
}

function eventText(e: TimelineItem, fastTrack: boolean, t: T, locale: Locale, currency = "USD"): string {
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
      return t("event.round_extended", { actor, days: Number(e.data.days) });
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
            (a) =>
              `${e.names[String(a.designerId)] ?? ""} (${formatPrize(Number(a.amount ?? 0), currency, locale)})`,
          )
          .join(", "),
      });
    }
    case "audit":
      return supportActionText(e.data, e.names, t);
    case "prize_held":
      return t("support.event.prizeHeld");
    case "refunded_by_rule":
      return e.data.reason === "no_entries"
        ? t("event.refunded_by_rule.no_entries")
        : e.data.reason === "not_guaranteed"
          ? t("event.refunded_by_rule.not_guaranteed")
          : t("event.refunded_by_rule");
    default:
      return judgingEventText(e, t) ?? t("event.unknown");
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
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="timeline" data-testid="timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`timeline__item timeline__item--${e.kind}`}>
          <span className="timeline__dot" aria-hidden="true" />
          <p className="timeline__text">{eventText(e, fastTrack, t, locale, currency)}</p>
          {e.kind === "brief_changed" && Array.isArray(e.data.changes) ? (
            <p className="timeline__detail muted">
              {t("event.changedFields", {
                fields: [
                  ...new Set(
                    (e.data.changes as BriefChange[]).map((c) => changeLabel(c.field.split(".")[0]!, t)),
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
