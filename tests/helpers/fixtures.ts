import { db } from "~db/index";
import { hashPassword } from "~/modules/auth/passwords.server";
import { applyContestEvent, createDraft } from "~/modules/contests/contests.server";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";

let cachedHash: Promise<string> | null = null;

/** A user straight in the database (the sign-up flow has its own tests). */
export async function makeUser(
  name: string,
  role: "client" | "designer" = "designer",
  password = "a test passphrase",
) {
  cachedHash ??= hashPassword("a test passphrase");
  const id = newId();
  const at = now();
  await db()
    .insertInto("users")
    .values({
      id,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${id}@example.com`,
      display_name: name,
      password_hash: password === "a test passphrase" ? await cachedHash : await hashPassword(password),
      role,
      created_at: at,
      password_changed_at: at,
    })
    .execute();
  return id;
}

/**
 * A contest already launched into qualifying, its escrow settled by the test's own means.
 * (The launch flow with payment has its own tests.)
 */
export async function makeLaunchedContest(
  clientId: string,
  patch: { fastTrack?: boolean; prize?: number } = {},
) {
  const id = await createDraft({
    clientId,
    category: "logo",
    title: "Logo for a bakery",
    businessName: "Pain d'Or",
  });
  await db()
    .updateTable("contests")
    .set({
      description: "A warm logo for a neighbourhood bakery.",
      fast_track: patch.fastTrack ? 1 : 0,
      prize_minor: patch.prize ?? 49_900,
    })
    .where("id", "=", id)
    .execute();
  return applyContestEvent({
    contestId: id,
    actor: { kind: "user", id: clientId },
    event: { type: "launch", funded: true },
  });
}

/** A ready entry, as the image pipeline leaves it (rows only; the pipeline has its own tests). */
export async function makeReadyEntry(contestId: string, designerId: string) {
  const entryId = newId();
  const revisionId = newId();
  const at = now();
  const number =
    Number(
      (
        await db()
          .selectFrom("entries")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("contest_id", "=", contestId)
          .executeTakeFirstOrThrow()
      ).n,
    ) + 1;
  await db()
    .insertInto("entries")
    .values({
      id: entryId,
      contest_id: contestId,
      designer_id: designerId,
      number,
      status: "ready",
      current_revision_id: revisionId,
      revision_count: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db()
    .insertInto("entry_revisions")
    .values({
      id: revisionId,
      entry_id: entryId,
      contest_id: contestId,
      designer_id: designerId,
      version: 1,
      status: "ready",
      original_key: `private/originals/${contestId}/${entryId}/${revisionId}`,
      original_format: "png",
      original_bytes: 1234,
      width: 800,
      height: 800,
      preview_key: `public/previews/${contestId}/${revisionId}.webp`,
      thumbnail_key: `public/thumbs/${contestId}/${revisionId}.webp`,
      phash: "0123456789abcdef",
      created_at: at,
      ready_at: at,
    })
    .execute();
  return entryId;
}
