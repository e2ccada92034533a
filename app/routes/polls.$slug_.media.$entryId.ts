import type { LoaderFunctionArgs } from "@remix-run/node";
import { openPollPreview } from "~/modules/judging/polls.server";
import { notFoundResponse } from "~/utils/refusals.server";

// A poll's previews: whoever holds the poll's link may see the designs the client put in it.
export async function loader({ params }: LoaderFunctionArgs) {
  const answer = await openPollPreview({ slug: params.slug ?? "", entryId: params.entryId ?? "" });
  if (!answer) return notFoundResponse();
  if (answer.kind === "redirect") {
    return new Response(null, {
      status: 302,
      headers: { Location: answer.url, "Cache-Control": "private, no-store" },
    });
  }
  return new Response(answer.body, {
    headers: {
      "Content-Type": answer.contentType,
      "Content-Length": String(answer.size),
      "Cache-Control": "private, max-age=3600",
    },
  });
}
