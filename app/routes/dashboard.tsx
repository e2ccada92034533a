import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { networkPaths } from "~/modules/people/network";
import { Link, useLoaderData } from "@remix-run/react";
import { Money, StatusBadge } from "~/components/contest/badges";
import { EntryStatusBadge } from "~/components/entry-bits";
import { RelativeTime, TimeLeft } from "~/components/time";
import type { T } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { STEP_COUNT } from "~/modules/contests/brief";
import { LIVE_STATES, TERMINAL_STATES } from "~/modules/contests/machine";
import { contestPaths } from "~/modules/contests/next-steps";
import type { ClientContestSummary } from "~/modules/contests/queries.server";
import {
  dashboardOf,
  type DashboardTask,
  type DesignerEntry,
  type EntryGroup,
  type JudgedContest,
} from "~/modules/dashboard/dashboard.server";
import type { DesignerBalance } from "~/modules/escrow/ledger-reads.server";
import { LEVEL_RULES } from "~/modules/people/levels";
import { LevelBadge } from "~/components/level-badge";
import { overallLevel, type CategoryStanding } from "~/modules/people/record";
import { ENTRY_LEVEL_CONTESTS, ENTRY_LEVEL_WINDOW_DAYS } from "~/modules/contests/tiers";
import { formatScore } from "~/i18n/numbers";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { entryPaths } from "~/modules/entries/paths";
import "./dashboard.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("dashboard.heading")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return { ...(await dashboardOf(user)), serverNow: now() };
}

const GROUPS = {
  drafts: ["draft"],
  running: LIVE_STATES,
  finished: TERMINAL_STATES,
} as const;

const ENTRY_GROUPS: EntryGroup[] = ["won", "running", "processing", "closed"];
/** Closed entries are history: a few on the dashboard, the rest on "My entries". */
const CLOSED_SHOWN = 5;

export default function Dashboard() {
  const t = useT();
  const { tasks, client, judging, designer, role, serverNow } = useLoaderData<typeof loader>();
  const contests = client?.contests ?? [];
  const nothingYet = !contests.length && !judging && !designer?.entries.length && !designer?.balances.length;

  if (nothingYet) {
    return (
      <div className="container page dashboard">
        <header className="dashboard__head">
          <h1>{t("dashboard.heading")}</h1>
        </header>
        {role === "designer" ? <DesignerWelcome /> : <ClientWelcome />}
      </div>
    );
  }

  const clientPart = contests.length ? (
    <ClientContests key="client" contests={contests} serverNow={serverNow} />
  ) : null;
  const judgePart = judging ? <Judging key="judging" contests={judging} serverNow={serverNow} /> : null;
  const designerPart = designer ? (
    <DesignerPart
      key="designer"
      entries={designer.entries}
      balances={designer.balances}
      standings={designer.standings}
      recentContests={designer.recentContests}
      serverNow={serverNow}
    />
  ) : null;
  // Each person's own side first: what they signed up for.
  const parts =
    role === "designer" ? [designerPart, judgePart, clientPart] : [clientPart, judgePart, designerPart];

  return (
    <div className="container page dashboard">
      <header className="dashboard__head">
        <h1>{t("dashboard.heading")}</h1>
        {contests.length ? (
          <Link to="/contests/new" className="btn btn--primary">
            + {t("dashboard.new")}
          </Link>
        ) : null}
      </header>

      <section aria-labelledby="needs-you" className="dashboard__section">
        <h2 id="needs-you">{t("dashboard.needsYou")}</h2>
        {tasks.length === 0 ? (
          <p className="muted">
            {contests.length ? t("dashboard.nothingNeeded") : t("dashboard.nothingNeeded.plain")}
          </p>
        ) : (
          <ul className="tasks" data-testid="tasks">
            {tasks.map((task) => (
              <Task key={`${task.kind}-${task.contestId}`} task={task} serverNow={serverNow} />
            ))}
          </ul>
        )}
      </section>

      {parts}

      {role === "client" && !contests.length ? (
        <p className="dashboard__section muted">
          {t("dashboard.alsoRun")} <Link to="/contests/new">{t("dashboard.new")}</Link>
        </p>
      ) : null}
    </div>
  );
}

function ClientWelcome() {
  const t = useT();
  return (
    <section className="empty empty--hero">
      <h2>{t("dashboard.empty.title")}</h2>
      <p className="lead">{t("dashboard.empty.body")}</p>
      <Link to="/contests/new" className="btn btn--primary btn--large">
        {t("dashboard.new")}
      </Link>
    </section>
  );
}

function DesignerWelcome() {
  const t = useT();
  return (
    <section className="empty empty--hero">
      <h2>{t("dashboard.designer.empty.title")}</h2>
      <p className="lead">{t("dashboard.designer.empty.body")}</p>
      <Link to="/contests" className="btn btn--primary btn--large">
        {t("dashboard.designer.empty.cta")}
      </Link>
    </section>
  );
}

function taskLabel(task: DashboardTask, t: T) {
  switch (task.kind) {
    case "rate_entries":
      return t("dashboard.task.rate_entries", { n: task.count ?? 0 });
    case "judge_entries":
      return t("dashboard.task.judge_entries", { n: task.count ?? 0 });
    default:
      return t(`dashboard.task.${task.kind}`);
  }
}

function Task({ task, serverNow }: { task: DashboardTask; serverNow: number }) {
  const t = useT();
  const due = task.dueAt ? (
    <>
      {t("dashboard.task.due")} <RelativeTime at={task.dueAt} serverNow={serverNow} />
    </>
  ) : null;
  return (
    <li className={`task task--${task.kind}`}>
      <div className="task__body">
        <p className="task__label">{taskLabel(task, t)}</p>
        <p className="task__contest">{task.contestTitle}</p>
        <p className="task__detail muted small">
          {task.kind === "finish_brief" ? (
            t("dashboard.task.finish_brief.detail", { n: task.step ?? 1, total: STEP_COUNT })
          ) : task.kind === "approve_handover" ? (
            t("dashboard.task.approve_handover.detail")
          ) : task.kind === "hand_over" ? (
            <>
              {t(
                task.missing?.length === 2
                  ? "dashboard.task.hand_over.files_signature"
                  : task.missing?.[0] === "files"
                    ? "dashboard.task.hand_over.files"
                    : "dashboard.task.hand_over.signature",
              )}
              {due ? <> · {due}</> : null}
            </>
          ) : (
            due
          )}
        </p>
      </div>
      <Link to={task.href} className="btn btn--primary task__cta">
        {t(`dashboard.cta.${task.kind}`)}
        <span className="visually-hidden">: {task.contestTitle}</span>
      </Link>
    </li>
  );
}

function ClientContests({ contests, serverNow }: { contests: ClientContestSummary[]; serverNow: number }) {
  const t = useT();
  return (
    <section aria-labelledby="all-contests" className="dashboard__section" data-testid="client-contests">
      <div className="dashboard__section-head">
        <h2 id="all-contests">{t("dashboard.all")}</h2>
        <Link to={networkPaths.myDesigners}>{t("network.mine.title")}</Link>
      </div>
      {(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((group) => {
        const list = contests.filter((c) => (GROUPS[group] as readonly string[]).includes(c.status));
        if (list.length === 0) return null;
        return (
          <div key={group} className="contest-rows">
            <h3 className="contest-rows__title">
              {t(`dashboard.group.${group}`)} <span className="num muted">{list.length}</span>
            </h3>
            <ul>
              {list.map((c) => (
                <ContestRow key={c.id} contest={c} serverNow={serverNow} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function ContestRow({ contest: c, serverNow }: { contest: ClientContestSummary; serverNow: number }) {
  const t = useT();
  return (
    <li className="contest-row">
      <div className="contest-row__main">
        <Link to={contestPaths.page(c.id)} className="contest-row__title">
          {c.title}
        </Link>
        <span className="muted small">{t(`category.${c.category}`)}</span>
      </div>
      <StatusBadge status={c.status} />
      <span className="contest-row__prize">
        <Money amount={c.prize} currency={c.currency} />
      </span>
      <span className="contest-row__meta muted small num">
        {c.status === "draft" ? (
          t("contest.action.yourStep", { n: c.draftStep, total: STEP_COUNT })
        ) : c.roundEndsAt !== null ? (
          <TimeLeft endsAt={c.roundEndsAt} serverNow={serverNow} />
        ) : (
          t("card.entries", { n: c.entryCount })
        )}
      </span>
    </li>
  );
}

function Judging({ contests, serverNow }: { contests: JudgedContest[]; serverNow: number }) {
  const t = useT();
  return (
    <section aria-labelledby="judging-title" className="dashboard__section" data-testid="judging">
      <h2 id="judging-title">{t("dashboard.judging.title")}</h2>
      <p className="muted">{t("dashboard.judging.lead")}</p>
      {contests.length === 0 ? (
        <p className="muted">{t("dashboard.judging.none")}</p>
      ) : (
        <ul className="judged">
          {contests.map((c) => (
            <li key={c.id} className="judged__row">
              <div className="contest-row__main">
                <Link to={contestPaths.page(c.id)} className="contest-row__title">
                  {c.title}
                </Link>
                <span className="muted small">
                  {t(`category.${c.category}`)}
                  {c.roundEndsAt !== null ? (
                    <>
                      {" · "}
                      <TimeLeft endsAt={c.roundEndsAt} serverNow={serverNow} />
                    </>
                  ) : null}
                </span>
              </div>
              <StatusBadge status={c.status} />
              <div className="judged__progress">
                <span className="num small">
                  {t("dashboard.judging.progress", { rated: c.rated, total: c.total })}
                </span>
                <progress
                  value={c.rated}
                  max={Math.max(c.total, 1)}
                  aria-label={t("dashboard.judging.progress", { rated: c.rated, total: c.total })}
                />
              </div>
              <Link
                to={contestPaths.judge(c.id)}
                className={`btn btn--small ${c.rated < c.total ? "btn--primary" : "btn--secondary"}`}
              >
                {c.rated < c.total ? t("dashboard.judging.open") : t("dashboard.judging.review")}
                <span className="visually-hidden">: {c.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DesignerPart({
  entries,
  balances,
  standings,
  recentContests,
  serverNow,
}: {
  entries: DesignerEntry[];
  balances: DesignerBalance[];
  standings: CategoryStanding[];
  recentContests: number;
  serverNow: number;
}) {
  const t = useT();
  return (
    <>
      <Levels standings={standings} recentContests={recentContests} />
      <section aria-labelledby="entries-title" className="dashboard__section" data-testid="designer-entries">
        <div className="dashboard__section-head">
          <h2 id="entries-title">{t("dashboard.entries.title")}</h2>
          <span className="row">
            <Link to={networkPaths.myInvitations}>{t("network.received.title")}</Link>
            {entries.length ? <Link to="/my/entries">{t("dashboard.entries.all")}</Link> : null}
          </span>
        </div>
        {entries.length === 0 ? (
          <div className="empty">
            <p>{t("dashboard.designer.empty.body")}</p>
            <Link to="/contests" className="btn btn--primary">
              {t("dashboard.designer.empty.cta")}
            </Link>
          </div>
        ) : (
          ENTRY_GROUPS.map((group) => {
            const all = entries.filter((e) => e.group === group);
            if (!all.length) return null;
            const list = group === "closed" ? all.slice(0, CLOSED_SHOWN) : all;
            return (
              <div key={group} className="contest-rows">
                <h3 className="contest-rows__title">
                  {t(`dashboard.entries.group.${group}`)} <span className="num muted">{all.length}</span>
                </h3>
                <ul>
                  {list.map((e) => (
                    <EntryRow key={e.id} entry={e} serverNow={serverNow} />
                  ))}
                </ul>
                {all.length > list.length ? (
                  <p className="small">
                    <Link to="/my/entries">
                      {t("dashboard.entries.more", { n: all.length - list.length })}
                    </Link>
                  </p>
                ) : null}
              </div>
            );
          })
        )}
      </section>

      <section
        aria-labelledby="earnings-title"
        className="dashboard__section"
        data-testid="designer-earnings"
      >
        <div className="dashboard__section-head">
          <h2 id="earnings-title">{t("dashboard.earnings.title")}</h2>
          <Link to="/earnings">{t("dashboard.earnings.open")}</Link>
        </div>
        {balances.length === 0 ? (
          <p className="muted">{t("dashboard.earnings.none")}</p>
        ) : (
          <div className="dashboard__balances">
            {balances.map((b) => (
              <dl key={b.currency} className="dashboard__balance">
                <div>
                  <dt>{t("earnings.available")}</dt>
                  <dd className="dashboard__amount">
                    <Money amount={b.available} currency={b.currency} />
                  </dd>
                </div>
                {b.inFlight ? (
                  <div>
                    <dt>{t("earnings.inFlight")}</dt>
                    <dd>
                      <Money amount={b.inFlight} currency={b.currency} />
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t("earnings.paidOut")}</dt>
                  <dd>
                    <Money amount={b.paidOut} currency={b.currency} />
                  </dd>
                </div>
              </dl>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

function EntryRow({ entry: e, serverNow }: { entry: DesignerEntry; serverNow: number }) {
  const t = useT();
  return (
    <li className="entry-row">
      <Link to={entryPaths.page(e.id)} className="entry-row__thumb" aria-hidden="true" tabIndex={-1}>
        {e.thumbnailUrl ? (
          <img src={e.thumbnailUrl} alt="" width={56} height={56} />
        ) : (
          <span className="shimmer" />
        )}
      </Link>
      <div className="contest-row__main">
        <Link to={entryPaths.page(e.id)} className="contest-row__title">
          {e.title || t("entries.untitled")}{" "}
          <span className="num">{t("entries.number", { number: e.number })}</span>
        </Link>
        <Link to={contestPaths.page(e.contestId)} className="muted small entry-row__contest">
          {e.contestTitle}
        </Link>
      </div>
      <span className="entry-row__status">
        {e.group === "won" ? (
          <span className="status status--ready">{t("entries.mine.won")}</span>
        ) : e.finalist && e.group === "running" ? (
          <span className="status status--ready">{t("dashboard.entries.finalist")}</span>
        ) : (
          <EntryStatusBadge status={e.status} />
        )}
      </span>
      <span className="contest-row__meta muted small num">
        {e.group === "won" && (e.contestStatus === "handover" || e.contestStatus === "completed") ? (
          <Link to={contestPaths.handover(e.contestId)}>
            {e.contestStatus === "handover"
              ? t("contest.action.handover.winner")
              : t("contest.action.handover.done")}
          </Link>
        ) : e.group === "running" && e.roundEndsAt !== null ? (
          <TimeLeft endsAt={e.roundEndsAt} serverNow={serverNow} />
        ) : (
          <StatusBadge status={e.contestStatus} />
        )}
      </span>
    </li>
  );
}

/** A designer's level in each category, what the next one needs, and the rules, as written. */
function Levels({ standings, recentContests }: { standings: CategoryStanding[]; recentContests: number }) {
  const t = useT();
  const locale = useLocale();
  const average = (tenths: number) => formatScore(tenths / 10, locale);
  return (
    <section aria-labelledby="levels-title" className="dashboard__section" data-testid="designer-levels">
      <div className="dashboard__section-head">
        <h2 id="levels-title">{t("dashboard.levels.title")}</h2>
        <Link to="/account#public-profile">{t("dashboard.levels.categories")}</Link>
      </div>
      {standings.length === 0 ? (
        <p className="muted">{t("dashboard.levels.none")}</p>
      ) : (
        <ul className="levels">
          {standings.map((s) => (
            <li key={s.category} className="levels__row" data-testid={`level-${s.category}`}>
              <span className="levels__category">{t(`category.${s.category}`)}</span>
              <LevelBadge level={s.level} />
              <span className="levels__next small">
                {s.next
                  ? [
                      s.next.wins > 0
                        ? t("dashboard.levels.wins", {
                            n: s.next.wins,
                            category: t(`category.${s.category}`),
                            level: s.next.level,
                          })
                        : null,
                      s.next.reviews > 0
                        ? t("dashboard.levels.reviews", {
                            n: s.next.reviews,
                            level: s.next.level,
                          })
                        : null,
                      s.next.averageTenths !== null
                        ? t("dashboard.levels.average", {
                            average: average(s.next.averageTenths),
                            level: s.next.level,
                          })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" ")
                  : t("dashboard.levels.top")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="small" data-testid="level-cap">
        {t("dashboard.levels.cap", {
          overall: overallLevel(standings),
          max: ENTRY_LEVEL_CONTESTS,
          days: ENTRY_LEVEL_WINDOW_DAYS,
          count: recentContests,
        })}
      </p>
      <p className="muted small" data-testid="level-rules">
        {t("dashboard.levels.rules", {
          midWins: LEVEL_RULES.mid.wins,
          midAverage: average(LEVEL_RULES.mid.minAverageTenths),
          topWins: LEVEL_RULES.top.wins,
          topReviews: LEVEL_RULES.top.reviews,
          topAverage: average(LEVEL_RULES.top.minAverageTenths),
        })}
      </p>
    </section>
  );
}
