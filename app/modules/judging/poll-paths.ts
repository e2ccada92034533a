/** Where a poll's pages live (shared by routes and modules). */
export const pollPaths = {
  page: (slug: string) => `/polls/${slug}`,
  voted: (slug: string) => `/polls/${slug}?voted=1`,
  media: (slug: string, entryId: string) => `/polls/${slug}/media/${entryId}`,
};
