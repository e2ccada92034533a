import { db } from "~db/index";
import { blobStore, keys } from "~storage/index";
import { newId } from "~/utils/ids.server";
import { receiveDraft, type ReceivedDraft } from "../entries/drafts.server";
import { renderSquareCrops } from "../entries/images.server";
import { mediaUrl } from "../entries/media";
import { isRefused } from "../refusal";

/**
 * A person's avatar: an uploaded image read under the same hostile-file rules as an entry (the
 * byte cap while streaming, the decoder decides the type, the pixel cap before decoding, orientation
 * applied, metadata dropped), turned at once into square WebP crops under public keys. The upload's
 * own bytes are never kept.
 */

/** The crops we keep: the profile's header and small marks beside a name. */
export const AVATAR_LARGE = 256;
export const AVATAR_SMALL = 64;
const AVATAR_SIDES = [AVATAR_LARGE, AVATAR_SMALL] as const;
/** A portrait needs far less than an entry: 10 MB is plenty for any camera's photo. */
export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;

export type AvatarUrls = { large: string; small: string };

/** Where the browser loads a person's avatar, or null when they have none. */
export function avatarUrls(userId: string, avatarId: string | null): AvatarUrls | null {
  if (!avatarId) return null;
  return {
    large: mediaUrl(keys.avatar(userId, avatarId, AVATAR_LARGE)),
    small: mediaUrl(keys.avatar(userId, avatarId, AVATAR_SMALL)),
  };
}

export type AvatarResult = { ok: true; urls: AvatarUrls } | Exclude<ReceivedDraft, { ok: true }>;

/**
 * Replace a person's avatar with the image in this multipart request (field `file`). A refused
 * file changes nothing; the previous avatar's crops are deleted once the new one is on the account.
 */
export async function replaceAvatar(request: Request, userId: string): Promise<AvatarResult> {
  const draft = await receiveDraft(request, { maxBytes: AVATAR_MAX_BYTES });
  if (!draft.ok) return draft;
  let crops: Buffer[];
  try {
    crops = await renderSquareCrops(draft.bytes, AVATAR_SIDES);
  } catch (error) {
    if (isRefused(error, "image")) return { ...error.refusal, detectedType: draft.image.format };
    throw error;
  }
  const avatarId = newId();
  for (const [i, side] of AVATAR_SIDES.entries()) {
    await blobStore().put(keys.avatar(userId, avatarId, side), crops[i]!, { contentType: "image/webp" });
  }
  const before = await db()
    .selectFrom("users")
    .select("avatar_id")
    .where("id", "=", userId)
    .executeTakeFirst();
  await db().updateTable("users").set({ avatar_id: avatarId }).where("id", "=", userId).execute();
  if (before?.avatar_id) await deleteCrops(userId, before.avatar_id);
  return { ok: true, urls: avatarUrls(userId, avatarId)! };
}

/** Back to the initials. Removing an avatar one does not have does nothing. */
export async function removeAvatar(userId: string): Promise<void> {
  const before = await db()
    .selectFrom("users")
    .select("avatar_id")
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!before?.avatar_id) return;
  await db()
    .updateTable("users")
    .set({ avatar_id: null })
    .where("id", "=", userId)
    .where("avatar_id", "=", before.avatar_id)
    .execute();
  await deleteCrops(userId, before.avatar_id);
}

async function deleteCrops(userId: string, avatarId: string) {
  for (const side of AVATAR_SIDES) await blobStore().delete(keys.avatar(userId, avatarId, side));
}

/** The key, when it is a crop of someone's current avatar (avatars are public), else null. */
export async function publicAvatarKey(key: string): Promise<string | null> {
  const m = /^public\/avatars\/([a-z0-9]+)\/([a-z0-9]+)-(\d+)\.webp$/.exec(key);
  if (!m || !(AVATAR_SIDES as readonly number[]).includes(Number(m[3]))) return null;
  const user = await db().selectFrom("users").select("avatar_id").where("id", "=", m[1]!).executeTakeFirst();
  return user?.avatar_id === m[2] ? key : null;
}
