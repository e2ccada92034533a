import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { blobStore } from "~storage/index";
import { now } from "~/utils/clock.server";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "./fixtures";
import { multipartBody } from "./multipart";
import type { TestClient } from "./http-client";

/** Small files that are what their names say (the magic bytes of each format). */
export const FILES = {
  pdf: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  svg: Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: a design tool -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n',
  ),
  eps: Buffer.from("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"),
  zip: Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40, 3)]),
  psd: Buffer.concat([Buffer.from("8BPS"), Buffer.alloc(40, 0)]),
  html: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
};

/** The original image bytes of the winning entry (what the client downloads at the end). */
export const ORIGINAL = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from("original jpeg bytes"),
]);

export interface HandoverSetup {
  contestId: string;
  client: string;
  winner: string;
  other: string;
  judge: string;
  stranger: string;
  winningEntry: string;
  otherEntry: string;
  revisions: string[];
}

/**
 * A contest in handover: launched and paid for the real way, two designers with entries (the
 * winner's has two versions, their originals stored), a judge, a stranger; the client picked the
 * winner through the machine.
 */
export async function handoverSetup(
  options: { deliverables?: string[]; prize?: number } = {},
): Promise<HandoverSetup> {
  const client = await makeUser("Camille Tremblay", "client");
  const winner = await makeUser("Ana Souza");
  const other = await makeUser("Ben Okafor");
  const judge = await makeUser("Jules Judge", "client");
  const stranger = await makeUser("Stranger Danger");
  const contest = await makeLaunchedContest(client, { prize: options.prize ?? 49_900 });
  await db()
    .updateTable("contests")
    .set({
      deliverables: JSON.stringify(options.deliverables ?? ["svg", "png", "pdf"]),
      title: "Logo for Pain d'Or",
    })
    .where("id", "=", contest.id)
    .execute();
  await db()
    .insertInto("contest_members")
    .values({ contest_id: contest.id, user_id: judge, role: "judge", created_at: now() })
    .execute();
  const winningEntry = await makeReadyEntry(contest.id, winner);
  const otherEntry = await makeReadyEntry(contest.id, other);
  await db().updateTable("entries").set({ title: "Golden loaf" }).where("id", "=", winningEntry).execute();
  const revisions = await addSecondVersion(contest.id, winningEntry, winner);
  for (const [i, id] of revisions.entries()) {
    const r = await db()
      .selectFrom("entry_revisions")
      .select("original_key")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await blobStore().put(r.original_key, Buffer.concat([ORIGINAL, Buffer.from(` v${i + 1}`)]), {
      contentType: "image/jpeg",
    });
  }
  await applyContestEvent({
    contestId: contest.id,
    actor: { kind: "user", id: client },
    event: async (c, trx) => ({
      type: "select_winner",
      designerId: winner,
      entryId: winningEntry,
      verdict: await computeVerdict(trx, c),
    }),
  });
  return {
    contestId: contest.id,
    client,
    winner,
    other,
    judge,
    stranger,
    winningEntry,
    otherEntry,
    revisions,
  };
}

/** A second ready version of an entry (rows only), the entry's first revision id first. */
async function addSecondVersion(contestId: string, entryId: string, designerId: string) {
  const first = await db()
    .selectFrom("entries")
    .select("current_revision_id")
    .where("id", "=", entryId)
    .executeTakeFirstOrThrow();
  const id = `rev2${entryId}`.slice(0, 16);
  const at = now();
  await db()
    .insertInto("entry_revisions")
    .values({
      id,
      entry_id: entryId,
      contest_id: contestId,
      designer_id: designerId,
      version: 2,
      status: "ready",
      original_key: `private/originals/${contestId}/${entryId}/${id}`,
      original_format: "jpeg",
      original_bytes: ORIGINAL.length + 3,
      width: 800,
      height: 800,
      preview_key: `public/previews/${contestId}/${id}.webp`,
      thumbnail_key: `public/thumbs/${contestId}/${id}.webp`,
      phash: "0123456789abcdef",
      created_at: at,
      ready_at: at,
    })
    .execute();
  await db()
    .updateTable("entries")
    .set({ current_revision_id: id, revision_count: 2 })
    .where("id", "=", entryId)
    .execute();
  return [first.current_revision_id!, id];
}

/** A logged-in client for a fixture user: the server helpers' own (one place for the login). */
export { loginAs } from "./server";

/** Upload a final file over HTTP, as the upload form's JavaScript does (JSON answer). */
export async function uploadFinal(
  client: TestClient,
  contestId: string,
  fileName: string,
  bytes: Uint8Array,
  options: { replace?: string; page?: boolean } = {},
) {
  const { body, contentType } = multipartBody([
    { name: "file", fileName, type: "application/octet-stream", bytes },
  ]);
  const path = options.page ? `/contests/${contestId}/handover` : `/api/contests/${contestId}/handover/files`;
  return client.request(`${path}${options.replace ? `?replace=${options.replace}` : ""}`, {
    method: "POST",
    body,
    headers: { "Content-Type": contentType },
  });
}

export async function finalVersions(contestId: string) {
  return db()
    .selectFrom("handover_file_versions")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("version")
    .execute();
}

/** Every blob key under a prefix. */
export async function blobKeys(prefix: string) {
  const out: string[] = [];
  for await (const info of blobStore().list(prefix)) out.push(info.key);
  return out;
}

/**
 * Sign the agreement over HTTP, in `language` (by default the client's interface language, as a
 * person who reads Concours in English might choose the English text).
 */
export async function sign(
  client: TestClient,
  contestId: string,
  legalName: string,
  userAgent = "TestBrowser/1.0",
  language: "fr-CA" | "en" = client.language?.startsWith("fr") ? "fr-CA" : "en",
) {
  return client.post(
    `/contests/${contestId}/handover`,
    { intent: "sign", legalName, language, agree: "on" },
    { headers: { "User-Agent": userAgent } },
  );
}
