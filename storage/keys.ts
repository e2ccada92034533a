/**
 * The key layout. Originals and final files are private (never served as they are); previews and
 * thumbnails are the only public bytes.
 */
export const keys = {
  original: (contestId: string, entryId: string, revisionId: string) =>
    `private/originals/${contestId}/${entryId}/${revisionId}`,
  preview: (contestId: string, revisionId: string) => `public/previews/${contestId}/${revisionId}.webp`,
  thumbnail: (contestId: string, revisionId: string) => `public/thumbs/${contestId}/${revisionId}.webp`,
  reference: (contestId: string, referenceId: string) => `private/references/${contestId}/${referenceId}`,
  finalFile: (contestId: string, fileId: string) => `private/finals/${contestId}/${fileId}`,
};
