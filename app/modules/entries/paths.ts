/** Where an entry's pages live (shared by routes, components and modules). */
export const entryPaths = {
  page: (entryId: string) => `/entries/${entryId}`,
  /** The page showing one revision of the entry. */
  revision: (entryId: string, revisionId: string) => `/entries/${entryId}?v=${revisionId}`,
  withdrawn: (entryId: string) => `/entries/${entryId}?withdrawn=1`,
  revise: (entryId: string) => `/entries/${entryId}/revise`,
  comments: (entryId: string) => `/entries/${entryId}/comments`,
};
