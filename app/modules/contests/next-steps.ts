import type { ContestStatus } from "~db/schema";
import { handoverPaths } from "../handover/paths";
import { isRatingOpen, MAX_EXTENSIONS } from "./machine";

/**
 * What a client can do with a contest now, and what needs them: pure functions of the contest's
 * state, shared by the contest page (its buttons) and the dashboard ("what needs you now").
 */
export type ClientActionKind =
  | "finish_brief"
  | "preview"
  | "cancel_draft"
  | "rate_entries"
  | "pick_finalists"
  | "pick_winner"
  | "edit_brief"
  | "extend"
  | "refund"
  | "invite"
  | "handover";

export interface NextStepsContest {
  id: string;
  status: ContestStatus;
  draftStep: number;
  roundEndsAt: number | null;
  extensionsUsed: number;
  guaranteed: boolean;
  fastTrack: boolean;
  isPrivate: boolean;
  /** Set once a winner was picked (a contest completed by rule has none: there was no handover). */
  winningEntryId?: string | null;
}

export const contestPaths = {
  page: (id: string) => `/contests/${id}`,
  edit: (id: string, step?: number) => `/contests/${id}/edit${step ? `?step=${step}` : ""}`,
  preview: (id: string) => `/contests/${id}/preview`,
  judge: (id: string) => `/contests/${id}/judge`,
  /** The viewer open on one entry, or comparing it side by side with another. */
  judgeEntry: (id: string, entryId: string, compareWith?: string) =>
    `/contests/${id}/judge?entry=${entryId}${compareWith ? `&compare=${entryId}&compare=${compareWith}` : ""}`,
  shortlist: (id: string) => `/contests/${id}/shortlist`,
  finalistsChosen: (id: string, count: number) => `/contests/${id}/shortlist?done=finalists&n=${count}`,
  winnerChosen: (id: string) => `/contests/${id}/shortlist?done=winner`,
  judges: (id: string) => `/contests/${id}/judges`,
  polls: (id: string) => `/contests/${id}/polls`,
  submit: (id: string) => `/contests/${id}/entries/new`,
  refund: (id: string) => `/contests/${id}/refund`,
  cancel: (id: string) => `/contests/${id}/cancel`,
  invitations: (id: string) => `/contests/${id}/invitations`,
  handover: handoverPaths.page,
  reference: (contestId: string, referenceId: string, size: "full" | "thumb" = "full") =>
    `/contests/${contestId}/references/${referenceId}${size === "thumb" ? "?size=thumb" : ""}`,
};

/** The client's actions, the primary one first. */
export function clientActions(c: NextStepsContest): ClientActionKind[] {
  const extend = c.roundEndsAt !== null && c.extensionsUsed < MAX_EXTENSIONS ? (["extend"] as const) : [];
  const refund = !c.guaranteed ? (["refund"] as const) : [];
  const invite = c.isPrivate ? (["invite"] as const) : [];
  switch (c.status) {
    case "draft":
      return ["finish_brief", "preview", "cancel_draft"];
    case "qualifying":
      return [
        "rate_entries",
        c.fastTrack ? "pick_winner" : "pick_finalists",
        ...invite,
        "edit_brief",
        ...extend,
        ...refund,
      ];
    case "finalist_selection":
      return ["pick_finalists", "rate_entries", ...invite, "edit_brief", ...extend, ...refund];
    case "final_round":
      return ["rate_entries", "pick_winner", "edit_brief", ...extend];
    case "winner_selection":
      return ["pick_winner", "rate_entries", ...extend];
    case "handover":
      return ["handover"];
    case "completed":
      return c.winningEntryId ? ["handover"] : [];
    default:
      return [];
  }
}

export type ClientTaskKind =
  "finish_brief" | "pick_finalists" | "pick_winner" | "approve_handover" | "rate_entries";

export interface ClientTask {
  kind: ClientTaskKind;
  contestId: string;
  href: string;
  /** When it stops being possible (the selection's deadline), if it has one. */
  dueAt: number | null;
  count?: number;
  step?: number;
}

/** What needs the client on one contest now, most pressing first. */
export function clientTasks(
  c: Pick<NextStepsContest, "id" | "status" | "draftStep" | "roundEndsAt"> & {
    newEntries: number;
    handoverStarted: boolean;
  },
): ClientTask[] {
  const tasks: ClientTask[] = [];
  switch (c.status) {
    case "draft":
      tasks.push({
        kind: "finish_brief",
        contestId: c.id,
        href: contestPaths.edit(c.id, c.draftStep),
        dueAt: null,
        step: c.draftStep,
      });
      break;
    case "finalist_selection":
      tasks.push({
        kind: "pick_finalists",
        contestId: c.id,
        href: contestPaths.shortlist(c.id),
        dueAt: c.roundEndsAt,
      });
      break;
    case "winner_selection":
      tasks.push({
        kind: "pick_winner",
        contestId: c.id,
        href: contestPaths.shortlist(c.id),
        dueAt: c.roundEndsAt,
      });
      break;
    case "handover":
      if (c.handoverStarted) {
        tasks.push({
          kind: "approve_handover",
          contestId: c.id,
          href: contestPaths.handover(c.id),
          dueAt: c.roundEndsAt,
        });
      }
      break;
  }
  if (c.newEntries > 0 && isRatingOpen(c)) {
    tasks.push({
      kind: "rate_entries",
      contestId: c.id,
      href: contestPaths.judge(c.id),
      dueAt: null,
      count: c.newEntries,
    });
  }
  return tasks;
}

/** Most urgent first: deadlines soonest, then ratings, then unfinished briefs. */
export function sortTasks(tasks: ClientTask[]): ClientTask[] {
  const weight = (t: ClientTask) => (t.dueAt !== null ? 0 : t.kind === "rate_entries" ? 1 : 2);
  return [...tasks].sort(
    (a, b) =>
      weight(a) - weight(b) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.contestId.localeCompare(b.contestId),
  );
}

/** The status as a tone for its badge (UI.md: status colours used sparingly). */
export function statusTone(status: ContestStatus): "open" | "final" | "handover" | "done" | "draft" {
  switch (status) {
    case "qualifying":
      return "open";
    case "finalist_selection":
    case "final_round":
    case "winner_selection":
      return "final";
    case "handover":
      return "handover";
    case "draft":
      return "draft";
    default:
      return "done";
  }
}

/** The contest's phases as a progress line; fast track has no finalist selection or final round. */
export function phasesOf(fastTrack: boolean): ContestStatus[] {
  return fastTrack
    ? ["qualifying", "winner_selection", "handover", "completed"]
    : ["qualifying", "finalist_selection", "final_round", "winner_selection", "handover", "completed"];
}
