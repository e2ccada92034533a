import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmPage } from "~/components/confirm-page";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { checkPayout, newPayoutKey, sendPayout } from "~/modules/earnings/earnings.server";
import { amountInputValue, formatMoney } from "~/modules/money/money";
import { payoutConfirmSchema, payoutReviewSchema } from "~/modules/handover/forms";
import { requireUser } from "~/utils/auth.server";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("earnings.payout.confirm.title")} · ${t("app.name")}` }];
};

function backToForm(params: Record<string, string>) {
  return redirect(`/earnings?${new URLSearchParams(params)}#payout`);
}

/** Step two: the payout, read back for confirmation, with a fresh idempotency key in the form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: payoutReviewSchema(t, context.locale) });
  const raw = {
    amount: url.searchParams.get("amount") ?? "",
    currency: url.searchParams.get("currency") ?? "",
    destination: url.searchParams.get("destination") ?? "",
  };
  if (submission.status !== "success") {
    const field = submission.error?.amount ? "amount" : "destination";
    throw backToForm({
      ...raw,
      field,
      error: (submission.error?.[field] ?? [t("errors.generic")]).join(" "),
    });
  }
  const checked = await checkPayout({ designerId: user.id, ...submission.value });
  if (!checked.ok)
    throw backToForm({ ...raw, field: checked.field, error: refusalMessage(checked, context.locale) });
  return {
    // As the reader's language writes it: the confirmation form posts it back, read the same way.
    amount: amountInputValue(checked.amount, checked.currency, context.locale),
    currency: checked.currency,
    destination: checked.destination,
    label: formatMoney(checked.amount, checked.currency, { locale: context.locale }),
    key: newPayoutKey(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), {
    schema: payoutConfirmSchema(t, context.locale),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // No balance check here: requestPayout makes it under the account's lock, after looking the key up,
  // so a replayed confirmation (the same key) returns the first payout instead of a refusal.
  const result = await sendPayout({
    designerId: user.id,
    amount: submission.value.amount,
    currency: submission.value.currency,
    destination: submission.value.destination,
    idempotencyKey: submission.value.key,
  });
  if ("payout" in result) return redirect(`/earnings?payout=${result.payout.id}`);
  return data(submission.reply({ formErrors: [refusalMessage(result, context.locale)] }), {
    status: refusalStatus(result),
  });
}

export default function ConfirmPayout() {
  const t = useT();
  const p = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  return (
    <ConfirmPage
      title={t("earnings.payout.confirm.title")}
      lead={<p>{t("earnings.payout.confirm.lead", { amount: p.label, destination: p.destination })}</p>}
      warning={t("earnings.payout.confirm.warning")}
      confirmLabel={t("earnings.payout.confirm.label", { amount: p.label, destination: p.destination })}
      submitLabel={t("earnings.payout.confirm.submit")}
      cancelLabel={t("earnings.payout.confirm.cancel")}
      cancelTo="/earnings"
      lastResult={lastResult}
      tone="primary"
      hidden={{ amount: p.amount, currency: p.currency, destination: p.destination, key: p.key }}
    />
  );
}
