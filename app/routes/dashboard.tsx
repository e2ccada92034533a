import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Money, StatusBadge } from "~/components/contest";
import { RelativeTime, TimeLeft } from "~/components/time";
import { t } from "~/i18n";
import { STEP_COUNT } from "~/modules/contests/brief";
import { clientTasks, contestPaths, sortTasks, type ClientTask } from "~/modules/contests/next-steps";
import { listClientContests, type ClientContestSummary } from "~/modules/contests/queries.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: `${t("dashboard.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const contests = await listClientContests(user.id);
  const tasks = sortTasks(contests.flatMap((c) => clientTasks(c)));
  return { contests, tasks, serverNow: now() };
}

const GROUPS = {
  drafts: ["draft"],
  running: ["qualifying", "finalist_selection", "final_round", "winner_selection", "handover"],
  finished: ["completed", "refunded", "cancelled"],
} as const;

export default function Dashboard() {
  const { contests, tasks, serverNow } = useLoaderData<typeof loader>();
  const byId = new Map(contests.map((c) => [c.id, c]));
  return (
    <div className="container page dashboard">
      <header className="dashboard__head">
        <h1>{t("dashboard.title")}</h1>
        {contests.length ? (
          <Link to="/contests/new" className="btn btn--primary">
            + {t("dashboard.new")}
          </Link>
        ) : null}
      </header>

      {contests.length === 0 ? (
        <section className="empty empty--hero">
          <h2>{t("dashboard.empty.title")}</h2>
          <p className="lead">{t("dashboard.empty.body")}</p>
          <Link to="/contests/new" className="btn btn--primary btn--large">
            {t("dashboard.new")}
          </Link>
        </section>
      ) : (
        <>
          <section aria-labelledby="needs-you" className="dashboard__section">
            <h2 id="needs-you">{t("dashboard.needsYou")}</h2>
            {tasks.length === 0 ? (
              <p className="muted">{t("dashboard.nothingNeeded")}</p>
            ) : (
              <ul className="tasks" data-testid="tasks">
                {tasks.map((task) => (
                  <Task
                    key={`${task.kind}-${task.contestId}`}
                    task={task}
                    contest={byId.get(task.contestId)!}
                    serverNow={serverNow}
                  />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="all-contests" className="dashboard__section">
            <h2 id="all-contests">{t("dashboard.all")}</h2>
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
        </>
      )}
    </div>
  );
}

function Task({
  task,
  contest,
  serverNow,
}: {
  task: ClientTask;
  contest: ClientContestSummary;
  serverNow: number;
}) {
  const label =
    task.kind === "rate_entries"
      ? task.count === 1
        ? t("dashboard.task.rate_entries.one")
        : t("dashboard.task.rate_entries", { n: task.count ?? 0 })
      : t(`dashboard.task.${task.kind}`);
  return (
    <li className={`task task--${task.kind}`}>
      <div className="task__body">
        <p className="task__label">{label}</p>
        <p className="task__contest">{contest.title}</p>
        <p className="task__detail muted small">
          {task.kind === "finish_brief" ? (
            t("dashboard.task.finish_brief.detail", { n: task.step ?? 1, total: STEP_COUNT })
          ) : task.kind === "approve_handover" ? (
            t("dashboard.task.approve_handover.detail")
          ) : task.dueAt ? (
            <>
              {t("dashboard.task.due")} <RelativeTime at={task.dueAt} serverNow={serverNow} />
            </>
          ) : null}
        </p>
      </div>
      <Link to={task.href} className="btn btn--primary task__cta">
        {t(`dashboard.cta.${task.kind}`)}
        <span className="visually-hidden">: {contest.title}</span>
      </Link>
    </li>
  );
}

function ContestRow({ contest: c, serverNow }: { contest: ClientContestSummary; serverNow: number }) {
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
        ) : c.entryCount === 1 ? (
          t("card.entry")
        ) : (
          t("card.entries", { n: c.entryCount })
        )}
      </span>
    </li>
  );
}
