import type { LoaderFunctionArgs } from "@remix-run/node";
import { openPollPreview } from "~/modules/judging/polls.server";
import { mediaResponse } from "~/utils/media-response.server";

// A poll's previews: whoever holds the poll's link may see the designs the client put in it.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const answer = await openPollPreview({ slug: params.slug ?? "", entryId: params.entryId ?? "" });
  return mediaResponse(answer, "private, max-age=3600", context.locale);
}
