import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n";
import { agreementDisposition, agreementPdf, agreementRecord } from "~/modules/handover/agreement.server";

// The design transfer agreement as a PDF, for its two parties, once someone has signed it.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const record = await agreementRecord(params.contestId ?? "", context.user?.id ?? null);
  if (!record)
    return new Response(t("agreement.error.notYet"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(agreementPdf(record), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": agreementDisposition(record, "pdf"),
      "Cache-Control": "private, no-store",
    },
  });
}
