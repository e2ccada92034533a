/**
 * The key layout. Originals and final files are private (never served as they are); previews and
 * thumbnails are the only public bytes.
 */
export const keys = {
  original: (contestId: string, entryId: string, revisionId: string) =>
    `private/originals/${contestId}/${entryId}/${revisionId}`,
  // Public keys name the watermark's version: images drawn again get new keys, so a cached copy of
  // the older bytes is never taken for the newer (the media route serves them as immutable).
  preview: (contestId: string, revisionId: string, watermark: number) =>
    `public/previews/${contestId}/${revisionId}-w${watermark}.webp`,
  thumbnail: (contestId: string, revisionId: string, watermark: number) =>
    `public/thumbs/${contestId}/${revisionId}-w${watermark}.webp`,
  reference: (contestId: string, referenceId: string) => `private/references/${contestId}/${referenceId}`,
  finalFile: (contestId: string, fileId: string) => `private/finals/${contestId}/${fileId}`,
  messageAttachment: (conversationId: string, attachmentId: string) =>
    `private/messages/${conversationId}/${attachmentId}`,
  // A person's avatar: square WebP crops, public; a new avatar gets a new id, so new keys.
  avatar: (userId: string, avatarId: string, side: number) =>
    `public/avatars/${userId}/${avatarId}-${side}.webp`,
  // A designer's portfolio piece: the original private, the watermarked images public.
  pieceOriginal: (designerId: string, pieceId: string) => `private/pieces/${designerId}/${pieceId}`,
  piecePreview: (designerId: string, pieceId: string, watermark: number) =>
    `public/pieces/${designerId}/${pieceId}-p-w${watermark}.webp`,
  pieceThumbnail: (designerId: string, pieceId: string, watermark: number) =>
    `public/pieces/${designerId}/${pieceId}-t-w${watermark}.webp`,
};
