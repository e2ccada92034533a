import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BlobTooLargeError, readAll, type BlobStore } from "~storage/index";

/** The behaviour every BlobStore driver must show; each driver's test file runs it. */
export function blobStoreContract(name: string, store: () => BlobStore) {
  describe(`${name} blob store`, () => {
    it("puts, heads and gets a blob by key, with its content type", async () => {
      const bytes = Buffer.from("hello, preview");
      const info = await store().put("public/previews/c1/r1.webp", bytes, { contentType: "image/webp" });
      expect(info.size).toBe(bytes.length);
      const head = await store().head("public/previews/c1/r1.webp");
      expect(head).toMatchObject({
        key: "public/previews/c1/r1.webp",
        size: bytes.length,
        contentType: "image/webp",
      });
      const got = await store().get("public/previews/c1/r1.webp");
      expect(got).not.toBeNull();
      expect(await readAll(got!.body)).toEqual(bytes);
    });

    it("streams a large body in and out unchanged", async () => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 17);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
      const chunks = Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) =>
        big.subarray(i * 65536, (i + 1) * 65536),
      );
      await store().put("private/originals/c1/e1/r1", Readable.from(chunks), { contentType: "image/png" });
      const got = await store().get("private/originals/c1/e1/r1");
      expect((await readAll(got!.body)).equals(big)).toBe(true);
    });

    it("answers null for a missing key, and deleting it twice is fine", async () => {
      expect(await store().head("public/thumbs/none.webp")).toBeNull();
      expect(await store().get("public/thumbs/none.webp")).toBeNull();
      await store().put("public/thumbs/gone.webp", Buffer.from("x"), { contentType: "image/webp" });
      await store().delete("public/thumbs/gone.webp");
      await store().delete("public/thumbs/gone.webp");
      expect(await store().head("public/thumbs/gone.webp")).toBeNull();
    });

    it("lists by prefix, and only under it", async () => {
      for (const key of ["list/a/1", "list/a/2", "list/b/1", "listing/x"]) {
        await store().put(key, Buffer.from(key), { contentType: "text/plain" });
      }
      const keys: string[] = [];
      for await (const info of store().list("list/a/")) keys.push(info.key);
      expect(keys.sort()).toEqual(["list/a/1", "list/a/2"]);
      const all: string[] = [];
      for await (const info of store().list("list/")) all.push(info.key);
      expect(all.sort()).toEqual(["list/a/1", "list/a/2", "list/b/1"]);
    });

    it("refuses a body over the byte cap and leaves nothing under the key", async () => {
      const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
      await expect(
        store().put("capped/blob", body, { contentType: "image/png", maxBytes: 1000 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store().head("capped/blob")).toBeNull();
    });

    it("replaces a blob whole when the same key is put again", async () => {
      await store().put("replace/me", Buffer.from("first version, longer"), { contentType: "text/plain" });
      await store().put("replace/me", Buffer.from("second"), { contentType: "text/csv" });
      const got = await store().get("replace/me");
      expect((await readAll(got!.body)).toString()).toBe("second");
      expect(got!.info.contentType).toBe("text/csv");
    });

    it("refuses keys that could escape the store", async () => {
      for (const key of ["../etc/passwd", "a/../../b", "/absolute", "a//b", ""]) {
        await expect(store().put(key, Buffer.from("x"), { contentType: "text/plain" }), key).rejects.toThrow(
          /Invalid blob key/,
        );
      }
    });
  });
}
