import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FieldError, Notice } from "~/components/field";
import { MoneyTabs } from "~/components/handover";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { earningsOf } from "~/modules/earnings/earnings.server";
import { paymentNoticeText } from "~/modules/escrow/notices";
import { formatMoney } from "~/modules/money/money";
import { payoutReviewSchema } from "~/modules/handover/forms";
import { requireUser } from "~/utils/auth.server";
import { isEmailVerified } from "~/modules/auth/verification.server";
import { VerifyEmailNotice } from "~/components/verify-email-notice";
import { contestPaths } from "~/modules/contests/next-steps";
import "./earnings.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("earnings.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const found = await earningsOf(user.id);
  const earnings = {
    ...found,
    payouts: found.payouts.map((p) => ({ ...p, message: paymentNoticeText(p.notice, context.locale) })),
  };
  const url = new URL(request.url);
  const payoutId = url.searchParams.get("payout");
  return {
    earnings,
    // A payout waits for a verified address: the form says why and offers the link again (ADR 0042).
    verified: await isEmailVerified(user.id),
    email: user.email,
    justSent: payoutId ? (earnings.payouts.find((p) => p.id === payoutId) ?? null) : null,
    review: {
      amount: url.searchParams.get("amount") ?? "",
      currency: url.searchParams.get("currency") ?? "",
      destination: url.searchParams.get("destination") ?? "",
      error: url.searchParams.get("error"),
      field: url.searchParams.get("field"),
    },
  };
}

const STATUS_TONE: Record<string, string> = {
  paid: "badge--success",
  pending: "badge--pending",
  failed: "badge--danger",
  needs_review: "badge--pending",
};

export default function EarningsPage() {
  const t = useT();
  const locale = useLocale();
  const { earnings, justSent } = useLoaderData<typeof loader>();
  const hasAny = earnings.balances.length > 0;
  return (
    <div className="container page money">
      <MoneyTabs current="earnings" />
      <h1>{t("earnings.title")}</h1>
      <p className="lead">{t("earnings.lead")}</p>
      {justSent ? (
        <Notice tone={justSent.status === "failed" ? "error" : "success"}>{justSent.message}</Notice>
      ) : null}
      {!hasAny ? (
        <div className="empty">
          <p>{t("earnings.empty")}</p>
          <Link to="/contests" className="btn btn--secondary">
            {t("earnings.empty.cta")}
          </Link>
        </div>
      ) : (
        <>
          <div className="balances">
            {earnings.balances.map((b) => (
              <dl className="balance card" key={b.currency} data-testid={`balance-${b.currency}`}>
                <div className="balance__main">
                  <dt>{t("earnings.available")}</dt>
                  <dd className="num" data-testid="available">
                    {formatMoney(b.available, b.currency, { locale })}
                  </dd>
                </div>
                <div>
                  <dt>{t("earnings.inFlight")}</dt>
                  <dd className="num">{formatMoney(b.inFlight, b.currency, { locale })}</dd>
                </div>
                <div>
                  <dt>{t("earnings.paidOut")}</dt>
                  <dd className="num">{formatMoney(b.paidOut, b.currency, { locale })}</dd>
                </div>
              </dl>
            ))}
          </div>
          <div className="money__layout">
            <section aria-labelledby="activity-title" className="money__main">
              <h2 id="activity-title" className="section-title">
                {t("earnings.movements")}
              </h2>
              <table className="ledger-table" data-testid="movements">
                <thead>
                  <tr>
                    <th scope="col">{t("earnings.col.date")}</th>
                    <th scope="col">{t("earnings.col.what")}</th>
                    <th scope="col" className="num-col">
                      {t("earnings.col.amount")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {earnings.movements.map((m, i) => (
                    <tr key={i}>
                      <td>
                        <LocalTime at={m.at} dateOnly />
                      </td>
                      <td>
                        {t(`earnings.movement.${m.kind}`)}
                        {m.contestId ? (
                          <>
                            {" · "}
                            <Link to={contestPaths.page(m.contestId)}>
                              {t("earnings.movement.contest", { contest: m.contestTitle ?? "" })}
                            </Link>
                          </>
                        ) : null}
                      </td>
                      <td className={`num num-col ${m.amount < 0 ? "is-out" : "is-in"}`}>
                        {`${m.amount > 0 ? "+" : "−"}${formatMoney(Math.abs(m.amount), m.currency, { locale })}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {earnings.payouts.length ? (
                <>
                  <h2 className="section-title">{t("earnings.payouts")}</h2>
                  <ul className="payouts" data-testid="payouts">
                    {earnings.payouts.map((p) => (
                      <li key={p.id} className="payout">
                        <div>
                          <p className="payout__amount num">
                            {formatMoney(p.amount, p.currency, { locale })}
                          </p>
                          <p className="muted small">
                            {t("earnings.payout.to", { destination: p.destination })} ·{" "}
                            <LocalTime at={p.createdAt} />
                          </p>
                          <p className="small payout__message">{p.message}</p>
                        </div>
                        <span className={`badge ${STATUS_TONE[p.status] ?? ""}`}>
                          {t(`earnings.payout.status.${p.status}`)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
            <aside className="money__aside">
              <PayoutForm />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}

/** Step one of a payout: amount and account, sent (GET) to the review page, which asks to confirm. */
function PayoutForm() {
  const t = useT();
  const locale = useLocale();
  const { earnings, review, verified, email } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // A designer paid in several currencies withdraws from one balance at a time, and chooses which.
  const withdrawable = earnings.balances.filter((b) => b.available > 0);
  const [form, fields] = useForm<{ amount?: string; destination?: string; currency?: string }, unknown>({
    id: "payout",
    defaultValue: {
      amount: review.amount,
      destination: review.destination,
      currency: review.currency || withdrawable[0]?.currency,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: payoutReviewSchema(t, locale) }),
    shouldValidate: "onSubmit",
  });
  const serverError = review.error
    ? {
        errorId: `${fields[review.field === "destination" ? "destination" : "amount"].id}-error`,
        errors: [review.error],
      }
    : null;
  const balance =
    withdrawable.find((b) => b.currency === fields.currency.value) ??
    withdrawable[0] ??
    earnings.balances[0]!;
  if (!verified) {
    return (
      <div className="card stack">
        <h2 className="section-title">{t("earnings.payout.title")}</h2>
        <VerifyEmailNotice email={email} returnTo="/earnings#payout" reason="payout" />
      </div>
    );
  }
  if (balance.available <= 0) {
    return (
      <div className="card stack">
        <h2 className="section-title">{t("earnings.payout.title")}</h2>
        <p className="muted">{t("earnings.payout.nothing")}</p>
      </div>
    );
  }
  return (
    <div className="card stack">
      <h2 className="section-title">{t("earnings.payout.title")}</h2>
      <p className="muted small">{t("earnings.payout.lead")}</p>
      <Form method="get" action="/earnings/payout" className="form form--compact" {...getFormProps(form)}>
        {withdrawable.length > 1 ? (
          <div className="field">
            <label className="field__label" htmlFor={fields.currency.id}>
              {t("earnings.payout.currency")}
            </label>
            <select className="select" {...getSelectProps(fields.currency)} key={fields.currency.key}>
              {withdrawable.map((b) => (
                <option key={b.currency} value={b.currency}>
                  {t("earnings.payout.currency.option", {
                    currency: b.currency,
                    available: formatMoney(b.available, b.currency, { locale }),
                  })}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="currency" value={balance.currency} />
        )}
        <div className="field">
          <label className="field__label" htmlFor={fields.amount.id}>
            {t("earnings.payout.amount")}
          </label>
          <span className="field__hint" id={`${fields.amount.id}-hint`}>
            {t("earnings.payout.amount.hint", {
              available: formatMoney(balance.available, balance.currency, { locale }),
            })}
          </span>
          <input
            className="input num"
            inputMode="decimal"
            {...getInputProps(fields.amount, { type: "text", ariaDescribedBy: `${fields.amount.id}-hint` })}
            key={fields.amount.key}
            aria-invalid={fields.amount.errors?.length || review.field === "amount" ? true : undefined}
            autoFocus={review.field === "amount" || undefined}
          />
          <FieldError meta={fields.amount} />
          {serverError && review.field !== "destination" && params.get("error") ? (
            <FieldError meta={serverError} />
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={fields.destination.id}>
            {t("earnings.payout.destination")}
          </label>
          <span className="field__hint" id={`${fields.destination.id}-hint`}>
            {t("earnings.payout.destination.hint")}
          </span>
          <input
            className="input"
            autoComplete="off"
            spellCheck={false}
            {...getInputProps(fields.destination, {
              type: "text",
              ariaDescribedBy: `${fields.destination.id}-hint`,
            })}
            key={fields.destination.key}
            aria-invalid={
              fields.destination.errors?.length || review.field === "destination" ? true : undefined
            }
            autoFocus={review.field === "destination" || undefined}
          />
          <FieldError meta={fields.destination} />
          {serverError && review.field === "destination" ? <FieldError meta={serverError} /> : null}
        </div>
        <button type="submit" className="btn btn--primary btn--block">
          {t("earnings.payout.review")}
        </button>
      </Form>
    </div>
  );
}
