import type { LoaderFunctionArgs } from "@remix-run/node";
import { openMedia } from "~/modules/entries/media.server";
import { mediaResponse } from "~/utils/media-response.server";

// Thumbnails and watermarked previews: the only image bytes ever served, each access-checked
// (blind and private contests). Keys name a revision, so a key's bytes never change: immutable.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const answer = await openMedia({ key: params["*"] ?? "", viewerId: context.user?.id ?? null });
  return mediaResponse(answer, "private, max-age=31536000, immutable", context.locale);
}
