import { transaction, type Trx } from "~db/index";
import { blobStore, keys } from "~storage/index";
import { now } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { contestAccess } from "../contests/access.server";
import { loadContest, toMachine, type Contest } from "../contests/contests.server";
import { ENTRY_LEVEL_CONTESTS, ENTRY_LEVEL_WINDOW_DAYS, TIER_FLOOR, tierOpenTo } from "../contests/tiers";
import { entryStanding } from "../people/record.server";
import { wasInvited } from "../people/network.server";
import { canSubmitEntry } from "../contests/machine";
import { enqueueJob } from "../jobs/queue.server";
import { refusal as refusalOf, type Refusal, type RefusalVars } from "../refusal";
import type { InspectedImage } from "./images.server";

export type SubmitResult = { ok: true; entryId: string; revisionId: string } | Refusal<"entry">;

export type EntryRefusalReason =
  | "not_found"
  | "not_designer"
  | "nda_first"
  | "eliminated"
  | "finalists_only"
  | "closed"
  | "limit"
  | "revise_closed"
  | "not_withdrawable"
  | "tier_level"
  | "entry_cap"
  | "ai_undeclared"
  | "ai_forbidden";

const refused = (reason: EntryRefusalReason, vars?: RefusalVars) => refusalOf("entry", reason, vars);

/**
 * The bytes of an upload already vetted by receiveDraft (the decoder decided the type), and the
 * designer's answer to "made with generative AI?" (null: not answered).
 */
type Submission = {
  contestId: string;
  designerId: string;
  file: Buffer;
  image: InspectedImage;
  aiDeclared: boolean | null;
};

/**
 * Every version declares whether generative AI made it, and one that did is refused where the
 * brief does not accept it (ADR 0041). Checked after the round, so a closed contest says so first.
 */
function declarationRefusal(contest: Contest, aiDeclared: boolean | null) {
  if (aiDeclared === null) return refused("ai_undeclared");
  if (aiDeclared && !contest.aiAllowed) return refused("ai_forbidden");
  return null;
}

/** Why this designer may not send a design to this contest now, or null. */
async function refusal(
  trx: Parameters<typeof contestAccess>[0],
  input: { contestId: string; designerId: string },
  lock: boolean,
) {
  const contest = await loadContest(trx, input.contestId, { lock });
  if (!contest) return { refusal: refused("not_found") };
  const access = await contestAccess(trx, contest, input.designerId);
  if (!access.canView) return { refusal: refused("not_found") };
  if (access.isClient || access.isJudge) return { refusal: refused("not_designer") };
  if (access.ndaPending) return { refusal: refused("nda_first") };
  if (access.eliminated) return { refusal: refused("eliminated") };
  if (!canSubmitEntry(toMachine(contest), input.designerId, now())) {
    return {
      refusal: contest.status === "final_round" ? refused("finalists_only") : refused("closed"),
    };
  }
  const tierRefusal = await tierGate(trx, contest, input.designerId, access.isInvitedDesigner);
  return tierRefusal ? { refusal: tierRefusal } : { contest };
}

/**
 * The tier's door (ADR 0039), checked on a designer's first entry in a contest: their level in its
 * category must reach the tier's floor, and an entry-level designer takes part in at most
 * ENTRY_LEVEL_CONTESTS contests in the rolling window. A designer the client invited by name, or
 * one already in the contest, is not stopped.
 */
async function tierGate(
  trx: Parameters<typeof contestAccess>[0],
  contest: Contest,
  designerId: string,
  invited: boolean,
) {
  if (invited || (await wasInvited(trx, contest.id, designerId))) return null;
  const already = await trx
    .selectFrom("entries")
    .select("id")
    .where("contest_id", "=", contest.id)
    .where("designer_id", "=", designerId)
    .executeTakeFirst();
  if (already) return null;
  const standing = await entryStanding(trx, designerId, contest.category, now());
  if (!tierOpenTo(contest.tier, standing.level)) {
    return refused("tier_level", {
      tier: contest.tier,
      floor: TIER_FLOOR[contest.tier],
      level: standing.level,
    });
  }
  if (standing.overall === "entry" && standing.recentContests >= ENTRY_LEVEL_CONTESTS) {
    return refused("entry_cap", { max: ENTRY_LEVEL_CONTESTS, days: ENTRY_LEVEL_WINDOW_DAYS });
  }
  return null;
}

async function storeOriginal(input: Submission, entryId: string, revisionId: string) {
  const key = keys.original(input.contestId, entryId, revisionId);
  // The original is stored before its row commits: a crash in between leaves an unreferenced blob
  // (swept later), never a row without its bytes.
  await blobStore().put(key, input.file, { contentType: input.image.contentType });
  return { key, inspection: input.image };
}

/** A new version, `processing` until the durable job has made its images. */
async function addProcessingRevision(
  trx: Trx,
  r: {
    id: string;
    entryId: string;
    contestId: string;
    designerId: string;
    version: number;
    stored: Awaited<ReturnType<typeof storeOriginal>>;
    aiDeclared: boolean;
    at: number;
  },
) {
  await trx
    .insertInto("entry_revisions")
    .values({
      id: r.id,
      entry_id: r.entryId,
      contest_id: r.contestId,
      designer_id: r.designerId,
      version: r.version,
      status: "processing",
      original_key: r.stored.key,
      original_format: r.stored.inspection.format,
      original_bytes: r.stored.inspection.bytes,
      width: r.stored.inspection.width,
      height: r.stored.inspection.height,
      ai_declared: r.aiDeclared ? 1 : 0,
      created_at: r.at,
    })
    .execute();
  await enqueueJob(trx, {
    kind: "entries.process",
    payload: { revisionId: r.id },
    uniqueKey: `entries.process:${r.id}`,
  });
}

/**
 * Whether the designer may send a design now (the refusal to show instead of the form, or null), and
 * the contest's generative-AI rule the form states.
 */
export async function entryEligibility(input: { contestId: string; designerId: string }) {
  const checked = await transaction((trx) => refusal(trx, input, false));
  if (checked.refusal) return { refusal: checked.refusal, aiAllowed: false };
  return { refusal: null, aiAllowed: checked.contest.aiAllowed };
}

/**
 * A designer sends a new design: checked against the contest's round and the designer's standing,
 * decoded and vetted, its original stored privately; a durable job makes the previews.
 */
export async function submitEntry(
  input: Submission & { title: string; note: string },
): Promise<SubmitResult> {
  const first = await transaction((trx) => refusal(trx, input, false));
  if (first.refusal) return first.refusal;
  const undeclared = declarationRefusal(first.contest, input.aiDeclared);
  if (undeclared) return undeclared;
  const entryId = newId();
  const revisionId = newId();
  const stored = await storeOriginal(input, entryId, revisionId);

  const result = await transaction(async (trx): Promise<SubmitResult> => {
    // Again, under the contest's lock: the round may have ended while the bytes travelled.
    const again = await refusal(trx, input, true);
    if (again.refusal) return again.refusal;
    const declaration = declarationRefusal(again.contest, input.aiDeclared);
    if (declaration) return declaration;
    const active = await trx
      .selectFrom("entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("contest_id", "=", input.contestId)
      .where("designer_id", "=", input.designerId)
      .where("status", "in", ["processing", "ready"])
      .executeTakeFirstOrThrow();
    const limit = config().ENTRY_LIMIT;
    if (Number(active.n) >= limit) return refused("limit", { limit });
    const last = await trx
      .selectFrom("entries")
      .select((eb) => eb.fn.max<number>("number").as("n"))
      .where("contest_id", "=", input.contestId)
      .executeTakeFirstOrThrow();
    const at = now();
    await trx
      .insertInto("entries")
      .values({
        id: entryId,
        contest_id: input.contestId,
        designer_id: input.designerId,
        number: (last.n ?? 0) + 1,
        title: input.title,
        note: input.note,
        status: "processing",
        current_revision_id: null,
        revision_count: 1,
        ai_declared: input.aiDeclared ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await addProcessingRevision(trx, {
      id: revisionId,
      entryId: entryId,
      contestId: input.contestId,
      designerId: input.designerId,
      version: 1,
      stored,
      aiDeclared: input.aiDeclared === true,
      at,
    });
    return { ok: true, entryId, revisionId };
  });
  if (!result.ok) await blobStore().delete(stored.key);
  return result;
}

/** The designer's own entry, if it may still take a new version (the round is checked apart). */
async function revisableEntry(trx: Trx, input: { entryId: string; designerId: string }) {
  const entry = await trx
    .selectFrom("entries")
    .select(["id", "contest_id", "designer_id", "status"])
    .where("id", "=", input.entryId)
    .executeTakeFirst();
  if (!entry || entry.designer_id !== input.designerId) return { refusal: refused("not_found") } as const;
  if (entry.status === "withdrawn" || entry.status === "declined" || entry.status === "hidden")
    return { refusal: refused("revise_closed") } as const;
  return { entry } as const;
}

/** Whether the designer may send a new version of this entry now: null, or the refusal to show. */
export async function revisionEligibility(input: { entryId: string; designerId: string }) {
  return transaction(async (trx) => {
    const own = await revisableEntry(trx, input);
    if (own.refusal) return own.refusal;
    const checked = await refusal(
      trx,
      { contestId: own.entry.contest_id, designerId: input.designerId },
      false,
    );
    return checked.refusal ?? null;
  });
}

/** A new version of an entry: all versions are kept; the entry shows the newest once it is ready. */
export async function submitRevision(input: {
  entryId: string;
  designerId: string;
  file: Buffer;
  image: InspectedImage;
  aiDeclared: boolean | null;
}): Promise<SubmitResult> {
  const own = await transaction((trx) => revisableEntry(trx, input));
  if (own.refusal) return own.refusal;
  const { entry } = own;
  const submission = {
    contestId: entry.contest_id,
    designerId: input.designerId,
    file: input.file,
    image: input.image,
    aiDeclared: input.aiDeclared,
  };
  const first = await transaction((trx) => refusal(trx, submission, false));
  if (first.refusal) return first.refusal;
  const undeclared = declarationRefusal(first.contest, input.aiDeclared);
  if (undeclared) return undeclared;
  const revisionId = newId();
  const stored = await storeOriginal(submission, entry.id, revisionId);
  const result = await transaction(async (trx): Promise<SubmitResult> => {
    const again = await refusal(trx, submission, true);
    if (again.refusal) return again.refusal;
    const declaration = declarationRefusal(again.contest, input.aiDeclared);
    if (declaration) return declaration;
    const current = await trx
      .selectFrom("entries")
      .select(["status", "revision_count"])
      .where("id", "=", entry.id)
      .executeTakeFirstOrThrow();
    if (current.status === "withdrawn" || current.status === "declined" || current.status === "hidden")
      return refused("revise_closed");
    const version = current.revision_count + 1;
    const at = now();
    await trx
      .updateTable("entries")
      .set({ revision_count: version, updated_at: at })
      .where("id", "=", entry.id)
      .execute();
    await addProcessingRevision(trx, {
      id: revisionId,
      entryId: entry.id,
      contestId: entry.contest_id,
      designerId: input.designerId,
      version: version,
      stored,
      aiDeclared: input.aiDeclared === true,
      at,
    });
    return { ok: true, entryId: entry.id, revisionId };
  });
  if (!result.ok) await blobStore().delete(stored.key);
  return result;
}
