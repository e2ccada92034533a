import type { Kysely } from "kysely";
import { db, type Trx } from "~db/index";
import type { Database } from "~db/schema";
import { now } from "~/utils/clock.server";
import {
  decodeFeatures,
  encodeFeatures,
  FEATURES_VERSION,
  votingDescriptors,
  type ImageFeatures,
  type QueryFeatures,
} from "./features";
import { findCopies, type Verified } from "./search";
import { VoteIndex } from "./vote-index";

/**
 * The stored side of copy detection: features in `image_descriptors` (the truth, shared by every
 * app and worker process), and in each process a vote index over them that catches up before each
 * query with the rows added since it last looked. Rows are numbered by `seq`; on PostgreSQL a row
 * can commit after a higher number is already visible, so each catch-up reads again the last
 * LOOKBACK numbers and skips those it holds.
 */

export type SubjectKind = "revision" | "piece";
export interface Subject {
  kind: SubjectKind;
  id: string;
  designerId: string;
}
export interface Indexed extends Subject {
  seq: number;
}

const LOOKBACK = 256;

interface State {
  index: VoteIndex<Indexed>;
  lastSeq: number;
  held: Set<number>;
}
// One index per database handle (tests and benchmarks open several in one process).
const states = new WeakMap<object, State>();

function stateFor(handle: object): State {
  let s = states.get(handle);
  if (!s) {
    s = { index: new VoteIndex<Indexed>(), lastSeq: 0, held: new Set() };
    states.set(handle, s);
  }
  return s;
}

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

/** Keep an image's features (again: a rerun of the job replaces them). */
export async function storeFeatures(trx: Trx | Kysely<Database>, subject: Subject, features: ImageFeatures) {
  await trx
    .deleteFrom("image_descriptors")
    .where("subject_kind", "=", subject.kind)
    .where("subject_id", "=", subject.id)
    .execute();
  await trx
    .insertInto("image_descriptors")
    .values({
      subject_kind: subject.kind,
      subject_id: subject.id,
      designer_id: subject.designerId,
      version: features.version,
      voting: toBase64(votingDescriptors(features)),
      features: encodeFeatures(features).toString("base64"),
      created_at: now(),
    })
    .execute();
}

/** Bring this process's index up to the rows the database holds (as this transaction sees them). */
async function catchUp(trx: Trx | Kysely<Database>): Promise<State> {
  const state = stateFor(db());
  const rows = await trx
    .selectFrom("image_descriptors")
    .select(["seq", "subject_kind", "subject_id", "designer_id", "voting"])
    .where("seq", ">", state.lastSeq - LOOKBACK)
    .where("version", "=", FEATURES_VERSION)
    .orderBy("seq")
    .execute();
  for (const r of rows) {
    if (state.held.has(r.seq)) continue;
    state.held.add(r.seq);
    state.lastSeq = Math.max(state.lastSeq, r.seq);
    state.index.add(
      { seq: r.seq, kind: r.subject_kind, id: r.subject_id, designerId: r.designer_id },
      new Uint8Array(Buffer.from(r.voting, "base64")),
    );
  }
  return state;
}

/**
 * The stored features of these candidates that still count: a ready entry revision whose entry is
 * in a contest, or a ready portfolio piece. Whatever was withdrawn or deleted since is left out.
 */
async function loadLive(trx: Trx | Kysely<Database>, items: Indexed[]): Promise<Map<Indexed, ImageFeatures>> {
  const out = new Map<Indexed, ImageFeatures>();
  if (items.length === 0) return out;
  const rows = await trx
    .selectFrom("image_descriptors")
    .leftJoin("entry_revisions", (j) =>
      j
        .onRef("entry_revisions.id", "=", "image_descriptors.subject_id")
        .on("image_descriptors.subject_kind", "=", "revision"),
    )
    .leftJoin("portfolio_pieces", (j) =>
      j
        .onRef("portfolio_pieces.id", "=", "image_descriptors.subject_id")
        .on("image_descriptors.subject_kind", "=", "piece"),
    )
    .select([
      "image_descriptors.seq",
      "image_descriptors.features",
      "entry_revisions.status as revision_status",
      "portfolio_pieces.status as piece_status",
    ])
    .where(
      "image_descriptors.seq",
      "in",
      items.map((i) => i.seq),
    )
    .execute();
  const bySeq = new Map(items.map((i) => [i.seq, i]));
  for (const r of rows) {
    const live = r.revision_status === "ready" || r.piece_status === "ready";
    if (!live) continue;
    out.set(bySeq.get(r.seq)!, decodeFeatures(Buffer.from(r.features, "base64")));
  }
  return out;
}

/**
 * The stored images the new one copies, by anyone but `designerId` (or, with `own`, only among
 * that designer's own images, `exceptId` left out).
 */
export async function copiesOf(
  trx: Trx | Kysely<Database>,
  query: QueryFeatures,
  who: { designerId: string; own?: boolean; exceptId?: string },
): Promise<Verified<Indexed>[]> {
  const state = await catchUp(trx);
  return findCopies({
    query,
    index: state.index,
    keep: (item) =>
      item.id !== who.exceptId &&
      (who.own ? item.designerId === who.designerId : item.designerId !== who.designerId),
    load: (items) => loadLive(trx, items),
  });
}
