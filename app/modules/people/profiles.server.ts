import { db, transaction, type DB, type Trx } from "~db/index";
import { newId } from "~/utils/ids.server";
import { CATEGORY_KEYS, type Category } from "../contests/brief";
import { mediaUrl } from "../entries/media";
import { refusal, type Refusal } from "../refusal";
import { avatarUrls, type AvatarUrls } from "./avatars.server";
import { profileCompleteness, type Completeness } from "./completeness";
import { PROFILE_PIECES_SHOWN } from "./pieces";
import { publicPieces } from "./pieces.server";
import type { Level } from "./levels";
import { overallLevel, type CategoryStanding } from "./record";
import { designerStandings, medianReplyTime, starTotals } from "./record.server";
import { designerReviews, type PublicReview } from "./reviews.server";
import { refreshDesignerRecords } from "./designer-records.server";
import {
  handleFromName,
  initials,
  PROFILE_LANGUAGES,
  readCodes,
  type ProfileInput,
  type ProfileLanguage,
} from "./profiles";

export type ProfileFailure = "handle_taken";

/** A free handle for a new account: the name's slug, else with -2 … -9, else with a random tail. */
export async function uniqueHandle(executor: DB | Trx, displayName: string): Promise<string> {
  const base = handleFromName(displayName);
  const candidates = [base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`)];
  const taken = new Set(
    (await executor.selectFrom("users").select("handle").where("handle", "in", candidates).execute()).map(
      (r) => r.handle,
    ),
  );
  return candidates.find((c) => !taken.has(c)) ?? `${base}-${newId().slice(0, 5)}`;
}

/**
 * One item of a profile's portfolio: a winning entry of a public contest that is completed (unless
 * its client opted out), or a piece the designer uploaded ("own work").
 */
export type PortfolioItem =
  | {
      kind: "won";
      id: string;
      title: string;
      contestId: string;
      contestTitle: string;
      category: string;
      thumbnailUrl: string;
      at: number;
    }
  | { kind: "own"; id: string; title: string; category: string; thumbnailUrl: string; at: number };

export interface PublicProfile {
  handle: string;
  name: string;
  initials: string;
  avatar: AvatarUrls | null;
  bio: string;
  location: string;
  languages: ProfileLanguage[];
  categories: Category[];
  memberSince: number;
  stats: { entered: number; finalist: number; won: number };
  /** The clients' reviews: how many, and their stars' sum (the average is shown from these). */
  rating: { count: number; stars: number };
  /** The median time to answer a client's comment, in milliseconds, once there are enough. */
  replyMs: number | null;
  level: Level;
  standings: CategoryStanding[];
  reviews: PublicReview[];
  /** Winning entries and the newest own pieces, newest first. */
  portfolio: PortfolioItem[];
  /** How many own pieces there are in all (the profile shows PROFILE_PIECES_SHOWN at most). */
  piecesTotal: number;
}

/** The latest winning designs a profile shows (with as many own pieces): a page people can scan. */
export const PROFILE_WINS_SHOWN = 12;

/**
 * A designer's public profile, the same for every viewer. Its record is made only of public,
 * completed facts (ADR 0033): contests that are not private and whose status is `completed`, so a
 * profile never reveals a blind contest's entries before it ends, nor a private contest at all
 * (not even as a count).
 */
export async function getPublicProfile(handle: string): Promise<PublicProfile | null> {
  const user = await db()
    .selectFrom("users")
    .select([
      "id",
      "handle",
      "display_name",
      "avatar_id",
      "bio",
      "location",
      "languages",
      "categories",
      "created_at",
    ])
    .where("handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  if (!user || !user.handle) return null;
  const chosen = readCodes(user.categories, CATEGORY_KEYS as readonly Category[]);
  const [entered, finalist, won, wins, pieces, rating, replyMs, standings, reviews] = await Promise.all([
    contestsOnRecord()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("entries")
            .select("entries.id")
            .whereRef("entries.contest_id", "=", "contests.id")
            .where("entries.designer_id", "=", user.id)
            .where("entries.status", "=", "ready"),
        ),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    contestsOnRecord()
      .innerJoin("contest_finalists", "contest_finalists.contest_id", "contests.id")
      .where("contest_finalists.designer_id", "=", user.id)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    contestsOnRecord()
      .where("contests.winner_id", "=", user.id)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    contestsInPortfolio()
      .innerJoin("entries", "entries.id", "contests.winning_entry_id")
      .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .where("contests.winner_id", "=", user.id)
      .where("entries.designer_id", "=", user.id)
      .where("entries.status", "=", "ready")
      .where("entry_revisions.status", "=", "ready")
      .where("entry_revisions.thumbnail_key", "is not", null)
      .select([
        "entries.id as entry_id",
        "entries.title",
        "contests.id as contest_id",
        "contests.title as contest_title",
        "contests.category",
        "entry_revisions.thumbnail_key",
        "contests.ended_at",
      ])
      .orderBy("contests.ended_at", "desc")
      .orderBy("contests.id")
      .limit(PROFILE_WINS_SHOWN)
      .execute(),
    publicPieces(user.id, { limit: PROFILE_PIECES_SHOWN }),
    starTotals(user.id),
    medianReplyTime(user.id),
    designerStandings(user.id),
    designerReviews(user.id),
  ]);
  const portfolio: PortfolioItem[] = [
    ...wins.map((r) => ({
      kind: "won" as const,
      id: r.entry_id,
      title: r.title,
      contestId: r.contest_id,
      contestTitle: r.contest_title,
      category: r.category,
      thumbnailUrl: mediaUrl(r.thumbnail_key!),
      at: r.ended_at ?? 0,
    })),
    ...pieces.pieces.map((p) => ({
      kind: "own" as const,
      id: p.id,
      title: p.title,
      category: p.category,
      thumbnailUrl: p.thumbnailUrl,
      at: p.at,
    })),
  ].sort((a, b) => b.at - a.at);
  return {
    handle: user.handle,
    name: user.display_name,
    initials: initials(user.display_name),
    avatar: avatarUrls(user.id, user.avatar_id),
    bio: user.bio,
    location: user.location,
    languages: readCodes(user.languages, PROFILE_LANGUAGES),
    categories: chosen,
    memberSince: user.created_at,
    stats: { entered: Number(entered.n), finalist: Number(finalist.n), won: Number(won.n) },
    rating,
    replyMs,
    level: overallLevel(standings),
    standings,
    reviews,
    portfolio,
    piecesTotal: pieces.total,
  };
}

/** The contests a public record is made of: public ones that are completed (ADR 0033). */
function contestsOnRecord(q: DB | Trx = db()) {
  return q
    .selectFrom("contests")
    .where("contests.status", "=", "completed")
    .where("contests.is_private", "=", 0);
}

/**
 * The contests whose winning design a portfolio shows: those on the record whose client did not
 * opt out (the win still counts on the record; ADR 0036).
 */
function contestsInPortfolio(q: DB | Trx = db()) {
  return contestsOnRecord(q).where("contests.portfolio_opt_out", "=", 0);
}

/** Whether a designer's winning entry is in their public portfolio (the rule above, for others). */
export async function winInPortfolio(q: DB | Trx, designerId: string, entryId: string): Promise<boolean> {
  const row = await contestsInPortfolio(q)
    .select("contests.id")
    .where("contests.winning_entry_id", "=", entryId)
    .where("contests.winner_id", "=", designerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** What the account page's profile form starts from. */
export async function getOwnProfile(userId: string) {
  const user = await db()
    .selectFrom("users")
    .select(["handle", "display_name", "bio", "location", "languages", "categories"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return {
    handle: user.handle ?? (await uniqueHandle(db(), user.display_name)),
    bio: user.bio,
    location: user.location,
    languages: readCodes(user.languages, PROFILE_LANGUAGES),
    categories: readCodes(user.categories, CATEGORY_KEYS as readonly Category[]),
  };
}

/** The account page's view of one's own profile beyond the form: the avatar, and what is missing. */
export async function ownProfileStatus(
  userId: string,
): Promise<{ avatar: AvatarUrls | null; initials: string; completeness: Completeness }> {
  const user = await db()
    .selectFrom("users")
    .select(["display_name", "avatar_id", "bio", "location", "languages", "categories"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const [pieces, wins] = await Promise.all([
    publicPieces(userId, { limit: 0 }),
    contestsInPortfolio()
      .where("contests.winner_id", "=", userId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    avatar: avatarUrls(userId, user.avatar_id),
    initials: initials(user.display_name),
    completeness: profileCompleteness({
      hasAvatar: user.avatar_id !== null,
      bio: user.bio,
      location: user.location,
      languages: readCodes(user.languages, PROFILE_LANGUAGES),
      categories: readCodes(user.categories, CATEGORY_KEYS as readonly Category[]),
      works: pieces.total + Number(wins.n),
    }),
  };
}

export type UpdateProfileResult =
  { ok: true; handle: string } | (Refusal<"profile", "handle_taken"> & { field: "handle" });

/** Save a person's own profile; another account's handle is refused (the unique index decides a race). */
export async function updateProfile(userId: string, input: ProfileInput): Promise<UpdateProfileResult> {
  const taken = { ...refusal("profile", "handle_taken"), field: "handle" as const };
  const other = await db()
    .selectFrom("users")
    .select("id")
    .where("handle", "=", input.handle)
    .where("id", "!=", userId)
    .executeTakeFirst();
  if (other) return taken;
  try {
    await transaction(async (trx) => {
      await trx
        .updateTable("users")
        .set({
          handle: input.handle,
          bio: input.bio,
          location: input.location,
          languages: JSON.stringify(input.languages),
          categories: JSON.stringify(input.categories),
        })
        .where("id", "=", userId)
        .execute();
      // The directory searches and filters on these, and a chosen category has a row of its own.
      await refreshDesignerRecords(trx, [userId]);
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) return taken;
    throw error;
  }
  return { ok: true, handle: input.handle };
}
