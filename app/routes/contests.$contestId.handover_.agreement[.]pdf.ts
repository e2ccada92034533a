import type { LoaderFunctionArgs } from "@remix-run/node";
import { agreementDisposition, agreementPdf, agreementRecord } from "~/modules/handover/agreement.server";
import { refusalResponse } from "~/utils/refusals.server";

// The design transfer agreement as a PDF, for its two parties once someone has signed it.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await agreementRecord(params.contestId ?? "", context.user?.id ?? null);
  // Only its parties may learn it is not signed yet; to anyone else it answers as a contest that does not exist.
  if (!found.ok) return refusalResponse(found, context.locale);
  const { record } = found;
  return new Response(agreementPdf(record, context.locale), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": agreementDisposition(record, "pdf"),
      "Cache-Control": "private, no-store",
    },
  });
}
