import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { openDownload } from "~/modules/handover/downloads.server";

// The filesystem store's short-lived links: the token is checked (signature, expiry, user), then streamed.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const t = translator(context.locale);
  const file = await openDownload(params.token ?? "", context.user?.id ?? null);
  if (!file) {
    return new Response(t("downloads.expired"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": file.disposition,
      "Cache-Control": "private, no-store",
      // Never rendered by the browser, whatever it is (an SVG with a script stays a download).
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
