/** Real multipart/form-data requests, built byte by byte as a browser sends them. */

export type Part =
  { name: string; value: string } | { name: string; fileName: string; type?: string; bytes: Uint8Array };

const URL_ = "http://localhost:3000/contests/c1/entries";

export function multipartBody(parts: Part[], boundary = "----ConcoursBoundary7MA4YWxkTrZu0gW") {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
        Buffer.from(part.bytes),
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function multipartRequest(parts: Part[], headers: Record<string, string> = {}) {
  const { body, contentType } = multipartBody(parts);
  return new Request(URL_, { method: "POST", body, headers: { "Content-Type": contentType, ...headers } });
}

/**
 * A request whose body is a stream we can watch: how many chunks were pulled, and whether the
 * reader cancelled it. `chunks(n)` gives the n-th chunk (from 1), or null to end the body.
 */
export function watchedRequest(
  contentType: string,
  chunks: (n: number) => Uint8Array | null,
  headers: Record<string, string> = {},
) {
  const stats = { pulls: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks(++stats.pulls);
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(URL_, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "Content-Type": contentType, ...headers },
  } as RequestInit);
  return { request, stats };
}

/** The head of a file part, for streamed bodies. */
export function filePartHead(boundary: string, fileName = "draft.png", type = "image/png") {
  return Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
}
