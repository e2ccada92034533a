import { t } from "~/i18n";
import type { ContestStatus } from "~db/schema";
import type { ContestFailure } from "./contests.server";

/**
 * A refused contest action in plain words. When the contest moved on meanwhile (another tab, a
 * deadline), say what happened: "This contest changed while you were deciding: a winner has
 * already been picked."
 */
export function refusalMessage(reason: ContestFailure, status: ContestStatus | null): string {
  switch (reason) {
    case "not_owner":
      return t("contest.refusal.not_owner");
    case "not_found":
      return t("contest.refusal.not_found");
    case "extension_limit":
      return t("contest.refusal.extension_limit");
    case "bad_extension":
      return t("contest.refusal.bad_extension");
    case "guaranteed":
      return t("contest.refusal.guaranteed");
    case "wrong_state":
    case "conflict":
    case "stale":
      return status
        ? t("contest.refusal.changed", { what: t(`contest.changed.${status}`) })
        : t("contest.refusal.generic");
    default:
      return t("contest.refusal.generic");
  }
}
