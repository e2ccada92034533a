import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { handoverZip } from "~/modules/handover/zip.server";
import { notFoundResponse } from "~/utils/refusals.server";

// Every file this person may download from the handover, as one zip (checked here, per request).
export async function loader({ params, context }: LoaderFunctionArgs) {
  const zip = await handoverZip({ contestId: params.contestId ?? "", viewerId: context.user?.id ?? null });
  if (!zip) return notFoundResponse(context.locale);
  return new Response(createReadableStreamFromReadable(zip.body), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": zip.contentDisposition,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
