import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Money } from "~/components/contest/badges";
import { Timeline } from "~/components/contest/timeline";
import { EntryStatusBadge } from "~/components/entry-bits";
import { Notice } from "~/components/field";
import { ConsolePage, DecisionForm, type ActionAnswer } from "~/components/support/console";
import { LocalTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { MAX_SUPPORT_EXTENSION_DAYS, SUPPORT_EVENTS } from "~/modules/contests/machine";
import { contestPaths } from "~/modules/contests/next-steps";
import { contestPage, decideContest, setEntryHidden } from "~/modules/support/console.server";
import { contestActionSchema } from "~/modules/support/forms";
import { requireSupport } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  return [
    { title: `${data?.contest.title ?? ""} · ${t("support.contests.title")}` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  requireSupport(context);
  const page = await contestPage(params.contestId ?? "");
  if (!page) notFound(context.locale);
  const allowed = SUPPORT_EVENTS[page.contest.status];
  return {
    ...page,
    serverNow: now(),
    can: {
      extend:
        allowed.includes("support_extend") && page.contest.roundEndsAt !== null && !page.contest.prizeHeld,
      refund: allowed.includes("support_refund"),
      pickWinner: allowed.includes("support_select_winner") && !page.contest.prizeHeld,
      award: allowed.includes("support_award"),
      release: allowed.includes("release_prize") && page.contest.prizeHeld,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user: agent } = requireSupport(context);
  const t = translator(context.locale);
  const contestId = params.contestId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: contestActionSchema });
  if (submission.status !== "success")
    return data<ActionAnswer>({ intent: null, target: null, error: t("errors.badRequest") }, { status: 400 });
  const input = submission.value;
  const base = { contestId, actorId: agent.id, reason: input.reason };
  const result =
    input.intent === "hide" || input.intent === "unhide"
      ? await setEntryHidden({ ...base, entryId: input.entryId, hidden: input.intent === "hide" })
      : await decideContest({
          ...base,
          decision:
            input.intent === "extend"
              ? { kind: "extend", days: input.days }
              : input.intent === "pick_winner"
                ? { kind: "pick_winner", entryId: input.entryId }
                : input.intent === "award"
                  ? { kind: "award", designerId: input.designerId }
                  : { kind: input.intent },
        });
  if (result.ok) return redirect(`/support/contests/${contestId}?done=${input.intent}`);
  if (result.reason === "not_found") refuse(result, context.locale);
  return data<ActionAnswer>(
    {
      intent: input.intent,
      target: input.intent === "hide" || input.intent === "unhide" ? input.entryId : null,
      error: refusalMessage(result, context.locale),
    },
    { status: refusalStatus(result) },
  );
}

const DONE = ["hide", "unhide", "extend", "refund", "pick_winner", "award", "release"] as const;

export default function SupportContest() {
  const t = useT();
  const { contest, clientName, winnerName, entries, hold, timeline, can, serverNow } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE.find((d) => d === params.get("done"));
  const ready = entries.filter((e) => e.status === "ready");
  const designers = [...new Map(ready.map((e) => [e.designerId, e.designerName])).entries()];
  const awardable =
    contest.status === "handover" && contest.winnerId
      ? designers
          .filter(([id]) => id === contest.winnerId)
          .concat(
            designers.some(([id]) => id === contest.winnerId) ? [] : [[contest.winnerId, winnerName ?? ""]],
          )
      : contest.finalists.length
        ? designers.filter(([id]) => contest.finalists.includes(id))
        : designers;
  return (
    <ConsolePage title={contest.title}>
      {done ? <Notice tone="success">{t(`support.contest.done.${done}`)}</Notice> : null}
      {answer && !answer.intent ? <p className="notice notice--error">{answer.error}</p> : null}
      <dl className="console-facts" data-testid="contest-facts">
        <dt>{t("support.contest.state")}</dt>
        <dd data-testid="contest-status">{t(`status.${contest.status}`)}</dd>
        <dt>{t("support.contest.clientLabel")}</dt>
        <dd>
          <Link to={`/support/users/${contest.clientId}`}>{clientName}</Link>
        </dd>
        <dt>{t("contest.prize")}</dt>
        <dd>
          <Money amount={contest.prize} currency={contest.currency} />
          {contest.guaranteed ? ` · ${t("support.contest.guaranteed")}` : ""}
        </dd>
        {contest.roundEndsAt ? (
          <>
            <dt>{t("support.contest.deadline")}</dt>
            <dd>
              <LocalTime at={contest.roundEndsAt} />
            </dd>
          </>
        ) : null}
        {contest.winnerId ? (
          <>
            <dt>{t("support.contest.winner")}</dt>
            <dd>
              <Link to={`/support/users/${contest.winnerId}`}>{winnerName}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t("support.contest.page")}</dt>
        <dd>
          <Link to={contestPaths.page(contest.id)}>{t("support.contest.openPage")}</Link>
        </dd>
      </dl>

      {hold ? (
        <section className="console-section notice" aria-labelledby="hold-title" data-testid="hold">
          <h2 id="hold-title" className="section-title">
            {t("support.held.title")}
          </h2>
          <p>
            {t("support.held.winner", { name: hold.designerName })} ·{" "}
            {hold.reasons.map((r) => t(`support.hold.reason.${r}`)).join(" · ")} · <LocalTime at={hold.at} />
          </p>
        </section>
      ) : null}

      <section className="console-section" aria-labelledby="decide-title">
        <h2 id="decide-title" className="section-title">
          {t("support.contest.decide")}
        </h2>
        {can.extend || can.refund || can.pickWinner || can.award || can.release ? (
          <div className="console-actions">
            {can.release ? (
              <div className="card">
                <h3>{t("support.contest.release")}</h3>
                <DecisionForm intent="release" label={t("support.contest.release")} answer={answer} />
              </div>
            ) : null}
            {can.extend ? (
              <div className="card">
                <h3>{t("support.contest.extend")}</h3>
                <DecisionForm intent="extend" label={t("support.contest.extend")} answer={answer}>
                  <div className="field">
                    <label className="field__label" htmlFor="days">
                      {t("support.contest.days", { max: MAX_SUPPORT_EXTENSION_DAYS })}
                    </label>
                    <input
                      id="days"
                      name="days"
                      type="number"
                      className="input"
                      min={1}
                      max={MAX_SUPPORT_EXTENSION_DAYS}
                      defaultValue={2}
                    />
                  </div>
                </DecisionForm>
              </div>
            ) : null}
            {can.pickWinner && ready.length ? (
              <div className="card">
                <h3>{t("support.contest.pickWinner")}</h3>
                <DecisionForm intent="pick_winner" label={t("support.contest.pickWinner")} answer={answer}>
                  <div className="field">
                    <label className="field__label" htmlFor="winner-entry">
                      {t("support.contest.entry")}
                    </label>
                    <select id="winner-entry" name="entryId" className="select">
                      {ready.map((e) => (
                        <option key={e.id} value={e.id}>
                          #{e.number} · {e.designerName}
                        </option>
                      ))}
                    </select>
                  </div>
                </DecisionForm>
              </div>
            ) : null}
            {can.award && awardable.length ? (
              <div className="card">
                <h3>{t("support.contest.award")}</h3>
                <DecisionForm intent="award" label={t("support.contest.award")} answer={answer}>
                  <div className="field">
                    <label className="field__label" htmlFor="award-designer">
                      {t("support.contest.designer")}
                    </label>
                    <select id="award-designer" name="designerId" className="select">
                      {awardable.map(([id, name]) => (
                        <option key={id} value={id}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </div>
                </DecisionForm>
              </div>
            ) : null}
            {can.refund ? (
              <div className="card">
                <h3>{t("support.contest.refund")}</h3>
                <DecisionForm intent="refund" label={t("support.contest.refund")} danger answer={answer} />
              </div>
            ) : null}
          </div>
        ) : (
          <p className="empty">{t("support.contest.nothingToDecide")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="entries-title">
        <h2 id="entries-title" className="section-title">
          {t("support.contest.entries")} <span className="section-title__count num">{entries.length}</span>
        </h2>
        {entries.length ? (
          <ul className="console-list" data-testid="entries">
            {entries.map((e) => (
              <li key={e.id} className="console-list__item">
                <span className="console-entry">
                  {e.thumbUrl ? (
                    <img
                      className="console-thumb"
                      src={e.thumbUrl}
                      alt={t("support.flag.entry", { number: e.number, contest: contest.title })}
                      loading="lazy"
                    />
                  ) : null}
                  <span>
                    #{e.number} · <Link to={`/support/users/${e.designerId}`}>{e.designerName}</Link>{" "}
                    <EntryStatusBadge status={e.status} />
                  </span>
                </span>
                {e.status === "ready" || e.status === "declined" ? (
                  <DecisionForm
                    intent="hide"
                    target={e.id}
                    fields={{ entryId: e.id }}
                    label={t("support.entry.hide")}
                    answer={answer}
                  />
                ) : e.status === "hidden" ? (
                  <DecisionForm
                    intent="unhide"
                    target={e.id}
                    fields={{ entryId: e.id }}
                    label={t("support.entry.unhide")}
                    answer={answer}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.contest.entriesEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="section-title">
          {t("contest.timeline")}
        </h2>
        <Timeline
          events={timeline}
          serverNow={serverNow}
          fastTrack={contest.fastTrack}
          currency={contest.currency}
        />
      </section>
    </ConsolePage>
  );
}
