import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/field";
import { Preview, StarsDisplay, ratingsText, starsText } from "~/components/judging";
import { translator, type MessageKey } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { formatScore } from "~/i18n/numbers";
import { useLocale, useT } from "~/i18n/react";
import { MAX_FINALISTS } from "~/modules/contests/machine";
import { shortlistActionSchema } from "~/modules/judging/forms";
import {
  assertClient,
  describeChoice,
  getShortlist,
  selectFinalists,
  selectWinner,
} from "~/modules/judging/shortlist.server";
import { requireUser } from "~/utils/auth.server";
import { caughtRefusal, refusalMessage, refusalStatus, refuseOrRethrow } from "~/utils/refusals.server";
import { contestPaths } from "~/modules/contests/next-steps";
import "./contests_.$contestId_.shortlist.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? t("shortlist.title", { contest: data.contest.title }) : t("app.name") }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return getShortlist({ contestId: params.contestId!, clientId: user.id }).catch((error: unknown) =>
    refuseOrRethrow(error, context.locale),
  );
}

type Confirm =
  | { kind: "finalists"; designers: { id: string; name: string }[] }
  | { kind: "winner"; entry: { id: string; number: number; designerName: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId!;
  // Only the client reaches the decision (the loader's rule, asked again here).
  await assertClient({ contestId, clientId: user.id }).catch((error: unknown) =>
    refuseOrRethrow(error, context.locale),
  );
  const submission = parseWithZod(await request.formData(), { schema: shortlistActionSchema(t) });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat();
    return data({ error: errors[0] ?? t("judging.error.invalid"), confirm: null }, { status: 400 });
  }
  const input = submission.value;
  try {
    switch (input.intent) {
      case "review-finalists": {
        const choice = await describeChoice({ contestId, designerIds: input.designerIds });
        const confirm: Confirm = { kind: "finalists", designers: choice.designers };
        return { error: null, confirm };
      }
      case "review-winner": {
        const choice = await describeChoice({ contestId, entryId: input.entryId });
        if (!choice.entry)
          return data({ error: t("shortlist.validation.winner"), confirm: null }, { status: 400 });
        const confirm: Confirm = { kind: "winner", entry: choice.entry };
        return { error: null, confirm };
      }
      case "confirm-finalists": {
        const after = await selectFinalists({ contestId, clientId: user.id, designerIds: input.designerIds });
        return redirect(contestPaths.finalistsChosen(contestId, after.finalists.length));
      }
      case "confirm-winner":
        await selectWinner({ contestId, clientId: user.id, entryId: input.entryId! });
        return redirect(contestPaths.winnerChosen(contestId));
    }
  } catch (error) {
    const refused = caughtRefusal(error);
    return data(
      { error: refusalMessage(refused, context.locale), confirm: null },
      { status: refusalStatus(refused) },
    );
  }
}

export default function Shortlist() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { contest, mode, designers } = data;
  const confirm = actionData?.confirm ?? null;
  const busy = navigation.state === "submitting";
  const done = params.get("done");

  return (
    <div className="container page judging-page">
      <div className="judging-page__head">
        <div>
          <p className="judging-page__crumb">
            <Link to={contestPaths.page(contest.id)}>← {contest.title}</Link>
          </p>
          <h1>{t("shortlist.heading")}</h1>
        </div>
        <div className="row">
          <Link to={contestPaths.judge(contest.id)} className="btn btn--primary">
            {t("shortlist.openViewer")}
          </Link>
          <Link to={contestPaths.judges(contest.id)} className="btn btn--secondary">
            {t("shortlist.inviteJudges")}
          </Link>
          <Link to={contestPaths.polls(contest.id)} className="btn btn--secondary">
            {t("polls.heading")}
          </Link>
        </div>
      </div>
      <p className="lead" style={{ margin: 0 }}>
        {t(`shortlist.lead.${mode === "fast_track" ? "fastTrack" : mode}` as MessageKey, {
          max: MAX_FINALISTS,
        })}
      </p>
      {done === "finalists" ? (
        <Notice tone="success">{t("shortlist.done.finalists", { n: params.get("n") ?? "" })}</Notice>
      ) : null}
      {done === "winner" ? (
        <Notice tone="success">
          {t("shortlist.done.winner")}{" "}
          <Link to={contestPaths.handover(contest.id)}>
            {t("shortlist.done.winner.next")} <span aria-hidden="true">→</span>
          </Link>
        </Notice>
      ) : null}
      {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}

      {confirm ? (
        <section className="confirm" aria-labelledby="confirm-title" data-testid="confirm">
          <h2 id="confirm-title">{t("shortlist.confirm.title")}</h2>
          {confirm.kind === "finalists" ? (
            <>
              <p style={{ margin: 0 }}>{t("shortlist.confirm.finalists")}</p>
              <ul>
                {confirm.designers.map((d) => (
                  <li key={d.id}>{d.name}</li>
                ))}
              </ul>
            </>
          ) : (
            <p style={{ margin: 0 }}>
              {t("shortlist.confirm.winner", {
                number: confirm.entry.number,
                name: confirm.entry.designerName,
              })}
            </p>
          )}
          <Form method="post" className="row">
            {confirm.kind === "finalists" ? (
              <>
                <input type="hidden" name="intent" value="confirm-finalists" />
                {confirm.designers.map((d) => (
                  <input key={d.id} type="hidden" name="designerIds" value={d.id} />
                ))}
              </>
            ) : (
              <>
                <input type="hidden" name="intent" value="confirm-winner" />
                <input type="hidden" name="entryId" value={confirm.entry.id} />
              </>
            )}
            <button type="submit" className="btn btn--primary" disabled={busy} autoFocus>
              {confirm.kind === "finalists"
                ? t("shortlist.confirm.finalistsSubmit")
                : t("shortlist.confirm.winnerSubmit")}
            </button>
            <Link to="." className="btn btn--secondary">
              {t("shortlist.confirm.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      {designers.length === 0 ? <p className="empty">{t("shortlist.empty")}</p> : null}
      {designers.length > 0 && !confirm ? (
        <Form method="post" className="judging-page">
          <ol className="shortlist" data-testid="shortlist">
            {designers.map((d, i) => (
              <li key={d.designerId} className="shortlist__designer" data-testid="shortlist-designer">
                <span className="shortlist__rank num" aria-hidden="true">
                  {d.bestRank !== null || d.earlierRank !== null ? i + 1 : "–"}
                </span>
                <div>
                  <div className="shortlist__who">
                    <h2>
                      {d.name}{" "}
                      {d.winner ? (
                        <span className="winner-badge" data-testid="winner-badge">
                          {t("entries.gallery.winner")}
                        </span>
                      ) : d.finalist ? (
                        <span className="badge badge--accent">{t("shortlist.finalist.badge")}</span>
                      ) : null}
                    </h2>
                    {data.canSelectFinalists ? (
                      <label className="shortlist__pick">
                        <input
                          type="checkbox"
                          name="designerIds"
                          value={d.designerId}
                          defaultChecked={d.finalist}
                        />
                        {t("shortlist.finalist.pick", { name: d.name })}
                      </label>
                    ) : null}
                  </div>
                  <ul className="shortlist__entries">
                    {d.entries.map((e) => (
                      <li key={e.id} className="shortlist__entry">
                        <Link to={contestPaths.judgeEntry(contest.id, e.id)} className="shortlist__thumb">
                          <Preview
                            src={e.thumbUrl}
                            alt={t("viewer.entryBy", { number: e.number, designer: d.name })}
                            number={e.number}
                            loading="lazy"
                          />
                        </Link>
                        <div className="shortlist__facts">
                          <span className="muted num" data-testid="shortlist-entry-label">
                            {t("viewer.entry", { number: e.number })}
                            {e.rank !== null ? ` · ${t("shortlist.rank", { rank: e.rank })}` : ""}
                          </span>
                          {e.ratings > 0 ? (
                            <>
                              <span className="shortlist__score">
                                <strong
                                  className="num"
                                  aria-label={t("shortlist.scoreOf", { score: formatScore(e.score, locale) })}
                                >
                                  {formatScore(e.score, locale)}
                                </strong>
                                <span className="muted">
                                  {t("shortlist.basis", { ratings: ratingsText(e.ratings, t) })}
                                </span>
                              </span>
                              <span className="meter" aria-hidden="true">
                                <span style={{ width: `${((e.score - 1) / 4) * 100}%` }} />
                              </span>
                            </>
                          ) : (
                            <span className="muted">{t("shortlist.unrated")}</span>
                          )}
                          {e.earlierScore !== null ? (
                            <span className="muted num">
                              {t("common.label", { label: t("judging.round.1") })}{" "}
                              {formatScore(e.earlierScore, locale)}
                            </span>
                          ) : null}
                          <span>
                            {t("common.label", { label: t("shortlist.yourStars") })}{" "}
                            <StarsDisplay value={e.clientStars} />
                          </span>
                          {e.judges.length ? (
                            <ul className="shortlist__judges" aria-label={t("shortlist.judges")}>
                              {e.judges.map((j) => (
                                <li key={j.name}>
                                  {j.name}: {j.stars ? starsText(j.stars, t) : "—"}
                                  {j.note ? <span className="shortlist__note"> “{j.note}”</span> : null}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {data.canSelectWinner && (mode !== "winner" || d.finalist) ? (
                            <label className="shortlist__winner">
                              <input
                                type="radio"
                                name="entryId"
                                value={e.id}
                                defaultChecked={contest.winningEntryId === e.id}
                              />
                              <span>{t("shortlist.winner.pick", { number: e.number, name: d.name })}</span>
                            </label>
                          ) : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
          {data.canSelectFinalists || data.canSelectWinner ? (
            <div className="sticky-actions">
              <span className="muted">
                {data.canSelectFinalists ? t("shortlist.finalists.hint") : t("shortlist.validation.winner")}
              </span>
              <div className="row">
                {data.canSelectFinalists ? (
                  <button
                    type="submit"
                    name="intent"
                    value="review-finalists"
                    className="btn btn--primary"
                    disabled={busy}
                  >
                    {t("shortlist.finalists.submit")}
                  </button>
                ) : null}
                {data.canSelectWinner ? (
                  <button
                    type="submit"
                    name="intent"
                    value="review-winner"
                    className={`btn ${data.canSelectFinalists ? "btn--secondary" : "btn--primary"}`}
                    disabled={busy}
                  >
                    {t("shortlist.winner.submit")}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
        </Form>
      ) : null}
    </div>
  );
}
