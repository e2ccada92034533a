import type { MediaAnswer } from "~/modules/entries/media.server";
import type { Locale } from "~/i18n";
import { notFoundResponse } from "./refusals.server";

/**
 * An image's bytes as an HTTP answer: streamed with its type and length, or a redirect to a signed
 * URL (never cached, it expires), or the plain 404 when the viewer may not see it.
 */
export function mediaResponse(answer: MediaAnswer | null, cacheControl: string, locale: Locale): Response {
  if (!answer) return notFoundResponse(locale);
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
      "Cache-Control": cacheControl,
      // X-Content-Type-Options: nosniff is set on every response by the HTTP layer.
    },
  });
}
