import { Form, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { Notice } from "./field";

/**
 * Why money cannot move yet (ADR 0042), with "Send the link again" (a plain POST that comes back
 * here). `reason` says what waits: a launch, a payout, or nothing in particular (the account page).
 */
export function VerifyEmailNotice({
  email,
  returnTo,
  reason,
}: {
  email: string;
  returnTo: string;
  reason: "launch" | "payout" | "account";
}) {
  const t = useT();
  const [params] = useSearchParams();
  const state = params.get("verify");
  return (
    <div className="notice stack" data-testid="verify-email" role="status">
      <p style={{ margin: 0 }}>
        <strong>{t("safety.verify.notice.title")}</strong> {t(`safety.verify.notice.${reason}`, { email })}
      </p>
      {state === "sent" ? <Notice tone="success">{t("safety.verify.sent", { email })}</Notice> : null}
      {state === "wait" ? <Notice tone="error">{t("safety.verify.wait")}</Notice> : null}
      <Form method="post" action="/verify-email/resend">
        <input type="hidden" name="returnTo" value={returnTo} />
        <button type="submit" className="btn btn--secondary">
          {t("safety.verify.resend")}
        </button>
      </Form>
    </div>
  );
}
