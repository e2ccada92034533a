import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { Transform } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./utils/nonce";

const ABORT_DELAY_MS = 5_000;

// The whole document is rendered before a byte is sent (onAllReady): we defer no data. Not
// renderToString: single fetch hands the loaders' data to the browser through Suspense boundaries
// (<StreamTransfer>), which renderToString never resolves, so pages never hydrated
// (docs/decisions/0010-render-to-pipeable-stream-on-all-ready.md).
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={ABORT_DELAY_MS} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { status, headers: responseHeaders }));
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          status = 500;
          if (!request.signal.aborted) logRenderError(error, request.url);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS + 1_000);
  });
}

/**
 * React 18's stream renderer encodes into a 2 048-byte buffer and, when a multi-byte character (é,
 * ’, «) would straddle its end, flushes the whole buffer with up to three unwritten NUL bytes in
 * it (facebook/react#26228, fixed in React 19 only). Browsers skip them, mail clients and crawlers
 * may stop reading there, and French pages meet it often. A NUL is never part of a UTF-8 character
 * and never belongs in a page, so every one is dropped on the way out.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!chunk.includes(0)) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) kept[n++] = byte;
      done(null, kept.subarray(0, n));
    },
  });
}

function logRenderError(error: unknown, url: string) {
  process.stderr.write(
    `${JSON.stringify({ t: new Date().toISOString(), level: "error", event: "render.error", url, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
  );
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // An address that matches no route is a 404 for the visitor, not an error of ours.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // Logged once here; the user sees the error boundary's plain message, never a stack.
  process.stderr.write(
    `${JSON.stringify({ t: new Date().toISOString(), level: "error", event: "remix.error", url: request.url, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
  );
}
