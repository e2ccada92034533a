import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { now } from "../app/utils/clock.server";
import { log } from "../app/utils/log.server";
import {
  assertValidKey,
  BlobTooLargeError,
  type BlobBody,
  type BlobInfo,
  type BlobStore,
  type PutOptions,
  type SignedUrlOptions,
} from "./blob-store";

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, s3rver); omit for AWS. */
  endpoint?: string;
  /** Omit to use the SDK's default chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle?: boolean;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** Backoff before retry n is random in [0, min(maxDelay, base × 2^(n−1))) ms: "full jitter". */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** One attempt that has not answered after this long is abandoned and counts as retryable. */
  requestTimeoutMs?: number;
  /** Keys per ListObjectsV2 page (default 1000, S3's maximum). */
  listPageSize?: number;
  /**
   * A streamed body larger than this goes up as a multipart upload, one part of this size in memory
   * at a time (default 8 MiB; S3 wants at least 5 MiB per part but the last).
   */
  partBytes?: number;
}

/** An S3 request failed for good. `retryable` says whether trying again later may work. */
export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly key: string,
    readonly attempts: number,
    readonly retryable: boolean,
    /** True when it failed on its last allowed attempt, each failure retryable. */
    readonly exhausted: boolean,
    readonly code: string,
    readonly statusCode: number | undefined,
    options: ErrorOptions,
  ) {
    super(
      exhausted
        ? `S3 ${operation} of ${key} failed after ${attempts} attempt${attempts === 1 ? "" : "s"} (retries exhausted): ${code}`
        : `S3 ${operation} of ${key} failed: ${code}`,
      options,
    );
    this.name = "S3RequestError";
  }
}

/** The attempt took longer than requestTimeoutMs. */
class AttemptTimeoutError extends Error {
  constructor(ms: number) {
    super(`No answer within ${ms} ms`);
    this.name = "AttemptTimeout";
  }
}

type SdkError = Error & {
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  Code?: string;
  code?: string;
};

const RETRYABLE_CODES = new Set([
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestTimeout",
  "RequestTimeoutException",
  "InternalError",
  "ServiceUnavailable",
  "AttemptTimeout",
  "TimeoutError",
  "AbortError",
]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
]);

function classify(error: unknown): { retryable: boolean; code: string; status?: number } {
  const e = error as SdkError;
  const status = e?.$metadata?.httpStatusCode;
  const code = e?.Code ?? e?.name ?? "Error";
  if (status === 429 || (status !== undefined && status >= 500)) return { retryable: true, code, status };
  if (RETRYABLE_CODES.has(code) || e?.$retryable) return { retryable: true, code, status };
  if (status === undefined) {
    // No HTTP answer at all: the connection failed (reset, refused, cut off). Worth another try.
    const network = (e?.code && NETWORK_CODES.has(e.code)) || error instanceof TypeError || !e?.$metadata;
    return { retryable: Boolean(network), code: e?.code ?? code };
  }
  return { retryable: false, code, status };
}

const isNotFound = (error: unknown) => {
  const e = error as SdkError;
  return e?.$metadata?.httpStatusCode === 404 || e?.name === "NoSuchKey" || e?.name === "NotFound";
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** S3 allows presigned URLs of at most 7 days. */
const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

/**
 * Blobs in one S3 bucket (keys as they are; `private/` and `public/` prefixes keep originals and
 * previews apart). A put sends the whole body with PutObject, which S3 applies atomically: readers
 * see the old object or the new one. Each request is retried by {@link S3BlobStore.send} with
 * exponential backoff and full jitter on throttling, 5xx, time-outs and network errors; the SDK's
 * own retries are off so there is one policy, with one count of attempts.
 */
export class S3BlobStore implements BlobStore {
  readonly driver = "s3" as const;
  readonly client: S3Client;
  readonly bucket: string;
  private readonly maxAttempts: number;
  private readonly retryBaseDelayMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly requestTimeoutMs: number;
  private readonly listPageSize: number;
  private readonly partBytes: number;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 5_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.listPageSize = options.listPageSize ?? 1000;
    this.partBytes = Math.max(5 * 1024 * 1024, options.partBytes ?? 8 * 1024 * 1024);
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      maxAttempts: 1,
      // Checksums only where S3 demands them: s3rver (and some S3-compatible services) would store
      // streamed bodies with aws-chunked framing otherwise.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // The socket-level guard; the attempt timeout in send() covers a server that never answers.
      requestHandler: { connectionTimeout: 10_000, requestTimeout: this.requestTimeoutMs },
    });
  }

  async put(key: string, body: BlobBody, options: PutOptions): Promise<BlobInfo> {
    assertValidKey(key);
    if (body instanceof Readable) return this.putStream(key, body, options);
    // Held in memory: S3 needs the length up front, and a retry must send the same bytes again.
    const bytes = await collect(body, options.maxBytes);
    await this.putObject(key, bytes, options.contentType);
    return { key, size: bytes.length, contentType: options.contentType, lastModified: Date.now() };
  }

  private async putObject(key: string, bytes: Buffer, contentType: string) {
    await this.send("PutObject", key, (abortSignal) =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }),
        { abortSignal },
      ),
    );
  }

  /**
   * A stream that fits in one part goes up with one PutObject; a larger one as a multipart upload,
   * read one part at a time (the stream waits while a part uploads), each part retried on its own.
   * S3 publishes the object only when the upload completes; a failure aborts it, leaving nothing.
   */
  private async putStream(key: string, body: Readable, options: PutOptions): Promise<BlobInfo> {
    const parts = partsOf(body, this.partBytes, options.maxBytes)[Symbol.asyncIterator]();
    const first = await parts.next();
    const second = first.done ? first : await parts.next();
    if (second.done) {
      const bytes = first.done ? Buffer.alloc(0) : first.value;
      await this.putObject(key, bytes, options.contentType);
      return { key, size: bytes.length, contentType: options.contentType, lastModified: Date.now() };
    }
    const created = await this.send("CreateMultipartUpload", key, (abortSignal) =>
      this.client.send(
        new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType }),
        { abortSignal },
      ),
    );
    const uploadId = created.UploadId!;
    const done: { ETag: string; PartNumber: number }[] = [];
    let size = 0;
    try {
      const upload = async (bytes: Buffer) => {
        const PartNumber = done.length + 1;
        const out = await this.send("UploadPart", key, (abortSignal) =>
          this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key: key,
              UploadId: uploadId,
              PartNumber,
              Body: bytes,
            }),
            { abortSignal },
          ),
        );
        done.push({ ETag: out.ETag!, PartNumber });
        size += bytes.length;
      };
      await upload(first.value!);
      await upload(second.value);
      for (let next = await parts.next(); !next.done; next = await parts.next()) await upload(next.value);
      await this.send("CompleteMultipartUpload", key, (abortSignal) =>
        this.client.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: { Parts: done },
          }),
          { abortSignal },
        ),
      );
    } catch (error) {
      body.destroy();
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }))
        .catch((abortError: unknown) =>
          log("info", "s3.abort_failed", { key, uploadId, error: String(abortError) }),
        );
      throw error;
    }
    return { key, size, contentType: options.contentType, lastModified: Date.now() };
  }

  async head(key: string): Promise<BlobInfo | null> {
    assertValidKey(key);
    const out = await this.send("HeadObject", key, (abortSignal) =>
      this.client
        .send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal })
        .catch(nullIfMissing),
    );
    if (!out) return null;
    return {
      key,
      size: out.ContentLength ?? 0,
      contentType: out.ContentType ?? "application/octet-stream",
      lastModified: out.LastModified?.getTime() ?? 0,
    };
  }

  /** Retried until the response starts; a failure while the body streams reaches the reader. */
  async get(key: string) {
    assertValidKey(key);
    const out = await this.send("GetObject", key, (abortSignal) =>
      this.client
        .send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal })
        .catch(nullIfMissing),
    );
    if (!out) return null;
    const info: BlobInfo = {
      key,
      size: out.ContentLength ?? 0,
      contentType: out.ContentType ?? "application/octet-stream",
      lastModified: out.LastModified?.getTime() ?? 0,
    };
    return { info, body: out.Body as Readable };
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.send("DeleteObject", key, (abortSignal) =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal }),
    );
  }

  /** Every blob whose key starts with `prefix`, page by page. ListObjectsV2 gives no content type,
   * so each listed key is headed (8 at a time). */
  async *list(prefix: string): AsyncIterable<BlobInfo> {
    let continuationToken: string | undefined;
    do {
      const token = continuationToken;
      const page = await this.send("ListObjectsV2", prefix, (abortSignal) =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ContinuationToken: token,
            MaxKeys: this.listPageSize,
          }),
          { abortSignal },
        ),
      );
      const keys = (page.Contents ?? []).map((o) => o.Key).filter((k): k is string => Boolean(k));
      for (let i = 0; i < keys.length; i += 8) {
        const infos = await Promise.all(keys.slice(i, i + 8).map((k) => this.head(k)));
        for (const info of infos) if (info) yield info; // deleted since the listing: skip
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** A presigned GET, signed at the app clock's "now"; anyone holding it may read until it expires. */
  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    assertValidKey(key);
    const seconds = options.expiresInSeconds;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SIGNED_URL_SECONDS) {
      throw new RangeError(`expiresInSeconds must be a whole number from 1 to ${MAX_SIGNED_URL_SECONDS}`);
    }
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: options.contentDisposition,
      }),
      { expiresIn: seconds, signingDate: new Date(now()) },
    );
  }

  /**
   * One request with the store's retry policy: each attempt gets `requestTimeoutMs`; throttling,
   * 5xx, time-outs and network failures are retried after a full-jitter backoff; anything else (a
   * 4xx such as AccessDenied) fails at once. The final failure is an S3RequestError.
   */
  private async send<T>(
    operation: string,
    key: string,
    attempt: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new AttemptTimeoutError(this.requestTimeoutMs)),
        this.requestTimeoutMs,
      );
      try {
        return await attempt(controller.signal);
      } catch (caught) {
        const error = controller.signal.aborted ? (controller.signal.reason as Error) : caught;
        const { retryable, code, status } = classify(error);
        if (!retryable || n >= this.maxAttempts) {
          const exhausted = retryable; // a retryable failure on the last allowed attempt
          throw new S3RequestError(operation, key, n, retryable, exhausted, code, status, { cause: error });
        }
        const delay = Math.random() * Math.min(this.retryMaxDelayMs, this.retryBaseDelayMs * 2 ** (n - 1));
        log("info", "s3.retry", { operation, key, attempt: n, code, status, delayMs: Math.round(delay) });
        await sleep(delay);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

function nullIfMissing(error: unknown): null {
  if (isNotFound(error)) return null;
  throw error;
}

/** A stream cut into Buffers of `size` bytes (the last one shorter), refused once past maxBytes. */
async function* partsOf(body: Readable, size: number, maxBytes: number | undefined): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  for await (const chunk of body) {
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (maxBytes !== undefined && total > maxBytes) {
      body.destroy();
      throw new BlobTooLargeError(maxBytes);
    }
    while (buffer.length) {
      const take = Math.min(size - pendingBytes, buffer.length);
      pending.push(buffer.subarray(0, take));
      pendingBytes += take;
      buffer = buffer.subarray(take);
      if (pendingBytes === size) {
        yield Buffer.concat(pending, size);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/** The body as one Buffer, refusing it (and stopping the stream) once it passes maxBytes. */
async function collect(body: BlobBody, maxBytes: number | undefined): Promise<Buffer> {
  if (!(body instanceof Readable)) {
    if (maxBytes !== undefined && body.length > maxBytes) throw new BlobTooLargeError(maxBytes);
    return Buffer.isBuffer(body) ? body : Buffer.from(body);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (maxBytes !== undefined && size > maxBytes) {
      body.destroy();
      throw new BlobTooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
