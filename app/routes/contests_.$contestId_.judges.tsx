import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Notice } from "~/components/field";
import { ShareLink } from "~/components/judging";
import { RelativeTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { inviteJudgeSchema, judgesActionSchema } from "~/modules/judging/forms";
import { inviteJudge, listJudges, removeJudge, revokeInvitation } from "~/modules/judging/judges.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { caughtRefusal, refusalMessage, refusalStatus, refuseOrRethrow } from "~/utils/refusals.server";
import { contestPaths } from "~/modules/contests/next-steps";
import "./contests_.$contestId_.judges.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? t("judges.title", { contest: data.contest.title }) : t("app.name") }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const list = await listJudges({ contestId: params.contestId!, clientId: user.id }).catch((error: unknown) =>
    refuseOrRethrow(error, context.locale),
  );
  return { ...list, now: now() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId!;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: judgesActionSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), invited: null, message: null }, { status: 400 });
  }
  const input = submission.value;
  try {
    switch (input.intent) {
      case "invite": {
        const r = await inviteJudge({
          contestId,
          clientId: user.id,
          email: input.email,
          locale: context.locale,
        });
        if (!r.ok) {
          return data(
            {
              result: submission.reply({ fieldErrors: { email: [refusalMessage(r, context.locale)] } }),
              invited: null,
              message: null,
            },
            { status: refusalStatus(r) },
          );
        }
        return {
          result: submission.reply({ resetForm: true }),
          invited: { email: r.email, link: r.link },
          message: null,
        };
      }
      case "remove": {
        const r = await removeJudge({ contestId, clientId: user.id, judgeId: input.judgeId });
        return { result: null, invited: null, message: t("judges.list.removed", { name: r.name }) };
      }
      case "revoke":
        await revokeInvitation({ contestId, clientId: user.id, invitationId: input.invitationId });
        return { result: null, invited: null, message: t("judges.pending.revoked") };
    }
  } catch (error) {
    const refused = caughtRefusal(error);
    return data(
      { result: null, invited: null, message: refusalMessage(refused, context.locale) },
      { status: refusalStatus(refused) },
    );
  }
}

export default function Judges() {
  const t = useT();
  const { contest, judges, pending, now: serverNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(inviteJudgeSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteJudgeSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="container page page--medium judging-page">
      <div>
        <p className="judging-page__crumb">
          <Link to={contestPaths.page(contest.id)}>← {contest.title}</Link>
        </p>
        <h1>{t("judges.heading")}</h1>
        <p className="lead" style={{ margin: 0 }}>
          {t("judges.lead")}
        </p>
      </div>
      {actionData?.message ? <Notice tone="success">{actionData.message}</Notice> : null}

      <section className="card stack" aria-labelledby="invite-title">
        <h2 id="invite-title">{t("judges.invite.title")}</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="invite" />
          <Field
            meta={fields.email}
            label={t("judges.invite.email")}
            type="email"
            hint={t("judges.invite.hint")}
            autoComplete="off"
          />
          <div>
            <button type="submit" className="btn btn--primary">
              {t("judges.invite.submit")}
            </button>
          </div>
        </Form>
        {actionData?.invited ? (
          <div className="stack" data-testid="invited">
            <Notice tone="success">{t("judges.invite.done", { email: actionData.invited.email })}</Notice>
            <ShareLink link={actionData.invited.link} label={t("polls.list.link")} />
          </div>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="judges-title">
        <h2 id="judges-title">{t("judges.list.title")}</h2>
        {judges.length === 0 ? <p className="muted">{t("judges.list.empty")}</p> : null}
        <ul className="people">
          {judges.map((j) => (
            <li key={j.id} className="people__row" data-testid="judge">
              <span>
                <strong>{j.name}</strong> <span className="muted">{j.email}</span>
                <br />
                <span className="muted num">{t("judges.list.rated", { n: j.rated })}</span>
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="judgeId" value={j.id} />
                <button type="submit" className="btn btn--danger">
                  {t("judges.list.remove", { name: j.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      {pending.length ? (
        <section className="card stack" aria-labelledby="pending-title">
          <h2 id="pending-title">{t("judges.pending.title")}</h2>
          <ul className="people">
            {pending.map((p) => (
              <li key={p.id} className="people__row">
                <span>
                  {p.email}{" "}
                  <span className="muted">
                    · {t("judges.pending.expires")} <RelativeTime at={p.expiresAt} serverNow={serverNow} />
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={p.id} />
                  <button type="submit" className="btn btn--secondary">
                    {t("judges.pending.revoke", { email: p.email })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
