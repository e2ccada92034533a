import { winInPortfolio } from "./profiles.server";
import { db, transaction, type DB, type Trx } from "~db/index";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { admitDesigner } from "../contests/invitations.server";
import { loadContest } from "../contests/contests.server";
import { ownContest } from "../contests/drafts.server";
import { notifyUsers } from "../notify/notifications.server";
import { refusal, type Refusal } from "../refusal";
import type { Level } from "./levels";
import {
  invitationState,
  mayInvite,
  takesEntries,
  workedWith,
  type InvitationState,
  type NetworkFailure,
} from "./network";
import { overallLevel } from "./record";
import { standingsOf } from "./record.server";

export type { NetworkFailure };

/**
 * A client's network (issue 13; ADR 0038): the designers a person keeps ("my designers"), those they
 * follow (each new portfolio piece reaches their notifications), those they worked with (from the
 * record), and invitations of a known designer to one of the client's running contests. An
 * invitation names the designer by account, never by e-mail: the client never learns the address.
 * For a private contest it grants what an accepted e-mail invitation grants (admitDesigner).
 */

interface Person {
  id: string;
  handle: string;
  name: string;
}

async function personByHandle(executor: DB | Trx, handle: string): Promise<Person | null> {
  const row = await executor
    .selectFrom("users")
    .select(["id", "handle", "display_name"])
    .where("handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  return row?.handle ? { id: row.id, handle: row.handle, name: row.display_name } : null;
}

// ---- favourites and follows ----------------------------------------------------------------------

export type LinkResult = { ok: true; name: string } | Refusal<"network", "not_found" | "self">;

/**
 * Add a designer to, or take them off, a person's favourites ("my designers") or follows. Both
 * directions are idempotent: adding twice keeps one row, removing what is not there changes nothing.
 */
export async function setLink(input: {
  userId: string;
  handle: string;
  link: "favourite" | "follow";
  on: boolean;
}): Promise<LinkResult> {
  const designer = await personByHandle(db(), input.handle);
  if (!designer) return refusal("network", "not_found");
  if (designer.id === input.userId) return refusal("network", "self");
  const pair = { designer_id: designer.id, created_at: now() };
  if (input.link === "favourite") {
    if (input.on)
      await db()
        .insertInto("favourite_designers")
        .values({ client_id: input.userId, ...pair })
        .onConflict((oc) => oc.columns(["client_id", "designer_id"]).doNothing())
        .execute();
    else
      await db()
        .deleteFrom("favourite_designers")
        .where("client_id", "=", input.userId)
        .where("designer_id", "=", designer.id)
        .execute();
  } else if (input.on)
    await db()
      .insertInto("designer_follows")
      .values({ follower_id: input.userId, ...pair })
      .onConflict((oc) => oc.columns(["follower_id", "designer_id"]).doNothing())
      .execute();
  else
    await db()
      .deleteFrom("designer_follows")
      .where("follower_id", "=", input.userId)
      .where("designer_id", "=", designer.id)
      .execute();
  return { ok: true, name: designer.name };
}

/** A contest of the client's that takes entries now, and whether this designer is invited to it. */
export interface ContestChoice {
  id: string;
  title: string;
  isPrivate: boolean;
  /** Not launched yet: the invitation goes out at launch. */
  draft: boolean;
  invited: boolean;
}

/** What the profile's buttons show to this viewer (nothing to do on one's own profile). */
export interface NetworkState {
  self: boolean;
  favourite: boolean;
  following: boolean;
  /** The viewer's contests a designer may be invited to now. */
  contests: ContestChoice[];
}

export async function networkState(viewerId: string | null, handle: string): Promise<NetworkState | null> {
  const designer = await personByHandle(db(), handle);
  if (!designer) return null;
  if (viewerId === null) return { self: false, favourite: false, following: false, contests: [] };
  if (viewerId === designer.id) return { self: true, favourite: false, following: false, contests: [] };
  const [favourite, following, contests] = await Promise.all([
    db()
      .selectFrom("favourite_designers")
      .select("designer_id")
      .where("client_id", "=", viewerId)
      .where("designer_id", "=", designer.id)
      .executeTakeFirst(),
    db()
      .selectFrom("designer_follows")
      .select("designer_id")
      .where("follower_id", "=", viewerId)
      .where("designer_id", "=", designer.id)
      .executeTakeFirst(),
    contestChoices(viewerId, [designer.id]),
  ]);
  return {
    self: false,
    favourite: favourite !== undefined,
    following: following !== undefined,
    contests: contests.get(designer.id) ?? [],
  };
}

/**
 * The profile's share of the state: the profile is the same page for every viewer and names none of
 * the viewer's contests (not even in its data), only whether there is one to invite to.
 */
export function profileNetworkState(state: NetworkState): NetworkState & { canInvite: boolean } {
  return { ...state, contests: [], canInvite: state.contests.length > 0 };
}

/** The client's contests that take entries, and for each designer which of them they are invited to. */
async function contestChoices(
  clientId: string,
  designerIds: string[],
): Promise<Map<string, ContestChoice[]>> {
  const at = now();
  const open = (
    await db()
      .selectFrom("contests")
      .select(["id", "title", "is_private", "status", "round_ends_at"])
      .where("client_id", "=", clientId)
      .where("status", "in", ["qualifying", "draft"])
      .orderBy("status", "desc")
      .orderBy("round_ends_at")
      .orderBy("id")
      .execute()
  ).filter(
    (c) => c.status === "draft" || takesEntries({ status: c.status, roundEndsAt: c.round_ends_at }, at),
  );
  const invited =
    open.length && designerIds.length
      ? await db()
          .selectFrom("designer_invitations")
          .select(["contest_id", "designer_id"])
          .where(
            "contest_id",
            "in",
            open.map((c) => c.id),
          )
          .where("designer_id", "in", designerIds)
          .execute()
      : [];
  const done = new Set(invited.map((i) => `${i.contest_id}:${i.designer_id}`));
  return new Map(
    designerIds.map((d) => [
      d,
      open.map((c) => ({
        id: c.id,
        title: c.title,
        isPrivate: c.is_private === 1,
        draft: c.status === "draft",
        invited: done.has(`${c.id}:${d}`),
      })),
    ]),
  );
}

// ---- the client's list --------------------------------------------------------------------------

/** A designer as the lists show them: their profile, level and wins on the public record. */
export interface DesignerCard {
  id: string;
  handle: string;
  name: string;
  level: Level;
  wins: number;
  contests: ContestChoice[];
}

export interface MyDesigners {
  favourites: DesignerCard[];
  /** Designers who won, or were finalists of, one of this client's completed contests. */
  workedWith: (DesignerCard & { shared: { id: string; title: string; won: boolean }[] })[];
}

async function cards(clientId: string, ids: string[]): Promise<Map<string, DesignerCard>> {
  if (ids.length === 0) return new Map();
  const [users, standings, wins, choices] = await Promise.all([
    db()
      .selectFrom("users")
      .select(["id", "handle", "display_name"])
      .where("id", "in", ids)
      .where("handle", "is not", null)
      .execute(),
    standingsOf(ids),
    // The wins a profile shows: public contests, completed (ADR 0033).
    db()
      .selectFrom("contests")
      .select(["winner_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "=", "completed")
      .where("is_private", "=", 0)
      .where("winner_id", "in", ids)
      .groupBy("winner_id")
      .execute(),
    contestChoices(clientId, ids),
  ]);
  const winsOf = new Map(wins.map((w) => [w.winner_id, Number(w.n)]));
  return new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        handle: u.handle!,
        name: u.display_name,
        level: overallLevel(standings.get(u.id) ?? []),
        wins: winsOf.get(u.id) ?? 0,
        contests: choices.get(u.id) ?? [],
      },
    ]),
  );
}

/**
 * `/my/designers`: the client's favourites (the latest added first), and the designers they worked
 * with, from the record: the winner and the finalists of each of the client's completed contests,
 * private ones included (they are the client's own), with the contest named.
 */
export async function myDesigners(clientId: string): Promise<MyDesigners> {
  const [favourites, won, finalists] = await Promise.all([
    db()
      .selectFrom("favourite_designers")
      .select("designer_id")
      .where("client_id", "=", clientId)
      .orderBy("created_at", "desc")
      .orderBy("designer_id")
      .execute(),
    db()
      .selectFrom("contests")
      .select(["id", "title", "winner_id", "ended_at"])
      .where("client_id", "=", clientId)
      .where("status", "=", "completed")
      .where("winner_id", "is not", null)
      .execute(),
    db()
      .selectFrom("contest_finalists")
      .innerJoin("contests", "contests.id", "contest_finalists.contest_id")
      .select(["contests.id", "contests.title", "contests.ended_at", "contest_finalists.designer_id"])
      .where("contests.client_id", "=", clientId)
      .where("contests.status", "=", "completed")
      .execute(),
  ]);
  const shared = workedWith([
    ...won.map((c) => ({
      designerId: c.winner_id!,
      contestId: c.id,
      contestTitle: c.title,
      endedAt: c.ended_at ?? 0,
      won: true,
    })),
    ...finalists.map((c) => ({
      designerId: c.designer_id,
      contestId: c.id,
      contestTitle: c.title,
      endedAt: c.ended_at ?? 0,
      won: false,
    })),
  ]).filter((w) => w.designerId !== clientId);
  const ids = [...new Set([...favourites.map((f) => f.designer_id), ...shared.map((w) => w.designerId)])];
  const byId = await cards(clientId, ids);
  return {
    favourites: favourites.flatMap((f) => byId.get(f.designer_id) ?? []),
    workedWith: shared.flatMap((w) => {
      const card = byId.get(w.designerId);
      return card ? [{ ...card, shared: w.contests }] : [];
    }),
  };
}

// ---- invitations ----------------------------------------------------------------------------------

export type InviteResult =
  | {
      ok: true;
      already: boolean;
      /** To a draft: kept, and sent when the contest launches. */
      held: boolean;
      designerName: string;
      contestTitle: string;
      invitedAt: number;
    }
  | Refusal<"network">;

/**
 * A client invites a designer they know to one of their contests that takes entries. Someone else's
 * contest (or a draft of theirs that nobody else sees) is not found; a contest past qualifying is
 * closed; a second invitation is the first one again (nothing sent twice). For a private contest
 * the designer becomes a member, as an accepted e-mail invitation makes them; the designer is told
 * in the app and by mail, as their settings say, in the same transaction.
 */
export async function inviteToContest(input: {
  clientId: string;
  handle: string;
  contestId: string;
}): Promise<InviteResult> {
  const designer = await personByHandle(db(), input.handle);
  if (!designer) return refusal("network", "not_found");
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return refusal("network", "not_found");
  return transaction(async (trx) => {
    const contest = (await loadContest(trx, input.contestId, { lock: true }))!;
    const blocked = await trx
      .selectFrom("user_blocks")
      .select("blocker_id")
      .where("blocker_id", "=", designer.id)
      .where("blocked_id", "=", input.clientId)
      .executeTakeFirst();
    const decision = mayInvite({
      contest,
      clientId: input.clientId,
      designerId: designer.id,
      blocked: blocked !== undefined,
      now: now(),
    });
    if (!decision.ok) return refusal("network", decision.reason);
    const at = now();
    const inserted = await trx
      .insertInto("designer_invitations")
      .values({
        id: newId(),
        contest_id: contest.id,
        designer_id: designer.id,
        client_id: input.clientId,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(["contest_id", "designer_id"]).doNothing())
      .executeTakeFirst();
    const result = {
      ok: true as const,
      held: decision.held,
      designerName: designer.name,
      contestTitle: contest.title,
    };
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const first = await trx
        .selectFrom("designer_invitations")
        .select("created_at")
        .where("contest_id", "=", contest.id)
        .where("designer_id", "=", designer.id)
        .executeTakeFirstOrThrow();
      return { ...result, already: true, invitedAt: first.created_at };
    }
    if (!decision.held) await sendInvitations(trx, contest, [designer.id]);
    return { ...result, already: false, invitedAt: at };
  });
}

/** The invitation reaches the designers: a private contest lets them in; they are told. */
async function sendInvitations(
  trx: Trx,
  contest: { id: string; clientId: string; isPrivate: boolean },
  designerIds: string[],
) {
  if (designerIds.length === 0) return;
  if (contest.isPrivate) for (const id of designerIds) await admitDesigner(trx, contest.id, id);
  const client = await trx
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", contest.clientId)
    .executeTakeFirstOrThrow();
  await notifyUsers(trx, designerIds, {
    kind: contest.isPrivate ? "network.invited_private" : "network.invited",
    contestId: contest.id,
    data: { name: client.display_name },
  });
}

/**
 * A contest launches: the invitations its client made while it was a draft go out now, in the
 * launch's transaction (the launch happens once, so they are sent once).
 */
export async function sendHeldInvitations(
  trx: Trx,
  contest: { id: string; clientId: string; isPrivate: boolean },
) {
  const held = await trx
    .selectFrom("designer_invitations")
    .select("designer_id")
    .where("contest_id", "=", contest.id)
    .execute();
  await sendInvitations(
    trx,
    contest,
    held.map((h) => h.designer_id),
  );
}

/** An invitation as the designer sees it: who, to what, when, and whether it can still be used. */
export interface ReceivedInvitation {
  contestId: string;
  contestTitle: string;
  isPrivate: boolean;
  clientName: string;
  clientHandle: string | null;
  invitedAt: number;
  state: InvitationState;
}

/** `/my/invitations`: the invitations a designer received from clients, the latest first. */
export async function invitationsReceived(designerId: string): Promise<ReceivedInvitation[]> {
  const rows = await db()
    .selectFrom("designer_invitations")
    .innerJoin("contests", "contests.id", "designer_invitations.contest_id")
    .innerJoin("users", "users.id", "designer_invitations.client_id")
    .select([
      "contests.id",
      "contests.title",
      "contests.is_private",
      "contests.status",
      "contests.round_ends_at",
      "users.display_name",
      "users.handle",
      "designer_invitations.created_at",
    ])
    .where("designer_invitations.designer_id", "=", designerId)
    // Held for a draft: not theirs to see until the contest launches.
    .where("contests.status", "!=", "draft")
    .orderBy("designer_invitations.created_at", "desc")
    .orderBy("designer_invitations.id")
    .execute();
  const at = now();
  return rows.map((r) => ({
    contestId: r.id,
    contestTitle: r.title,
    isPrivate: r.is_private === 1,
    clientName: r.display_name,
    clientHandle: r.handle,
    invitedAt: r.created_at,
    state: invitationState({ status: r.status, roundEndsAt: r.round_ends_at }, at),
  }));
}

// ---- follows: new portfolio pieces ----------------------------------------------------------------

/** A piece that has just entered a designer's portfolio: a winning entry, or (later) an upload. */
export interface NewPiece {
  /** "entry" for a winning entry (its id an entry's); another module's kind for its own pieces. */
  kind: string;
  id: string;
  title: string;
}

/**
 * Tell a designer's followers that a piece entered their portfolio, in the caller's transaction
 * (the notification exists iff the piece does). A winning entry counts only once it is on the
 * public record (ADR 0033): the winning entry of a completed contest that is not private, so a
 * private contest is never told to anyone. Other kinds of piece (uploads) are the caller's to
 * vouch for: call this once the piece is public.
 */
export async function notifyFollowers(trx: Trx, designerId: string, piece: NewPiece) {
  // A win is news only when the portfolio shows it (public, completed, the client did not opt out).
  if (piece.kind === "entry" && !(await winInPortfolio(trx, designerId, piece.id))) return;
  const [followers, designer] = await Promise.all([
    trx.selectFrom("designer_follows").select("follower_id").where("designer_id", "=", designerId).execute(),
    trx
      .selectFrom("users")
      .select(["display_name", "handle"])
      .where("id", "=", designerId)
      .executeTakeFirst(),
  ]);
  if (!designer || followers.length === 0) return;
  const ids = followers.map((f) => f.follower_id);
  await notifyUsers(trx, ids, {
    kind: "network.new_piece",
    entryId: piece.kind === "entry" ? piece.id : null,
    data: {
      name: designer.display_name,
      handle: designer.handle,
      title: piece.title,
      pieceKind: piece.kind,
      pieceId: piece.id,
    },
  });
}

/**
 * The line a page shows after an invitation (its address names the contest and the designer): only
 * an invitation this client really sent is shown, so an edited address shows nothing.
 */
export async function invitationNotice(
  clientId: string,
  search: URLSearchParams,
): Promise<{ designerName: string; contestTitle: string; again: boolean; held: boolean } | null> {
  const contestId = search.get("invited");
  const handle = search.get("designer");
  if (!contestId || !handle) return null;
  const row = await db()
    .selectFrom("designer_invitations")
    .innerJoin("users", "users.id", "designer_invitations.designer_id")
    .innerJoin("contests", "contests.id", "designer_invitations.contest_id")
    .select(["users.display_name", "contests.title", "contests.status"])
    .where("designer_invitations.client_id", "=", clientId)
    .where("designer_invitations.contest_id", "=", contestId)
    .where("users.handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  return row
    ? {
        designerName: row.display_name,
        contestTitle: row.title,
        again: search.has("again"),
        held: row.status === "draft",
      }
    : null;
}

/** Whether the client invited this designer to this contest by name (their door is always open). */
export async function wasInvited(q: DB | Trx, contestId: string, designerId: string): Promise<boolean> {
  const row = await q
    .selectFrom("designer_invitations")
    .select("id")
    .where("contest_id", "=", contestId)
    .where("designer_id", "=", designerId)
    .executeTakeFirst();
  return row !== undefined;
}
