import type { LoaderFunctionArgs } from "@remix-run/node";
import { agreementDisposition, agreementRecord } from "~/modules/handover/agreement.server";
import { refusalResponse } from "~/utils/refusals.server";

// The exact text both parties signed (UTF-8): its SHA-256 is the digest on record.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await agreementRecord(params.contestId ?? "", context.user?.id ?? null);
  // Only its parties may learn it is not signed yet; to anyone else it answers as a contest that does not exist.
  if (!found.ok) return refusalResponse(found, context.locale);
  const { record } = found;
  return new Response(record.agreement.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": agreementDisposition(record, "txt"),
      "Cache-Control": "private, no-store",
    },
  });
}
