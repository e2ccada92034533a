import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { openAttachment } from "~/modules/people/messages/conversations.server";
import { notFound } from "~/utils/refusals.server";

/** An image attached to a message, for the conversation's two parties; a 404 for anyone else. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const image = await openAttachment({
    conversationId: params.conversationId ?? "",
    attachmentId: params.attachmentId ?? "",
    viewerId: context.user?.id ?? null,
  });
  if (!image) notFound(context.locale);
  return new Response(createReadableStreamFromReadable(image.body), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.size),
      // Access depends on who asks: never in a shared cache.
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
