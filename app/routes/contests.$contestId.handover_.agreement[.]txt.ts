import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n";
import { agreementDisposition, agreementRecord } from "~/modules/handover/agreement.server";

// The exact text both parties signed (UTF-8): its SHA-256 is the digest on record.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const record = await agreementRecord(params.contestId ?? "", context.user?.id ?? null);
  if (!record)
    return new Response(t("agreement.error.notYet"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(record.agreement.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": agreementDisposition(record, "txt"),
      "Cache-Control": "private, no-store",
    },
  });
}
