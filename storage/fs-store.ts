import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertValidKey,
  BlobTooLargeError,
  type BlobBody,
  type BlobInfo,
  type BlobStore,
  type PutOptions,
} from "./blob-store";

const META_SUFFIX = ".meta.json";
const TMP_DIR = ".tmp";
/** A temp file untouched for this long belongs to a write that died. */
const TEMP_MAX_IDLE_MS = 60 * 60_000;

/**
 * Blobs as files under `root`. A put streams into a temp file, fsyncs it, then renames it over the
 * final name, so a crash leaves at most a stray temp file (swept on start), never half a blob.
 * The content type sits in a sidecar written first, so a blob file never exists without it.
 */
export class FsBlobStore implements BlobStore {
  readonly driver = "fs" as const;
  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, TMP_DIR), { recursive: true });
  }

  private file(key: string) {
    assertValidKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, body: BlobBody, options: PutOptions): Promise<BlobInfo> {
    const target = this.file(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(this.root, TMP_DIR, `${randomBytes(8).toString("hex")}.part`);
    const tmpMeta = `${tmp}${META_SUFFIX}`;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          done(new BlobTooLargeError(options.maxBytes));
        } else done(null, chunk);
      },
    });
    const source = body instanceof Readable ? body : Readable.from([Buffer.from(body)]);
    // flush: fsync before close, so the rename below never publishes bytes still in a cache.
    const file = fs.createWriteStream(tmp, { flush: true });
    try {
      await pipeline(source, counter, file);
      const info: BlobInfo = { key, size, contentType: options.contentType, lastModified: Date.now() };
      await fsp.writeFile(tmpMeta, JSON.stringify({ contentType: info.contentType }));
      await fsp.rename(tmpMeta, `${target}${META_SUFFIX}`);
      await fsp.rename(tmp, target);
      return info;
    } catch (error) {
      // A failure before the file finished opening would let the open create it after our rm.
      if (!file.closed) await new Promise<void>((resolve) => file.once("close", () => resolve()));
      await fsp.rm(tmp, { force: true });
      await fsp.rm(tmpMeta, { force: true });
      throw error;
    }
  }

  async head(key: string): Promise<BlobInfo | null> {
    const file = this.file(key);
    try {
      const stat = await fsp.stat(file);
      const meta = JSON.parse(await fsp.readFile(`${file}${META_SUFFIX}`, "utf8")) as { contentType: string };
      return { key, size: stat.size, contentType: meta.contentType, lastModified: stat.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async get(key: string) {
    const info = await this.head(key);
    if (!info) return null;
    return { info, body: fs.createReadStream(this.file(key)) as Readable };
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await fsp.rm(file, { force: true });
    await fsp.rm(`${file}${META_SUFFIX}`, { force: true });
  }

  async *list(prefix: string): AsyncIterable<BlobInfo> {
    const walk = async function* (this: FsBlobStore, dir: string, rel: string): AsyncGenerator<BlobInfo> {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        if (rel === "" && entry.name === TMP_DIR) continue;
        const key = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) yield* walk.call(this, path.join(dir, entry.name), key);
        else if (!entry.name.endsWith(META_SUFFIX) && key.startsWith(prefix)) {
          const info = await this.head(key);
          if (info) yield info;
        }
      }
    };
    // Walk from the deepest folder the prefix names, then filter by the full prefix.
    const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    yield* walk.call(this, folder ? path.join(this.root, ...folder.split("/")) : this.root, folder);
  }

  /**
   * Remove temp files left by a crash mid-write: those nobody has written to for `olderThanMs` (a
   * write in progress keeps touching its file). Returns how many were removed.
   */
  async sweepTemp(olderThanMs = TEMP_MAX_IDLE_MS) {
    const dir = path.join(this.root, TMP_DIR);
    const names = await fsp.readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
