import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FsBlobStore } from "~storage/fs-store";
import { config } from "~/utils/env.server";
import { blobStoreContract } from "../helpers/blob-store-contract";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "concours-blobs-"));
const store = new FsBlobStore(root);
blobStoreContract("filesystem", () => store);

describe("filesystem blob store crash safety", () => {
  it("leaves no temp file when a write fails before its file has even opened", async () => {
    for (let i = 0; i < 20; i++) {
      const failing = new Readable({
        read() {
          this.destroy(new Error("refused at once"));
        },
      });
      await expect(store.put(`early/${i}`, failing, { contentType: "text/plain" })).rejects.toThrow(
        "refused at once",
      );
      expect(fs.readdirSync(path.join(root, ".tmp"))).toEqual([]);
    }
  });

  it("never shows half a blob: a write that dies midway leaves the old bytes (or none) under the key", async () => {
    await store.put("atomic/key", Buffer.from("complete old version"), { contentType: "text/plain" });
    const dying = new Readable({
      read() {
        this.push(Buffer.from("partial new bytes"));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store.put("atomic/key", dying, { contentType: "text/plain" })).rejects.toThrow(
      "client went away",
    );
    const got = await store.get("atomic/key");
    const chunks: Buffer[] = [];
    for await (const c of got!.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("complete old version");
    // and no temp file is left behind
    expect(fs.readdirSync(path.join(root, ".tmp"))).toEqual([]);
  });
});

describe("what a crash leaves behind", () => {
  it("temp files nobody writes to any more are swept by the hourly housekeeping; a write in progress is not", async () => {
    const { registerAllJobHandlers } = await import("~/modules/jobs/handlers.server");
    const { schedulePeriodicJobs } = await import("~/modules/jobs/scheduler.server");
    const { runDueJobs } = await import("~/modules/jobs/queue.server");
    const { blobStore } = await import("~storage/index");
    const { advanceClock } = await import("~/utils/clock.server");
    const { HOUR } = await import("~/utils/durations");
    const tmp = path.join(config().dataDir, "blobs", ".tmp");
    fs.mkdirSync(tmp, { recursive: true });
    const stale = path.join(tmp, "crashed.part");
    const fresh = path.join(tmp, "writing.part");
    fs.writeFileSync(stale, "half an upload");
    fs.writeFileSync(fresh, "an upload still arriving");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(blobStore().driver).toBe("fs");
    registerAllJobHandlers();
    await schedulePeriodicJobs();
    advanceClock(HOUR);
    await runDueJobs();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
