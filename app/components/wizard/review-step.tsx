import { Link } from "@remix-run/react";
import { ContestBadges, Money } from "~/components/contest/badges";
import { BriefView } from "~/components/contest/brief-view";
import { useLocale, useT } from "~/i18n/react";
import { REVIEW_STEP } from "~/modules/contests/brief";
import { contestPaths } from "~/modules/contests/next-steps";
import { isCurrency } from "~/modules/escrow/ledger";
import { formatPrize } from "~/modules/money/money";
import { launchCharge } from "~/modules/tax/charge";
import { isCanadianRegion, type TaxRegion } from "~/modules/tax/tax";
import { taxLineLabel } from "~/modules/tax/words";
import { useState } from "react";
import { CardForm } from "./card-form";
import { VerifyEmailNotice } from "../verify-email-notice";
import type { DraftEditData } from "./edit-data";
import type { Result } from "./shapes";
import { WizardTop } from "./wizard-top";
import "./wizard.css";

/** The last step: the brief as designers will read it, what launching costs, and the card to pay with. */
export function ReviewStep({
  data,
  launchResult,
  freshKey,
  quotedRegion,
}: {
  data: DraftEditData;
  launchResult: Result;
  /** The key for the next payment attempt, when the last one answered with one. */
  freshKey: string | null;
  /** The billing region a refused launch asked to show (its total changed), if any. */
  quotedRegion: TaxRegion | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { contest, references, gaps, serverNow } = data;
  // The server's quote for the saved (or default) region; with JavaScript, the region the client
  // picks re-prices it here with the same pure function the launch charges with.
  const [region, setRegion] = useState<TaxRegion | null>(quotedRegion ?? data.price?.region ?? null);
  const price =
    data.price && region && isCurrency(data.price.currency)
      ? { ...data.price, ...launchCharge(contest.prize, data.price.currency, region), region }
      : data.price;
  const total = price
    ? formatPrize(price.total, price.currency, locale)
    : formatPrize(contest.prize, contest.currency, locale);
  const stepOf = { basics: 1, about: 2, prize: 4 } as const;
  return (
    <div className="container page wizard">
      <WizardTop contest={contest} step={data.step} />
      <div className="review">
        <section className="review__brief" aria-labelledby="review-title">
          <header className="review__head">
            <h2 id="review-title">{t("wizard.review.heading")}</h2>
            <p className="muted">{t("wizard.review.lead")}</p>
          </header>
          <article className="preview-sheet">
            <p className="eyebrow">{t(`category.${contest.category}`)}</p>
            <h3 className="preview-sheet__title">
              {contest.title}{" "}
              <Link to={contestPaths.edit(contest.id, 1)} className="brief__edit">
                {t("wizard.review.edit")}
                <span className="visually-hidden"> {t("wizard.step.basics")}</span>
              </Link>
            </h3>
            <ContestBadges
              guaranteed={contest.guaranteed}
              blind={contest.blind}
              isPrivate={contest.isPrivate}
              fastTrack={contest.fastTrack}
            />
            <BriefView
              brief={contest}
              references={references}
              edit={(n) => contestPaths.edit(contest.id, n)}
            />
          </article>
        </section>
        <aside className="review__pay">
          <div className="aside-card pay-card">
            <h2 className="aside-card__title">{t("wizard.review.summary")}</h2>
            <dl className="totals">
              <div>
                <dt>{t("wizard.review.prize")}</dt>
                <dd>
                  <Money amount={contest.prize} currency={contest.currency} />
                </dd>
              </div>
              {price ? (
                <>
                  <div>
                    <dt>
                      {t("wizard.review.feeRate", { percent: price.percent })}
                      <span className="totals__hint">
                        {t("wizard.review.feeHint", {
                          floor: formatPrize(price.floor, price.currency, locale),
                        })}
                      </span>
                    </dt>
                    <dd>
                      <Money amount={price.fee} currency={price.currency} />
                    </dd>
                  </div>
                  {price.taxes.lines.map((line) => (
                    <div key={line.tax} data-testid="tax-line">
                      <dt>{taxLineLabel(line, t, locale)}</dt>
                      <dd>
                        <Money amount={line.amount} currency={price.currency} />
                      </dd>
                    </div>
                  ))}
                  {price.taxes.lines.length === 0 && !isCanadianRegion(price.region) ? (
                    <p className="totals__hint">{t("tax.none")}</p>
                  ) : null}
                  <div className="totals__total">
                    <dt>{t("wizard.review.total")}</dt>
                    <dd>
                      <Money amount={price.total} currency={price.currency} />
                    </dd>
                  </div>
                </>
              ) : (
                <div>
                  <dt>{t("wizard.review.fee")}</dt>
                  <dd className="muted">{t("wizard.review.feeLater")}</dd>
                </div>
              )}
            </dl>
            <p className="muted small">{t("wizard.review.escrow")}</p>
            {contest.isPrivate ? <p className="muted small">{t("wizard.review.privateNext")}</p> : null}
            {gaps.length ? (
              <div className="notice notice--error" role="alert">
                <p>{t("wizard.review.gaps")}</p>
                <ul>
                  {gaps.map((g) => (
                    <li key={g}>
                      <Link to={contestPaths.edit(contest.id, stepOf[g])}>{t(`wizard.step.${g}`)}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {data.emailVerified ? null : (
              <VerifyEmailNotice
                email={data.email}
                returnTo={contestPaths.edit(contest.id, REVIEW_STEP)}
                reason="launch"
              />
            )}
            <h3 className="pay-card__heading">{t("wizard.review.payment")}</h3>
            <CardForm
              action={contestPaths.edit(contest.id, REVIEW_STEP)}
              lastResult={launchResult}
              idempotencyKey={freshKey ?? data.idempotencyKey}
              confirmText={
                price ? t("wizard.review.confirm", { total }) : t("wizard.review.confirmFeeLater", { total })
              }
              disabled={gaps.length > 0 || !data.emailVerified}
              serverNow={serverNow}
              region={price?.region ?? null}
              confirmedTotal={price?.total ?? null}
              onRegion={setRegion}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}
