import type { T } from "~/i18n";

/**
 * The judging module's entries on a contest's timeline. They say who judges and which entries and
 * designers the client turned away: the client's alone, never shown to designers or visitors.
 */
export const JUDGING_CLIENT_ONLY_EVENTS = [
  "judge_invited",
  "judge_joined",
  "judge_removed",
  "entry_declined",
  "entry_restored",
  "designer_eliminated",
  "designer_reinstated",
  "poll_created",
] as const;

/** The timeline's sentence for a judging event in the reader's language (their `t`), or null for a kind that is not judging's. */
export function judgingEventText(
  e: {
    kind: string;
    actorName: string | null;
    data: Record<string, unknown>;
    names: Record<string, string>;
  },
  t: T,
): string | null {
  const actor = e.actorName ?? t("contest.timeline.system");
  const number = String(e.data.number ?? "?");
  const name = e.names[String(e.data.designerId)] ?? "";
  switch (e.kind) {
    case "judge_invited":
      return t("event.judge_invited", { actor });
    case "judge_joined":
      return t("event.judge_joined", { actor });
    case "judge_removed":
      return t("event.judge_removed", { actor });
    case "entry_declined":
      return t("event.entry_declined", { actor, number });
    case "entry_restored":
      return t("event.entry_restored", { actor, number });
    case "designer_eliminated":
      return t("event.designer_eliminated", { actor, name });
    case "designer_reinstated":
      return t("event.designer_reinstated", { actor, name });
    case "poll_created":
      return t("event.poll_created", { actor });
    default:
      return null;
  }
}
