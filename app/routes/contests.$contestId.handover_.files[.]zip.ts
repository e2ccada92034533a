import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { t } from "~/i18n";
import { handoverZip } from "~/modules/handover/zip.server";

// Every file this person may download from the handover, as one zip (checked here, per request).
export async function loader({ params, context }: LoaderFunctionArgs) {
  const zip = await handoverZip({ contestId: params.contestId ?? "", viewerId: context.user?.id ?? null });
  if (!zip)
    return new Response(t("downloads.forbidden"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(createReadableStreamFromReadable(zip.body), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": zip.contentDisposition,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
