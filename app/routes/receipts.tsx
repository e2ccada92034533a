import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MoneyTabs } from "~/components/handover";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { receiptsOf } from "~/modules/earnings/earnings.server";
import { formatMoney } from "~/modules/money/money";
import { taxLineLabel, taxNumberText } from "~/modules/tax/words";
import { requireUser } from "~/utils/auth.server";
import { contestPaths } from "~/modules/contests/next-steps";
import "./receipts.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("receipts.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const receipts = await receiptsOf(user.id);
  const totals = new Map<string, { paid: number; feeKept: number; refunded: number }>();
  for (const r of receipts) {
    const sum = totals.get(r.currency) ?? { paid: 0, feeKept: 0, refunded: 0 };
    sum.paid += r.paid;
    sum.feeKept += r.feeKept;
    sum.refunded += r.refunded;
    totals.set(r.currency, sum);
  }
  return { receipts, totals: [...totals].map(([currency, sum]) => ({ currency, ...sum })) };
}

export default function ReceiptsPage() {
  const t = useT();
  const locale = useLocale();
  const { receipts, totals } = useLoaderData<typeof loader>();
  return (
    <div className="container page money">
      <MoneyTabs current="receipts" />
      <div className="row money__title">
        <h1>{t("receipts.title")}</h1>
      </div>
      <p className="lead">{t("receipts.lead")}</p>
      {receipts.length === 0 ? (
        <div className="empty">
          <p>{t("receipts.empty")}</p>
          <Link to="/contests/new" className="btn btn--secondary">
            {t("dashboard.new")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="receipts" data-testid="receipts">
            {receipts.map((r) => (
              <li key={r.contestId} className="receipt card">
                <div className="receipt__head">
                  <div>
                    <h2 className="receipt__title">
                      <Link to={contestPaths.page(r.contestId)}>{r.contestTitle}</Link>
                    </h2>
                    <p className="muted small">
                      {t("receipts.funded")} <LocalTime at={r.fundedAt} dateOnly />
                    </p>
                  </div>
                  <span className={`badge receipt__status is-${r.status}`}>
                    {t(`receipts.status.${r.status}`)}
                  </span>
                </div>
                <dl className="receipt__lines">
                  <div>
                    <dt>{t("receipts.prize")}</dt>
                    <dd className="num">{formatMoney(r.prize, r.currency, { locale })}</dd>
                  </div>
                  <div>
                    <dt>{t("receipts.fee")}</dt>
                    <dd className="num">{formatMoney(r.fee, r.currency, { locale })}</dd>
                  </div>
                  {r.taxLines.map((line) => (
                    <div key={line.tax} data-testid="receipt-tax">
                      <dt>
                        {taxLineLabel(line, t, locale)}
                        {taxNumberText(line, t) ? (
                          <span className="muted small receipt__number">
                            {`${t("tax.registrationNumber")} ${taxNumberText(line, t)}`}
                          </span>
                        ) : null}
                      </dt>
                      <dd className="num">{formatMoney(line.amount, r.currency, { locale })}</dd>
                    </div>
                  ))}
                  <div className="receipt__total">
                    <dt>{t("receipts.paid")}</dt>
                    <dd className="num">{formatMoney(r.paid, r.currency, { locale })}</dd>
                  </div>
                  {r.refunded > 0 ? (
                    <div className="receipt__refund">
                      <dt>{t("receipts.refunded")}</dt>
                      <dd className="num">{`−${formatMoney(r.refunded, r.currency, { locale })}`}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("receipts.net")}</dt>
                    <dd className="num">{formatMoney(r.paid - r.refunded, r.currency, { locale })}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          {totals.map((s) => (
            <dl key={s.currency} className="receipt__lines receipts__totals card">
              <div>
                <dt>
                  <strong>{t("receipts.total", { currency: s.currency })}</strong>
                </dt>
                <dd />
              </div>
              <div>
                <dt>{t("receipts.paid")}</dt>
                <dd className="num">{formatMoney(s.paid, s.currency, { locale })}</dd>
              </div>
              <div>
                <dt>{t("receipts.feeKept")}</dt>
                <dd className="num">{formatMoney(s.feeKept, s.currency, { locale })}</dd>
              </div>
              <div>
                <dt>{t("receipts.refunded")}</dt>
                <dd className="num">{formatMoney(s.refunded, s.currency, { locale })}</dd>
              </div>
            </dl>
          ))}
        </>
      )}
    </div>
  );
}
