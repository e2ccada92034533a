import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, Notice } from "~/components/field";
import { TextAreaField } from "~/components/form-controls";
import { LocalTime, RelativeTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { INVITATION_TTL_DAYS, inviteSchema, MAX_INVITES_AT_ONCE } from "~/modules/contests/brief";
import { ownContest } from "~/modules/contests/drafts.server";
import { inviteDesigners, listInvitations, revokeInvitation } from "~/modules/contests/invitations.server";
import { isUndecided } from "~/modules/contests/machine";
import { contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import "./contests.$contestId.invitations.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("invite.title")} · ${t("app.name")}` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const own = await ownContest(params.contestId ?? "", user.id);
  if (!own.ok) return refuse(own, context.locale);
  const c = own.contest;
  return {
    contest: { id: c.id, title: c.title, isPrivate: c.isPrivate },
    open: isUndecided(c.status),
    invitations: (await listInvitations({ contestId: c.id, clientId: user.id })) ?? [],
    serverNow: now(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const result = await revokeInvitation({
      contestId,
      clientId: user.id,
      invitationId: String(formData.get("invitationId") ?? ""),
    });
    if (!result.ok) return refuse(result, context.locale);
    return redirect(contestPaths.invitations(contestId));
  }
  const submission = parseWithZod(formData, { schema: inviteSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: [] }, { status: 400 });
  const result = await inviteDesigners({
    contestId,
    clientId: user.id,
    emails: submission.value.emails,
    locale: context.locale,
  });
  if (!result.ok) {
    if (result.reason === "not_found" || result.reason === "not_owner") return refuse(result, context.locale);
    return data(
      { result: submission.reply({ formErrors: [refusalMessage(result, context.locale)] }), sent: [] },
      { status: refusalStatus(result) },
    );
  }
  return { result: submission.reply({ resetForm: true }), sent: result.sent };
}

type ActionData = { result: SubmissionResult<string[]>; sent: { email: string; link: string }[] };

export default function Invitations() {
  const t = useT();
  const { contest, open, invitations, serverNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [form, fields] = useForm<{ emails?: string }, unknown>({
    id: "invite",
    lastResult: actionData?.result,
    constraint: getZodConstraint(inviteSchema(t)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="container page page--medium stack-lg">
      <header>
        <p className="eyebrow">
          <Link to={contestPaths.page(contest.id)}>← {contest.title}</Link>
        </p>
        <h1>{t("invite.title")}</h1>
        <p className="lead">{t("invite.lead", { days: INVITATION_TTL_DAYS })}</p>
      </header>

      {!contest.isPrivate ? (
        <Notice>{t("invite.notPrivate")}</Notice>
      ) : !open ? (
        <Notice>{t("invite.wrongState")}</Notice>
      ) : (
        <section className="card">
          {actionData?.sent.length ? (
            <div className="notice notice--success" role="status">
              <p>{t("invite.sent")}</p>
              <ul className="invite-links">
                {actionData.sent.map((s) => (
                  <li key={s.email}>
                    <strong>{s.email}</strong>
                    <input
                      className="input input--mono"
                      readOnly
                      value={s.link}
                      aria-label={`${t("common.label", { label: t("invite.emails") })} ${s.email}`}
                      onFocus={(e) => e.currentTarget.select()}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormError errors={form.errors} id={form.errorId} />
            <TextAreaField
              meta={fields.emails}
              label={t("invite.emails")}
              hint={t("invite.emails.hint", { max: MAX_INVITES_AT_ONCE })}
              rows={3}
            />
            <div>
              <button type="submit" className="btn btn--primary">
                {t("invite.submit")}
              </button>
            </div>
          </Form>
        </section>
      )}

      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t("invite.list")}</h2>
        {invitations.length === 0 ? (
          <p className="empty">{t("invite.list.empty")}</p>
        ) : (
          <ul className="invite-list">
            {invitations.map((inv) => (
              <li key={inv.id} className="invite-list__item" data-testid="invitation">
                <div>
                  <p className="invite-list__email">{inv.email}</p>
                  <p className="muted small">
                    {inv.status === "pending" ? (
                      <>
                        {t("invite.expires")} <RelativeTime at={inv.expiresAt} serverNow={serverNow} />
                      </>
                    ) : inv.acceptedByName ? (
                      t("invite.acceptedBy", { name: inv.acceptedByName })
                    ) : (
                      <LocalTime at={inv.createdAt} dateOnly />
                    )}
                  </p>
                </div>
                <span className={`badge badge--${inv.status}`}>{t(`invite.status.${inv.status}`)}</span>
                {inv.status === "pending" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={inv.id} />
                    <button
                      type="submit"
                      className="btn btn--small btn--secondary"
                      aria-label={t("invite.revokeLabel", { email: inv.email })}
                    >
                      {t("invite.revoke")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
