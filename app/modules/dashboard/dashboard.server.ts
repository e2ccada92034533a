import { db } from "~db/index";
import type { ContestStatus, EntryStatus, RatingRound, UserRole } from "~db/schema";
import type { Category } from "../contests/brief";
import { isRatingOpen } from "../contests/machine";
import { clientTasks, contestPaths, type ClientTaskKind } from "../contests/next-steps";
import { listClientContests, type ClientContestSummary } from "../contests/queries.server";
import { earningsOf } from "../earnings/earnings.server";
import type { DesignerBalance } from "../escrow/ledger-reads.server";
import { mediaUrl } from "../entries/media";
import { handoverMissing } from "../handover/approval.server";
import { ratingRound } from "../judging/access.server";
import type { CategoryStanding } from "../people/record";
import { designerStandings, recentContestCount } from "../people/record.server";
import { now } from "~/utils/clock.server";

/**
 * One dashboard for everyone, by the hats a person wears: a client runs contests, a designer enters
 * them, a judge rates for a client. Someone may wear several (a client who also designs, a designer
 * who judges for a friend); each hat adds its part, and "what needs you now" gathers the tasks of all.
 */

export interface Hats {
  /** Has a contest, or signed up to run them. */
  runsContests: boolean;
  /** Has an entry, or signed up to design. */
  designs: boolean;
  judges: boolean;
}

/** The hats a person wears, in one query (the header asks on every page). */
export async function hatsOf(user: { id: string; role: UserRole }): Promise<Hats> {
  const row = await db()
    .selectFrom("users")
    .select((eb) => [
      eb
        .exists(eb.selectFrom("contests").select("contests.id").where("contests.client_id", "=", user.id))
        .as("contests"),
      eb
        .exists(eb.selectFrom("entries").select("entries.id").where("entries.designer_id", "=", user.id))
        .as("entries"),
      eb
        .exists(
          eb
            .selectFrom("contest_members")
            .select("contest_members.user_id")
            .where("contest_members.user_id", "=", user.id)
            .where("contest_members.role", "=", "judge"),
        )
        .as("judging"),
    ])
    .where("users.id", "=", user.id)
    .executeTakeFirst();
  // SQLite answers 0/1, PostgreSQL true/false.
  const yes = (v: unknown) => v === true || Number(v) === 1;
  return {
    runsContests: user.role === "client" || yes(row?.contests),
    designs: user.role === "designer" || yes(row?.entries),
    judges: yes(row?.judging),
  };
}

export type TaskKind = ClientTaskKind | "hand_over" | "judge_entries";

export interface DashboardTask {
  kind: TaskKind;
  contestId: string;
  contestTitle: string;
  href: string;
  dueAt: number | null;
  count?: number;
  step?: number;
  /** For a handover: what the designer still has to do. */
  missing?: ("files" | "signature")[];
}

/** Most urgent first: deadlines soonest, then handovers and ratings, then unfinished briefs. */
export function sortDashboardTasks(tasks: DashboardTask[]): DashboardTask[] {
  const weight = (t: DashboardTask) =>
    t.dueAt !== null
      ? 0
      : t.kind === "hand_over"
        ? 1
        : t.kind === "rate_entries" || t.kind === "judge_entries"
          ? 2
          : 3;
  return [...tasks].sort(
    (a, b) =>
      weight(a) - weight(b) ||
      (a.dueAt ?? 0) - (b.dueAt ?? 0) ||
      a.kind.localeCompare(b.kind) ||
      a.contestId.localeCompare(b.contestId),
  );
}

// ——— Judges ———

export interface JudgedContest {
  id: string;
  title: string;
  category: Category;
  status: ContestStatus;
  roundEndsAt: number | null;
  round: RatingRound;
  rated: number;
  total: number;
}

/**
 * The contests this person judges whose rating is open, with their progress in the round being rated:
 * the ready entries of the round (the finalists' only in the final round), as the viewer counts them.
 */
export async function listJudgedContests(judgeId: string): Promise<JudgedContest[]> {
  const contests = await db()
    .selectFrom("contest_members")
    .innerJoin("contests", "contests.id", "contest_members.contest_id")
    .select([
      "contests.id",
      "contests.title",
      "contests.category",
      "contests.status",
      "contests.round_ends_at",
      "contests.fast_track",
    ])
    .where("contest_members.user_id", "=", judgeId)
    .where("contest_members.role", "=", "judge")
    .orderBy("contests.round_ends_at")
    .orderBy("contests.id")
    .execute();
  const open = contests
    .filter((c) => isRatingOpen(c))
    .map((c) => ({ ...c, round: ratingRound({ status: c.status, fastTrack: c.fast_track === 1 })! }));
  const progress = new Map<string, { rated: number; total: number }>();
  for (const round of [1, 2] as const) {
    const ids = open.filter((c) => c.round === round).map((c) => c.id);
    if (!ids.length) continue;
    for (const [id, p] of await roundProgress(judgeId, ids, round)) progress.set(id, p);
  }
  return open.map((c) => ({
    id: c.id,
    title: c.title,
    category: c.category as Category,
    status: c.status,
    roundEndsAt: c.round_ends_at,
    round: c.round,
    rated: progress.get(c.id)?.rated ?? 0,
    total: progress.get(c.id)?.total ?? 0,
  }));
}

/** Ready entries and this judge's ratings of them, per contest, in one round. */
async function roundProgress(judgeId: string, contestIds: string[], round: RatingRound) {
  let entries = db()
    .selectFrom("entries")
    .where("entries.contest_id", "in", contestIds)
    .where("entries.status", "=", "ready");
  if (round === 2) {
    entries = entries.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("contest_finalists")
          .select("contest_finalists.designer_id")
          .whereRef("contest_finalists.contest_id", "=", "entries.contest_id")
          .whereRef("contest_finalists.designer_id", "=", "entries.designer_id"),
      ),
    );
  }
  const rows = await entries
    .leftJoin("ratings", (join) =>
      join
        .onRef("ratings.entry_id", "=", "entries.id")
        .on("ratings.rater_id", "=", judgeId)
        .on("ratings.round", "=", round),
    )
    .select((eb) => [
      "entries.contest_id",
      eb.fn.countAll<number>().as("total"),
      eb.fn.count<number>("ratings.entry_id").as("rated"),
    ])
    .groupBy("entries.contest_id")
    .execute();
  return new Map(rows.map((r) => [r.contest_id, { rated: Number(r.rated), total: Number(r.total) }]));
}

// ——— Designers ———

export type EntryGroup = "won" | "running" | "processing" | "closed";

export interface DesignerEntry {
  id: string;
  number: number;
  title: string;
  status: EntryStatus;
  group: EntryGroup;
  finalist: boolean;
  contestId: string;
  contestTitle: string;
  contestStatus: ContestStatus;
  roundEndsAt: number | null;
  thumbnailUrl: string | null;
}

/** Where an entry stands for its designer: won, still in the running, being prepared, or closed. */
export function entryGroup(e: {
  status: EntryStatus;
  won: boolean;
  finalist: boolean;
  contestStatus: ContestStatus;
  fastTrack: boolean;
}): EntryGroup {
  if (e.won) return "won";
  if (e.status === "processing") return "processing";
  if (e.status !== "ready" || !isRatingOpen({ status: e.contestStatus })) return "closed";
  // After the finalists are picked, only theirs stay in the running.
  const finalRound = e.contestStatus === "final_round" || e.contestStatus === "winner_selection";
  return finalRound && !e.fastTrack && !e.finalist ? "closed" : "running";
}

export async function listDesignerEntries(designerId: string): Promise<DesignerEntry[]> {
  const rows = await db()
    .selectFrom("entries")
    .innerJoin("contests", "contests.id", "entries.contest_id")
    .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
    .leftJoin("contest_finalists", (join) =>
      join
        .onRef("contest_finalists.contest_id", "=", "entries.contest_id")
        .onRef("contest_finalists.designer_id", "=", "entries.designer_id"),
    )
    .select([
      "entries.id",
      "entries.number",
      "entries.title",
      "entries.status",
      "contests.id as contest_id",
      "contests.title as contest_title",
      "contests.status as contest_status",
      "contests.round_ends_at",
      "contests.fast_track",
      "contests.winning_entry_id",
      "contest_finalists.designer_id as finalist",
      "entry_revisions.thumbnail_key",
      "entry_revisions.preview_key",
    ])
    .where("entries.designer_id", "=", designerId)
    .orderBy("entries.created_at", "desc")
    .orderBy("entries.id", "desc")
    .execute();
  return rows.map((r) => {
    const won = r.winning_entry_id === r.id;
    const finalist = r.finalist !== null;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      group: entryGroup({
        status: r.status,
        won,
        finalist,
        contestStatus: r.contest_status,
        fastTrack: r.fast_track === 1,
      }),
      finalist,
      contestId: r.contest_id,
      contestTitle: r.contest_title,
      contestStatus: r.contest_status,
      roundEndsAt: r.round_ends_at,
      thumbnailUrl: r.thumbnail_key
        ? mediaUrl(r.thumbnail_key)
        : r.preview_key
          ? mediaUrl(r.preview_key)
          : null,
    };
  });
}

/** The handovers the designer won and still has something to do in (files, their signature). */
async function handoverTasks(designerId: string): Promise<DashboardTask[]> {
  const won = await db()
    .selectFrom("contests")
    .select(["id", "title", "round_ends_at"])
    .where("winner_id", "=", designerId)
    .where("status", "=", "handover")
    .where("winning_entry_id", "is not", null)
    .orderBy("id")
    .execute();
  const tasks: DashboardTask[] = [];
  for (const c of won) {
    const missing = await handoverMissing(db(), c.id);
    const mine = [
      ...(missing.includes("files") ? (["files"] as const) : []),
      ...(missing.includes("designerSignature") ? (["signature"] as const) : []),
    ];
    if (!mine.length) continue;
    tasks.push({
      kind: "hand_over",
      contestId: c.id,
      contestTitle: c.title,
      href: contestPaths.handover(c.id),
      dueAt: c.round_ends_at,
      missing: mine,
    });
  }
  return tasks;
}

// ——— Everything ———

export interface Dashboard {
  hats: Hats;
  role: UserRole;
  tasks: DashboardTask[];
  /** Null when the person runs no contest (and did not sign up to). */
  client: { contests: ClientContestSummary[] } | null;
  judging: JudgedContest[] | null;
  designer: {
    entries: DesignerEntry[];
    balances: DesignerBalance[];
    standings: CategoryStanding[];
    /** Contests entered in the rolling window (an entry-level designer's limit counts them). */
    recentContests: number;
  } | null;
}

export async function dashboardOf(user: { id: string; role: UserRole }): Promise<Dashboard> {
  const hats = await hatsOf(user);
  const [contests, judged, entries, handovers, earnings, standings, recentContests] = await Promise.all([
    hats.runsContests ? listClientContests(user.id) : Promise.resolve(null),
    hats.judges ? listJudgedContests(user.id) : Promise.resolve(null),
    hats.designs ? listDesignerEntries(user.id) : Promise.resolve(null),
    hats.designs ? handoverTasks(user.id) : Promise.resolve([]),
    hats.designs ? earningsOf(user.id) : Promise.resolve(null),
    hats.designs ? designerStandings(user.id) : Promise.resolve([]),
    hats.designs ? recentContestCount(db(), user.id, now()) : Promise.resolve(0),
  ]);
  const clientTaskList: DashboardTask[] = (contests ?? []).flatMap((c) =>
    clientTasks(c).map((task) => ({ ...task, contestTitle: c.title })),
  );
  const judgeTasks: DashboardTask[] = (judged ?? [])
    .filter((c) => c.rated < c.total)
    .map((c) => ({
      kind: "judge_entries",
      contestId: c.id,
      contestTitle: c.title,
      href: contestPaths.judge(c.id),
      dueAt: c.roundEndsAt,
      count: c.total - c.rated,
    }));
  return {
    hats,
    role: user.role,
    tasks: sortDashboardTasks([...clientTaskList, ...judgeTasks, ...handovers]),
    client: contests ? { contests } : null,
    judging: judged,
    designer: entries ? { entries, balances: earnings?.balances ?? [], standings, recentContests } : null,
  };
}
