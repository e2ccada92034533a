import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { ContestPage } from "~/components/contest-page";
import { FieldError, FormError, Notice } from "~/components/field";
import { LocalTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { confirmSchema, extendSchema, STEP_COUNT } from "~/modules/contests/brief";
import { toMachine } from "~/modules/contests/contests.server";
import { acceptNda } from "~/modules/contests/invitations.server";
import { MAX_EXTENSIONS, MAX_EXTENSION_DAYS, canSubmitEntry, isRatingOpen } from "~/modules/contests/machine";
import { extendRound } from "~/modules/contests/manage.server";
import { clientActions, contestPaths, type ClientActionKind } from "~/modules/contests/next-steps";
import {
  briefChangesOf,
  getContestForViewer,
  listContestEvents,
  markEntriesSeen,
} from "~/modules/contests/queries.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { badRequest, notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import "./contests.$contestId._index.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: data ? `${data.view.contest.title} · ${t("app.name")}` : t("app.name") },
    ...(data?.view.contest.isPrivate ? [{ name: "robots", content: "noindex" }] : []),
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const viewer = context.user ? { id: context.user.id } : null;
  const contestId = params.contestId ?? "";
  const view = await getContestForViewer({ contestId, viewer });
  if (!view) notFound(context.locale);
  const events = (await listContestEvents({ contestId, viewer })) ?? [];
  const at = now();
  const { contest, access } = view;
  if (access.role === "client") await markEntriesSeen(contest.id, viewer!.id);
  return {
    view,
    events,
    changes: briefChangesOf(events),
    serverNow: at,
    actions: access.role === "client" ? clientActions(contest) : [],
    extensionsLeft: MAX_EXTENSIONS - contest.extensionsUsed,
    canSubmit:
      !!viewer &&
      access.canSeeBrief &&
      access.role === "designer" &&
      !access.rule.eliminated &&
      canSubmitEntry(toMachine(contest), viewer.id, at),
    ndaText: access.ndaPending ? contest.ndaText : null,
    // The winner's way to the handover (the client's is among its actions).
    isWinner:
      !!viewer &&
      viewer.id === contest.winnerId &&
      contest.winningEntryId !== null &&
      ["handover", "completed"].includes(contest.status),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "accept-nda") {
    const submission = parseWithZod(formData, { schema: confirmSchema(t) });
    if (submission.status !== "success") {
      return data({ intent: "accept-nda" as const, result: submission.reply() }, { status: 400 });
    }
    if (!(await acceptNda({ contestId, userId: user.id }))) notFound(context.locale);
    return redirect(`${contestPaths.page(contestId)}?nda=1`);
  }

  if (intent === "extend") {
    const submission = parseWithZod(formData, { schema: extendSchema(t) });
    if (submission.status !== "success") {
      return data({ intent: "extend" as const, result: submission.reply() }, { status: 400 });
    }
    const result = await extendRound({ contestId, clientId: user.id, days: submission.value.days });
    if (result.ok) return redirect(`${contestPaths.page(contestId)}?extended=1`);
    if (result.reason === "not_found") refuse(result, context.locale);
    return data(
      {
        intent: "extend" as const,
        result: submission.reply({ formErrors: [refusalMessage(result, context.locale)] }),
      },
      { status: refusalStatus(result) },
    );
  }
  badRequest(context.locale);
}

type ActionData = { intent: "extend" | "accept-nda"; result: SubmissionResult<string[]> };

export default function ContestRoute() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const { view, events, changes, serverNow } = loaderData;
  const { contest, access } = view;
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  // A refusal (not a typing mistake) is said at the top: the form that asked may no longer be shown.
  const refusal = actionData?.result.error?.[""]?.join(" ");

  const notices = (
    <>
      {refusal ? <FormError errors={[refusal]} /> : null}
      {params.get("launched") ? <Notice tone="success">{t("launch.done")}</Notice> : null}
      {params.get("extended") && contest.roundEndsAt ? (
        <Notice tone="success">
          {t("contest.extend.done")} <LocalTime at={contest.roundEndsAt} />.
        </Notice>
      ) : null}
      {params.get("refunded") ? <Notice tone="success">{t("contest.refund.done")}</Notice> : null}
      {params.get("nda") && access.canSeeBrief ? <Notice tone="success">{t("nda.accepted")}</Notice> : null}
      {access.role === "client" && contest.status === "draft" ? (
        <Notice>{t("contest.draftNotice")}</Notice>
      ) : null}
      {access.role === "client" && contest.status === "cancelled" ? (
        <Notice>{t("contest.cancelledNotice")}</Notice>
      ) : null}
    </>
  );

  return (
    <ContestPage
      contest={contest}
      role={access.role}
      canSeeBrief={access.canSeeBrief}
      clientName={view.clientName}
      entryCount={view.entryCount}
      references={view.references}
      events={events}
      changes={changes}
      serverNow={serverNow}
      gallery={view.gallery}
      notices={notices}
      actions={<Actions />}
      gate={
        loaderData.ndaText ? <NdaGate text={loaderData.ndaText} clientName={view.clientName} /> : undefined
      }
      galleryAction={
        loaderData.canSubmit ? (
          <Link to={contestPaths.submit(contest.id)} className="btn btn--secondary">
            {t("contest.action.submit")}
          </Link>
        ) : null
      }
    />
  );
}

function Actions() {
  const t = useT();
  const { view, actions, canSubmit, isWinner } = useLoaderData<typeof loader>();
  const location = useLocation();
  const { contest, access } = view;
  if (isWinner) {
    return (
      <Link to={contestPaths.handover(contest.id)} className="btn btn--primary btn--block">
        {contest.status === "handover"
          ? t("contest.action.handover.winner")
          : t("contest.action.handover.done")}
      </Link>
    );
  }
  if (access.role === "client") {
    return (
      <div className="actions">
        {actions.map((kind, i) => (
          <ClientAction key={kind} kind={kind} primary={i === 0} />
        ))}
      </div>
    );
  }
  if (access.ndaPending) return null;
  if (access.role === "judge" && isRatingOpen(contest)) {
    return (
      <Link to={contestPaths.judge(contest.id)} className="btn btn--primary btn--block">
        {t("contest.action.rate_entries")}
      </Link>
    );
  }
  if (canSubmit) {
    return (
      <Link to={contestPaths.submit(contest.id)} className="btn btn--primary btn--block">
        {t("contest.action.submit")}
      </Link>
    );
  }
  if (access.role === "visitor" && contest.status === "qualifying") {
    const back = encodeURIComponent(location.pathname);
    return (
      <div className="actions">
        <Link to={`/signup?as=designer&redirectTo=${back}`} className="btn btn--primary btn--block">
          {t("contest.action.signup")}
        </Link>
        <Link to={`/login?redirectTo=${back}`} className="btn btn--secondary btn--block">
          {t("contest.action.login")}
        </Link>
      </div>
    );
  }
  if (contest.status === "final_round")
    return <p className="muted small">{t("contest.action.finalistsOnly")}</p>;
  if (contest.status !== "draft") return <p className="muted small">{t("contest.action.closed")}</p>;
  return null;
}

function ClientAction({ kind, primary }: { kind: ClientActionKind; primary: boolean }) {
  const t = useT();
  const { view } = useLoaderData<typeof loader>();
  const c = view.contest;
  const cls = primary ? "btn btn--primary btn--block" : "btn btn--secondary btn--block";
  const label = t(`contest.action.${kind}`);
  switch (kind) {
    case "finish_brief":
      return (
        <Link to={contestPaths.edit(c.id, c.draftStep)} className={cls}>
          {label}
          <span className="btn__sub num">
            {t("contest.action.yourStep", { n: c.draftStep, total: STEP_COUNT })}
          </span>
        </Link>
      );
    case "preview":
      return (
        <Link to={contestPaths.preview(c.id)} className={cls}>
          {label}
        </Link>
      );
    case "cancel_draft":
      return (
        <Link to={contestPaths.cancel(c.id)} className="btn btn--ghost-danger btn--block">
          {label}
        </Link>
      );
    case "rate_entries":
      return (
        <Link to={contestPaths.judge(c.id)} className={cls}>
          {label}
        </Link>
      );
    case "pick_finalists":
    case "pick_winner":
      return (
        <Link to={contestPaths.shortlist(c.id)} className={cls}>
          {label}
        </Link>
      );
    case "edit_brief":
      return (
        <Link to={contestPaths.edit(c.id)} className={cls}>
          {label}
        </Link>
      );
    case "invite":
      return (
        <Link to={contestPaths.invitations(c.id)} className={cls}>
          {label}
        </Link>
      );
    case "refund":
      return (
        <Link to={contestPaths.refund(c.id)} className="btn btn--ghost-danger btn--block">
          {label}
        </Link>
      );
    case "extend":
      return <ExtendForm />;
    case "handover":
      return (
        <Link to={contestPaths.handover(c.id)} className={cls}>
          {c.status === "completed" ? t("contest.action.handover.done") : label}
        </Link>
      );
  }
}

/** Extend the round: a disclosure with a small form (works without JavaScript). */
function ExtendForm() {
  const t = useT();
  const { extensionsLeft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const lastResult = actionData?.intent === "extend" ? actionData.result : undefined;
  const [form, fields] = useForm<{ days?: string; intent?: string }, unknown>({
    id: "extend",
    lastResult,
    defaultValue: { days: "2" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extendSchema(t) }),
  });
  const failed = !!fields.days.errors?.length;
  return (
    <details className="disclosure" open={failed || undefined}>
      <summary className="btn btn--secondary btn--block">{t("contest.action.extend")}</summary>
      <Form method="post" className="disclosure__body form form--compact" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="extend" />
        <div className="field">
          <label className="field__label" htmlFor={fields.days.id}>
            {t("contest.extend.days")}
          </label>
          <select className="select" {...getSelectProps(fields.days)} key={fields.days.key}>
            {Array.from({ length: MAX_EXTENSION_DAYS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {t("contest.extend.option", { n })}
              </option>
            ))}
          </select>
          <FieldError meta={fields.days} />
        </div>
        <p className="muted small">{t("contest.extend.left", { n: extensionsLeft, max: MAX_EXTENSIONS })}</p>
        <button type="submit" className="btn btn--primary btn--block">
          {t("contest.extend.submit")}
        </button>
      </Form>
    </details>
  );
}

function NdaGate({ text, clientName }: { text: string; clientName: string }) {
  const t = useT();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const lastResult = actionData?.intent === "accept-nda" ? actionData.result : undefined;
  const [form, fields] = useForm<{ confirm?: string }, unknown>({
    id: "nda",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmSchema(t) }),
  });
  return (
    <section className="nda" aria-labelledby="nda-title">
      <h2 id="nda-title">{t("nda.title")}</h2>
      <p className="lead">{t("nda.lead", { client: clientName })}</p>
      <h3 className="field__label">{t("nda.agreement")}</h3>
      <div className="nda__text" tabIndex={0} role="document" aria-label={t("nda.agreement")}>
        {text}
      </div>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="accept-nda" />
        <label className="check check--confirm" htmlFor={fields.confirm.id}>
          <input
            type="checkbox"
            id={fields.confirm.id}
            name={fields.confirm.name}
            aria-describedby={fields.confirm.errorId}
          />
          <span>{t("nda.confirm")}</span>
        </label>
        <FieldError meta={fields.confirm} />
        <div>
          <button type="submit" className="btn btn--primary">
            {t("nda.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
