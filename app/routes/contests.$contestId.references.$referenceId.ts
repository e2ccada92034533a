import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { openReference } from "~/modules/contests/references.server";
import { notFound } from "~/utils/refusals.server";

/**
 * A reference image of a brief, for whoever may see the brief; a 404 for everyone else (the same
 * answer as for a contest that does not exist).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const size = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
  const image = await openReference({
    contestId: params.contestId ?? "",
    referenceId: params.referenceId ?? "",
    viewer: context.user ? { id: context.user.id } : null,
    size,
  });
  if (!image) notFound(context.locale);
  return new Response(createReadableStreamFromReadable(image.body), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.size),
      // Access depends on who asks: never in a shared cache.
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": "inline",
    },
  });
}
