import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./utils/nonce";

// Whole-document rendering with renderToString: we do not stream (no deferred data), and it is
// measurably faster than the streaming renderer for our pages (see README, Decisions).
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const html = renderToString(
    <NonceContext.Provider value={loadContext.nonce ?? ""}>
      <RemixServer context={remixContext} url={request.url} nonce={loadContext.nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { status: responseStatusCode, headers: responseHeaders });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Logged once here; the user sees the error boundary's plain message, never a stack.
  process.stderr.write(
    `${JSON.stringify({ t: new Date().toISOString(), level: "error", event: "remix.error", url: request.url, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
  );
}
