import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeDownload, downloadLink } from "~/modules/handover/downloads.server";
import { notFoundResponse } from "~/utils/refusals.server";

// An original of the winning entry: the client's, once the contest is completed.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const viewerId = context.user?.id ?? null;
  const grant = await authorizeDownload({
    contestId: params.contestId ?? "",
    viewerId,
    target: { kind: "original", revisionId: params.revisionId ?? "" },
  });
  if (!grant || !viewerId) return notFoundResponse(context.locale);
  return new Response(null, {
    status: 302,
    headers: { Location: await downloadLink(grant, viewerId), "Cache-Control": "private, no-store" },
  });
}
