import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EntryStatusBadge } from "~/components/entry-bits";
import { Notice } from "~/components/field";
import { AuditList, ConsolePage, DecisionForm, type ActionAnswer } from "~/components/support/console";
import { LocalTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { reinstateAccount, resendMail, suspendAccount, userPage } from "~/modules/support/console.server";
import { userActionSchema } from "~/modules/support/forms";
import { requireSupport } from "~/utils/auth.server";
import { notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  return [
    { title: `${data?.user.name ?? ""} · ${t("support.users.title")}` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  requireSupport(context);
  const page = await userPage(params.userId ?? "");
  if (!page) notFound(context.locale);
  return page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user: agent } = requireSupport(context);
  const t = translator(context.locale);
  const userId = params.userId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: userActionSchema });
  if (submission.status !== "success")
    return data<ActionAnswer>({ intent: null, target: null, error: t("errors.badRequest") }, { status: 400 });
  const input = submission.value;
  const result =
    input.intent === "suspend"
      ? await suspendAccount({ userId, actorId: agent.id, reason: input.reason })
      : input.intent === "reinstate"
        ? await reinstateAccount({ userId, actorId: agent.id, reason: input.reason })
        : await resendMail({ userId, mailId: input.mailId, actorId: agent.id, reason: input.reason });
  if (result.ok) return redirect(`/support/users/${userId}?done=${input.intent}`);
  if (result.reason === "not_found") refuse(result, context.locale);
  return data<ActionAnswer>(
    {
      intent: input.intent,
      target: input.intent === "resend" ? input.mailId : null,
      error: refusalMessage(result, context.locale),
    },
    { status: refusalStatus(result) },
  );
}

export default function SupportUser() {
  const t = useT();
  const { user, entries, contests, audit, mails } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <ConsolePage title={user.name}>
      {done === "suspend" || done === "reinstate" || done === "resend" ? (
        <Notice tone="success">{t(`support.user.done.${done}`)}</Notice>
      ) : null}
      {answer && !answer.intent ? <p className="notice notice--error">{answer.error}</p> : null}
      <dl className="console-facts" data-testid="account">
        <dt>{t("support.user.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("support.user.handle")}</dt>
        <dd>{user.handle ? <Link to={`/designers/${user.handle}`}>@{user.handle}</Link> : "—"}</dd>
        <dt>{t("support.user.role")}</dt>
        <dd>
          {t(user.role === "client" ? "support.user.role.client" : "support.user.role.designer")}
          {user.support ? ` · ${t("support.user.role.support")}` : ""}
        </dd>
        <dt>{t("support.user.since")}</dt>
        <dd>
          <LocalTime at={user.createdAt} />
        </dd>
        <dt>{t("support.user.state")}</dt>
        <dd data-testid="suspension">
          {user.suspendedAt ? (
            <>
              {t("support.user.suspended")} · <LocalTime at={user.suspendedAt} />
            </>
          ) : (
            t("support.user.active")
          )}
        </dd>
      </dl>

      <section className="console-section" aria-labelledby="decide-title">
        <h2 id="decide-title" className="section-title">
          {t("support.user.decide")}
        </h2>
        {user.suspended ? (
          <DecisionForm intent="reinstate" label={t("support.user.reinstate")} answer={answer} />
        ) : (
          <DecisionForm intent="suspend" label={t("support.user.suspend")} danger answer={answer}>
            <p className="muted small">{t("support.user.suspendHint")}</p>
          </DecisionForm>
        )}
      </section>

      <section className="console-section" aria-labelledby="mail-title">
        <h2 id="mail-title" className="section-title">
          {t("support.user.mails")}
        </h2>
        {mails.length ? (
          <ul className="console-list" data-testid="mails">
            {mails.map((m) => (
              <li key={m.id} className="console-list__item">
                <span>
                  {m.subject}{" "}
                  <span className="muted small">
                    <LocalTime at={m.at} /> ·{" "}
                    {m.sentAt
                      ? t("support.mail.delivered")
                      : t("support.mail.notDelivered", { attempts: m.attempts })}
                  </span>
                </span>
                <DecisionForm
                  intent="resend"
                  target={m.id}
                  fields={{ mailId: m.id }}
                  label={t("support.mail.resend")}
                  answer={answer}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.user.mailsEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="entries-title">
        <h2 id="entries-title" className="section-title">
          {t("support.user.entries")}
        </h2>
        {entries.length ? (
          <ul className="console-list">
            {entries.map((e) => (
              <li key={e.id} className="console-list__item">
                <span>
                  <Link to={`/support/contests/${e.contestId}`}>
                    {t("support.flag.entry", { number: e.number, contest: e.contestTitle })}
                  </Link>
                </span>
                <span className="small">
                  <EntryStatusBadge status={e.status} /> · {t(`status.${e.contestStatus}`)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.user.entriesEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="contests-title">
        <h2 id="contests-title" className="section-title">
          {t("support.user.contests")}
        </h2>
        {contests.length ? (
          <ul className="console-list">
            {contests.map((c) => (
              <li key={c.id} className="console-list__item">
                <Link to={`/support/contests/${c.id}`}>{c.title}</Link>
                <span className="badge">{t(`status.${c.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.user.contestsEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="history-title">
        <h2 id="history-title" className="section-title">
          {t("support.user.history")}
        </h2>
        <AuditList items={audit} />
      </section>
    </ConsolePage>
  );
}
