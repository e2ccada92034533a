/**
 * How complete a designer's public profile is: what is missing among the things clients look at
 * before inviting someone (a face, a few words, where they are, the languages and kinds of work,
 * and some work to see), as a percentage and a list of "add …" hints, each with where to add it.
 */

/** Pieces a profile needs for "some work to see" (winning designs count too). */
export const PIECES_FOR_COMPLETE = 3;

export const PROFILE_PARTS = ["avatar", "bio", "location", "languages", "categories", "pieces"] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

/** Where each part is added: an anchor on the account page, or the portfolio page. */
export const PART_TARGETS: Record<ProfilePart, string> = {
  avatar: "/account#avatar",
  bio: "/account#profile-bio",
  location: "/account#profile-location",
  languages: "/account#profile-languages",
  categories: "/account#profile-categories",
  pieces: "/account/portfolio",
};

export interface ProfileFacts {
  hasAvatar: boolean;
  bio: string;
  location: string;
  languages: readonly string[];
  categories: readonly string[];
  /** Ready portfolio pieces plus winning designs shown on the profile. */
  works: number;
}

export interface Completeness {
  /** 0 to 100, whole: the share of parts present. */
  percent: number;
  /** The parts still missing, in the order they appear on the profile, each with its target. */
  missing: { part: ProfilePart; href: string }[];
}

export function profileCompleteness(facts: ProfileFacts): Completeness {
  const present: Record<ProfilePart, boolean> = {
    avatar: facts.hasAvatar,
    bio: facts.bio.trim().length > 0,
    location: facts.location.trim().length > 0,
    languages: facts.languages.length > 0,
    categories: facts.categories.length > 0,
    pieces: facts.works >= PIECES_FOR_COMPLETE,
  };
  const missing = PROFILE_PARTS.filter((part) => !present[part]).map((part) => ({
    part,
    href: PART_TARGETS[part],
  }));
  const done = PROFILE_PARTS.length - missing.length;
  return { percent: Math.round((done / PROFILE_PARTS.length) * 100), missing };
}
