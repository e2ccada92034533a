import { useLocale, useT } from "~/i18n/react";
import { formatPrize } from "~/modules/money/money";
import type { ContestStatus } from "~/modules/contests/machine";
import { statusTone } from "~/modules/contests/next-steps";
import "../contest.css";

export function Money({
  amount,
  currency,
  className,
}: {
  amount: number;
  currency: string;
  className?: string;
}) {
  const locale = useLocale();
  return (
    <span className={`num${className ? ` ${className}` : ""}`}>{formatPrize(amount, currency, locale)}</span>
  );
}

export function StatusBadge({ status }: { status: ContestStatus }) {
  const t = useT();
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
  const t = useT();
  const badges = [
    props.guaranteed && (["guaranteed", "badge--accent"] as const),
    props.isPrivate && (["private", ""] as const),
    props.blind && (["blind", ""] as const),
    props.fastTrack && (["fastTrack", ""] as const),
  ].filter((b): b is Exclude<typeof b, false> => !!b);
  if (badges.length === 0) return null;
  return (
    <ul className="badges" aria-label={t("badge.list")}>
      {badges.map(([key, tone]) => (
        <li key={key} className={`badge ${tone}`} title={t(`badge.${key}.title`)}>
          {t(`badge.${key}`)}
        </li>
      ))}
    </ul>
  );
}
