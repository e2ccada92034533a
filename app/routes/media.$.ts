import type { LoaderFunctionArgs } from "@remix-run/node";
import { openMedia } from "~/modules/entries/media.server";
import { notFoundResponse } from "~/utils/refusals.server";

// Thumbnails and watermarked previews: the only image bytes ever served, each access-checked
// (blind and private contests). Keys name a revision, so a key's bytes never change: immutable.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const answer = await openMedia({ key: params["*"] ?? "", viewerId: context.user?.id ?? null });
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
      "Cache-Control": "private, max-age=31536000, immutable",
      // X-Content-Type-Options: nosniff is set on every response by the HTTP layer.
    },
  });
}
