import { useT } from "~/i18n/react";
import type { Level } from "~/modules/people/levels";
import "./level-badge.css";

/** A designer's level, as a pill ("Top level"). */
export function LevelBadge({ level, testId }: { level: Level; testId?: string }) {
  const t = useT();
  return (
    <span className={`level level--${level}`} data-testid={testId}>
      {t(`people.level.${level}`)}
    </span>
  );
}
