import { formatBytes } from "~/i18n/sizes";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  AgreementPanel,
  Checklist,
  FinalFiles,
  HandoverSteps,
  Section,
  Thread,
  type StepState,
} from "~/components/handover";
import { Money } from "~/components/contest/badges";
import { FormError, Notice } from "~/components/field";
import { Countdown, LocalTime } from "~/components/time";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { formatPrize } from "~/modules/money/money";
import { signAgreement } from "~/modules/handover/agreement.server";
import { receiveFinalFile } from "~/modules/handover/files.server";
import { formatList } from "~/modules/handover/formats";
import { messageSchema, signSchema } from "~/modules/handover/forms";
import { handoverPaths } from "~/modules/handover/paths";
import { boundaryOf } from "~/modules/handover/stream-multipart.server";
import { postMessage } from "~/modules/handover/thread.server";
import { getHandoverView } from "~/modules/handover/view.server";
import { answerSchema, reviewSchema } from "~/modules/people/reviews";
import { answerReview, reviewPanel, writeReview } from "~/modules/people/reviews.server";
import { formErrorsOf, ReviewPanel } from "~/components/review";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { entryPaths } from "~/modules/entries/paths";
import { badRequest, notFound, refusalMessage, refusalStatus } from "~/utils/refusals.server";
import "~/styles/prize-panel.css";
import "./contests.$contestId.handover.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: data ? t("handover.pageTitle", { contest: data.view.contest.title }) : t("handover.title") },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const view = await getHandoverView(params.contestId ?? "", user.id, context.locale);
  if (!view) notFound(context.locale);
  const review = view.contest.status === "completed" ? await reviewPanel(view.contest.id, user.id) : null;
  return {
    view,
    review,
    viewerId: user.id,
    serverNow: now(),
    formats: formatList(view.accepted, context.locale),
  };
}

type ActionData =
  | { intent: "upload"; error: string; replace: string | null }
  | { intent: "message" | "sign" | "review" | "answer"; result: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const page = handoverPaths.page(contestId);

  // A final file (the no-JavaScript path of the upload form): streamed, never read into memory here.
  if (boundaryOf(request.headers.get("Content-Type"))) {
    const replace = new URL(request.url).searchParams.get("replace");
    const outcome = await receiveFinalFile(request, { contestId, userId: user.id, replaceFileId: replace });
    if (outcome.ok) return redirect(handoverPaths.uploaded(contestId, outcome));
    if (refusalStatus(outcome) === 404) notFound(context.locale);
    return data(
      { intent: "upload", error: refusalMessage(outcome, context.locale), replace } satisfies ActionData,
      {
        status: refusalStatus(outcome),
      },
    );
  }

  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "message") {
    const submission = parseWithZod(formData, { schema: messageSchema(t) });
    if (submission.status !== "success") {
      return data({ intent: "message", result: submission.reply() } satisfies ActionData, { status: 400 });
    }
    const posted = await postMessage({ contestId, userId: user.id, body: submission.value.body });
    if (!posted.ok) notFound(context.locale);
    return redirect(`${page}?sent=1#messages`);
  }
  if (intent === "sign") {
    const submission = parseWithZod(formData, { schema: signSchema(t) });
    if (submission.status !== "success") {
      return data({ intent: "sign", result: submission.reply() } satisfies ActionData, { status: 400 });
    }
    const signed = await signAgreement({
      language: submission.value.language,
      contestId,
      userId: user.id,
      legalName: submission.value.legalName,
      ip: context.ip,
      userAgent: request.headers.get("User-Agent") ?? "",
    });
    if (!signed.ok && signed.reason === "not_found") notFound(context.locale);
    if (!signed.ok) {
      return data(
        {
          intent: "sign",
          result: submission.reply({ formErrors: [refusalMessage(signed, context.locale)] }),
        } satisfies ActionData,
        { status: refusalStatus(signed) },
      );
    }
    return redirect(`${page}?signed=1#agreement`);
  }
  if (intent === "review" || intent === "answer") {
    const submission =
      intent === "review"
        ? parseWithZod(formData, { schema: reviewSchema(t) })
        : parseWithZod(formData, { schema: answerSchema(t) });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply() } satisfies ActionData, { status: 400 });
    }
    const value = submission.value;
    const done =
      value.intent === "review"
        ? await writeReview({ contestId, userId: user.id, review: value })
        : await answerReview({ contestId, userId: user.id, answer: value.answer });
    if (!done.ok && refusalStatus(done) === 404) notFound(context.locale);
    if (!done.ok) {
      return data(
        {
          intent,
          result: submission.reply({ formErrors: [refusalMessage(done, context.locale)] }),
        } satisfies ActionData,
        { status: refusalStatus(done) },
      );
    }
    return redirect(`${page}?${intent === "review" ? "reviewed" : "answered"}=1#review`);
  }
  badRequest(context.locale);
}

export default function HandoverPage() {
  const t = useT();
  const locale = useLocale();
  const { view, review, viewerId, serverNow, formats } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const { contest, role } = view;
  const isClient = role === "client";
  const completed = contest.status === "completed";
  const designer = view.winnerName;
  const myParty = isClient ? "client" : "designer";
  const hasFiles = view.files.length > 0;
  const clientSigned = !!view.agreement.signatures.client;
  const designerSigned = !!view.agreement.signatures.designer;
  const prize = formatPrize(contest.prize, contest.currency, locale);

  const steps: { label: string; state: StepState; note: string }[] = [
    {
      label: t("handover.step.files"),
      state: hasFiles ? "done" : "current",
      note: hasFiles ? `${view.files.length} · ${t("handover.step.done")}` : t("handover.step.waiting"),
    },
    {
      label: t("handover.step.agreement"),
      state: view.agreement.complete ? "done" : "current",
      note: view.agreement.complete
        ? t("handover.step.done")
        : `${Number(clientSigned) + Number(designerSigned)} / 2`,
    },
    {
      label: t("handover.step.approval"),
      state: completed ? "done" : hasFiles && view.agreement.complete ? "current" : "waiting",
      note: completed ? t("handover.step.done") : t("handover.step.waiting"),
    },
  ];

  const uploadError = actionData?.intent === "upload" && !actionData.replace ? actionData.error : null;
  const replaceError =
    actionData?.intent === "upload" && actionData.replace
      ? { fileId: actionData.replace, message: actionData.error }
      : null;

  return (
    <div className="container page handover">
      <p className="handover__back">
        <Link to={contestPaths.page(contest.id)}>← {t("handover.back")}</Link>
      </p>
      <header className="handover__head">
        <div className="handover__intro">
          <p className="eyebrow">{t("handover.title")}</p>
          <h1>{contest.title}</h1>
          <p className="lead">
            {completed && contest.endedAt ? (
              <>
                {t("handover.lead.completed")} <LocalTime at={contest.endedAt} dateOnly />.
              </>
            ) : isClient ? (
              t("handover.lead.client", { designer, number: view.entry.number })
            ) : (
              t("handover.lead.winner", {
                contest: contest.title,
                number: view.entry.number,
                client: view.clientName,
              })
            )}
          </p>
        </div>
        <figure className="handover__entry">
          {view.entry.previewUrl ? (
            <img
              src={view.entry.previewUrl}
              alt={t("entries.alt", { title: view.entry.title || t("entries.untitled"), designer })}
            />
          ) : (
            <div className="handover__entry-empty" aria-hidden="true" />
          )}
          <figcaption>
            <span className="muted small">{t("handover.winningEntry")}</span>
            <Link to={entryPaths.page(view.entry.id)}>
              <span className="num">#{view.entry.number}</span> {view.entry.title || t("entries.untitled")}
            </Link>
            <span className="muted small">{t("entries.by", { name: designer })}</span>
          </figcaption>
        </figure>
      </header>

      <HandoverSteps steps={steps} />

      <div className="handover__notices">
        {contest.held ? (
          <p className="notice" role="status" data-testid="prize-held">
            {t("support.held.notice")}
          </p>
        ) : null}
        {params.get("uploaded") ? <Notice tone="success">{t("handover.uploaded")}</Notice> : null}
        {params.get("replaced") ? <Notice tone="success">{t("handover.replaced")}</Notice> : null}
        {params.get("signed") ? <Notice tone="success">{t("handover.signedNotice")}</Notice> : null}
        {params.get("sent") ? <Notice tone="success">{t("handover.messageSent")}</Notice> : null}
        {!review && (actionData?.intent === "review" || actionData?.intent === "answer") ? (
          <FormError errors={formErrorsOf(actionData.result)} />
        ) : null}
        {params.get("reviewed") ? (
          <Notice tone="success">{t("people.review.published", { designer })}</Notice>
        ) : null}
        {params.get("answered") ? <Notice tone="success">{t("people.review.answered")}</Notice> : null}
        {params.get("approved") && !contest.held ? (
          <Notice tone="success">{t("handover.approvedNotice", { designer })}</Notice>
        ) : null}
      </div>

      <div className="handover__layout">
        <div className="handover__main">
          {review ? (
            <Section
              id="review"
              title={
                isClient ? t("people.review.title.client", { designer }) : t("people.review.title.winner")
              }
            >
              <ReviewPanel
                panel={review}
                designerName={designer}
                clientName={view.clientName}
                lastResult={
                  actionData?.intent === "review" || actionData?.intent === "answer"
                    ? { intent: actionData.intent, result: actionData.result }
                    : undefined
                }
              />
            </Section>
          ) : null}
          <Section
            id="files"
            title={t("handover.files.title")}
            lead={
              isClient
                ? completed
                  ? null
                  : t("handover.files.lead.client", { designer })
                : completed
                  ? null
                  : t("handover.files.lead.winner", { formats, limit: view.limit })
            }
          >
            <FinalFiles
              contestId={contest.id}
              files={view.files}
              canUpload={!isClient && !completed}
              accept={view.accept}
              maxBytes={view.maxBytes}
              limit={view.limit}
              uploadError={uploadError}
              replaceError={replaceError}
              empty={
                isClient ? t("handover.files.empty.client", { designer }) : t("handover.files.empty.winner")
              }
            />
            {view.originals.length ? (
              <div className="originals">
                <h3 className="originals__title">{t("downloads.original")}</h3>
                <ul className="originals__list" data-testid="originals">
                  {view.originals.map((o) => (
                    <li key={o.revisionId}>
                      <span>
                        {t("downloads.originalVersion", {
                          number: view.entry.number,
                          version: o.version,
                          format: o.format.toUpperCase(),
                        })}{" "}
                        · <span className="num">{formatBytes(o.bytes, locale)}</span>
                      </span>
                      <a
                        className="btn btn--secondary btn--small"
                        href={handoverPaths.original(contest.id, o.revisionId)}
                        download
                      >
                        {t("handover.files.download")}
                      </a>
                    </li>
                  ))}
                </ul>
                <p className="muted small">{t("downloads.lead", { minutes: view.linkMinutes })}</p>
              </div>
            ) : null}
            {view.files.length > 0 ? (
              <p className="row">
                <a className="btn btn--primary" href={handoverPaths.zip(contest.id)} download>
                  {t("downloads.zip")}
                </a>
                <span className="muted small">
                  {t("downloads.zip.hint", {
                    originals: view.originals.length ? t("downloads.zip.originals") : "",
                  })}
                </span>
              </p>
            ) : null}
          </Section>

          <Section id="agreement" title={t("agreement.title")} lead={t("agreement.lead")}>
            <AgreementPanel
              contestId={contest.id}
              versions={view.agreement.versions}
              locale={view.agreement.locale}
              sha256={view.agreement.sha256}
              signatures={view.agreement.signatures}
              complete={view.agreement.complete}
              myParty={myParty}
              partyNames={{ client: view.clientName, designer }}
              lastResult={actionData?.intent === "sign" ? actionData.result : undefined}
            />
          </Section>

          <Section id="messages" title={t("handover.thread.title")} lead={t("handover.thread.lead")}>
            <Thread
              messages={view.messages}
              viewerId={viewerId}
              canPost
              lastResult={actionData?.intent === "message" ? actionData.result : undefined}
            />
          </Section>
        </div>

        <aside className="handover__aside">
          <div className="card approval" data-testid="approval">
            <p className="prize-panel__label">{t("contest.prize")}</p>
            <p className="prize-panel__amount">
              <Money amount={contest.prize} currency={contest.currency} />
            </p>
            {contest.payout.finalists > 0 ? (
              <p className="muted small" data-testid="finalist-share">
                {t("handover.share", {
                  winner: formatPrize(contest.payout.winner, contest.currency, locale),
                  shared: formatPrize(contest.payout.shared, contest.currency, locale),
                  n: contest.payout.finalists,
                  designer,
                })}
              </p>
            ) : null}
            {completed ? (
              <p className="notice notice--success">
                {t("handover.lead.completed")}{" "}
                {contest.endedAt ? <LocalTime at={contest.endedAt} dateOnly /> : null}.
              </p>
            ) : (
              <>
                <Checklist
                  items={[
                    { label: t("approval.check.files"), done: hasFiles },
                    {
                      label: isClient
                        ? t("approval.check.youSigned")
                        : t("approval.check.otherSigned", { name: view.clientName }),
                      done: clientSigned,
                    },
                    {
                      label: isClient
                        ? t("approval.check.otherSigned", { name: designer })
                        : t("approval.check.youSigned"),
                      done: designerSigned,
                    },
                  ]}
                />
                {contest.autoApproveAt ? (
                  <div className="approval__clock">
                    <p className="prize-panel__label">{t("handover.autoApprove")}</p>
                    <Countdown endsAt={contest.autoApproveAt} serverNow={serverNow} />
                    <p className="muted small">
                      {isClient ? t("handover.autoApprove.client") : t("handover.autoApprove.winner")}{" "}
                      <LocalTime at={contest.autoApproveAt} />.
                    </p>
                    {designerSigned ? null : (
                      <p className="muted small">
                        {isClient
                          ? t("handover.autoApprove.needsSignature", { designer })
                          : t("handover.autoApprove.needsYourSignature")}
                      </p>
                    )}
                  </div>
                ) : (
                  <p className="muted small">
                    {isClient
                      ? t("handover.notStarted.client", { designer })
                      : t("handover.notStarted.winner")}
                  </p>
                )}
                {isClient ? (
                  view.missing.length === 0 ? (
                    <>
                      <p className="small">{t("approval.lead.ready", { prize, designer })}</p>
                      <Link to={handoverPaths.approve(contest.id)} className="btn btn--primary btn--block">
                        {t("approval.review")}
                      </Link>
                    </>
                  ) : (
                    <p className="muted small">{t("approval.lead.missing")}</p>
                  )
                ) : (
                  <p className="muted small">{t("approval.waiting.winner", { client: view.clientName })}</p>
                )}
              </>
            )}
            {completed && !isClient ? (
              <Link to="/earnings" className="btn btn--secondary btn--block">
                {t("nav.earnings")}
              </Link>
            ) : null}
            {completed && isClient ? (
              <Link to="/receipts" className="btn btn--secondary btn--block">
                {t("money.tab.receipts")}
              </Link>
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}
