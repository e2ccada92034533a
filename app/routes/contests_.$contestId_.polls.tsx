import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, Notice } from "~/components/field";
import { Preview, ShareLink } from "~/components/judging";
import { RelativeTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { createPollSchema, pollsActionSchema } from "~/modules/judging/forms";
import { closePoll, createPoll, listPolls } from "~/modules/judging/polls.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { caughtRefusal, refusalMessage, refusalStatus, refuseOrRethrow } from "~/utils/refusals.server";
import { contestPaths } from "~/modules/contests/next-steps";
import "./contests_.$contestId_.polls.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? t("polls.title", { contest: data.contest.title }) : t("app.name") }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const list = await listPolls({ contestId: params.contestId!, clientId: user.id }).catch((error: unknown) =>
    refuseOrRethrow(error, context.locale),
  );
  return { ...list, now: now() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId!;
  const submission = parseWithZod(await request.formData(), { schema: pollsActionSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), created: null, message: null }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "create") {
      const poll = await createPoll({
        contestId,
        clientId: user.id,
        entryIds: input.entryIds,
        question: input.question,
      });
      return { result: submission.reply({ resetForm: true }), created: { link: poll.link }, message: null };
    }
    await closePoll({ contestId, clientId: user.id, pollId: input.pollId });
    return { result: null, created: null, message: t("polls.list.closed") };
  } catch (error) {
    const refused = caughtRefusal(error);
    return data(
      {
        result: submission.reply({ formErrors: [refusalMessage(refused, context.locale)] }),
        created: null,
        message: null,
      },
      { status: refusalStatus(refused) },
    );
  }
}

export default function Polls() {
  const t = useT();
  const { contest, candidates, polls, now: serverNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(createPollSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createPollSchema(t) }),
    shouldValidate: "onSubmit",
    defaultValue: { question: t("polls.new.questionDefault") },
  });
  return (
    <div className="container page judging-page">
      <div>
        <p className="judging-page__crumb">
          <Link to={contestPaths.shortlist(contest.id)}>← {t("shortlist.heading")}</Link>
        </p>
        <h1>{t("polls.heading")}</h1>
        <p className="lead" style={{ margin: 0 }}>
          {t("polls.lead")}
        </p>
      </div>
      {actionData?.message ? <Notice tone="success">{actionData.message}</Notice> : null}
      {actionData?.created ? (
        <div className="stack" data-testid="poll-created">
          <Notice tone="success">{t("polls.new.done")}</Notice>
          <ShareLink link={actionData.created.link} label={t("polls.list.link")} />
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="new-poll">
        <h2 id="new-poll">{t("polls.new.title")}</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          {form.errors?.length ? <Notice tone="error">{form.errors.join(" ")}</Notice> : null}
          <div className="field">
            <label className="field__label" htmlFor={fields.question.id}>
              {t("polls.new.question")}
            </label>
            <input
              className="input"
              id={fields.question.id}
              name={fields.question.name}
              defaultValue={fields.question.initialValue}
              maxLength={200}
              aria-invalid={fields.question.errors?.length ? true : undefined}
              aria-describedby={fields.question.errors?.length ? fields.question.errorId : undefined}
            />
            <FieldError meta={fields.question} />
          </div>
          <fieldset className="choices" aria-describedby={fields.entryIds.errorId}>
            <legend className="field__label">{t("polls.new.entries")}</legend>
            <ul className="poll-picks">
              {candidates.map((e) => (
                <li key={e.id}>
                  <label className="poll-pick">
                    <span className="poll-pick__frame">
                      <Preview
                        src={e.thumbUrl}
                        alt={t("viewer.entryBy", { number: e.number, designer: e.designerName })}
                        number={e.number}
                        loading="lazy"
                      />
                    </span>
                    <span className="poll-pick__label">
                      <input type="checkbox" name={fields.entryIds.name} value={e.id} />
                      {t("polls.new.pick", { number: e.number })}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError meta={fields.entryIds} />
          </fieldset>
          <div>
            <button type="submit" className="btn btn--primary">
              {t("polls.new.submit")}
            </button>
          </div>
        </Form>
      </section>

      {polls.length === 0 ? <p className="empty">{t("polls.list.empty")}</p> : null}
      {polls.map((p) => (
        <section key={p.id} className="card stack" aria-label={p.question} data-testid="poll">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 style={{ margin: 0 }}>{p.question}</h2>
            <span className="muted num">
              {t("polls.list.votes", { n: p.total })} ·{" "}
              <RelativeTime at={p.createdAt} serverNow={serverNow} />
              {p.closed ? ` · ${t("polls.list.closed")}` : ""}
            </span>
          </div>
          <ol className="results">
            {p.entries.map((e) => (
              <li key={e.entryId} className="results__row">
                <span className="results__thumb">
                  <Preview src={e.thumbUrl} alt="" number={e.number} loading="lazy" />
                </span>
                <span className="stack" style={{ gap: 4 }}>
                  <span>{t("viewer.entryBy", { number: e.number, designer: e.designerName })}</span>
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${p.total ? (e.votes / p.total) * 100 : 0}%` }} />
                  </span>
                </span>
                <strong className="num">{e.votes}</strong>
              </li>
            ))}
          </ol>
          {p.comments.length ? (
            <details>
              <summary>
                {t("polls.list.comments")} ({p.comments.length})
              </summary>
              <ul>
                {p.comments.map((c, i) => (
                  <li key={i}>
                    <span className="muted num">#{c.number}</span> {c.comment}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {!p.closed ? (
            <div className="row" style={{ alignItems: "flex-end" }}>
              <div style={{ flex: 1, minWidth: 240 }}>
                <ShareLink link={p.link} label={t("polls.list.link")} />
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="pollId" value={p.id} />
                <button type="submit" className="btn btn--secondary">
                  {t("polls.list.close")}
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
