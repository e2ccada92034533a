import { db } from "~db/index";
import type { Locale } from "~/i18n";
import { hashPassword } from "~/modules/auth/passwords.server";
import { REVIEW_STEP } from "~/modules/contests/brief";
import { createDraft } from "~/modules/contests/contests.server";
import { launchContest } from "~/modules/contests/launch.server";
import { handleFromName } from "~/modules/people/profiles";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";

let cachedHash: Promise<string> | null = null;

/**
 * A user straight in the database (the sign-up flow has its own tests). Their account reads
 * English, as the assertions do (mail is written in the recipient's `users.locale`); pass `null`
 * for someone who never chose (they get French, the default). Their address is verified unless a
 * test says otherwise (`{ verified: false }`): money moves only for verified addresses (ADR 0042).
 */
export async function makeUser(
  name: string,
  role: "client" | "designer" = "designer",
  password = "a test passphrase",
  locale: Locale | null = "en",
  { verified = true }: { verified?: boolean } = {},
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
      handle: `${handleFromName(name)}-${id.slice(0, 5)}`,
      password_hash: password === "a test passphrase" ? await cachedHash : await hashPassword(password),
      role,
      locale,
      created_at: at,
      password_changed_at: at,
      email_verified_at: verified ? at : null,
    })
    .execute();
  return id;
}

/** A complete draft, ready for the review-and-launch step. */
export async function makeReadyDraft(
  clientId: string,
  patch: { fastTrack?: boolean; prize?: number; guaranteed?: boolean } = {},
) {
  const id = await createDraft({
    clientId,
    category: "logo",
    title: "Logo for a bakery",
    businessName: "Pain d'Or",
    currency: "USD",
  });
  await db()
    .updateTable("contests")
    .set({
      description: "A warm logo for a neighbourhood bakery.",
      fast_track: patch.fastTrack ? 1 : 0,
      guaranteed: patch.guaranteed ? 1 : 0,
      prize_minor: patch.prize ?? 49_900,
      draft_step: REVIEW_STEP,
    })
    .where("id", "=", id)
    .execute();
  return id;
}

/** A contest launched into qualifying the real way: paid with the sandbox's test card, held in escrow. */
export async function makeLaunchedContest(
  clientId: string,
  patch: {
    fastTrack?: boolean;
    prize?: number;
    guaranteed?: boolean;
    billing?: { country: string; province?: string };
  } = {},
) {
  const id = await makeReadyDraft(clientId, patch);
  const result = await launchContest({
    contestId: id,
    clientId,
    card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123", name: "Test Client" },
    // Billed outside Canada unless a test says otherwise: no sales tax on the fee.
    billing: patch.billing ?? { country: "US" },
    idempotencyKey: newId(),
  });
  if (!result.ok) throw new Error(`launch failed: ${JSON.stringify(result)}`);
  return result.contest;
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
