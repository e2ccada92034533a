/** Where the handover's pages and downloads live (shared by routes, components and tests). */
export const handoverPaths = {
  page: (contestId: string) => `/contests/${contestId}/handover`,
  /**
   * Where an upload lands: the page, naming the new version. Each upload's address is its own, so
   * the upload form's move to it loads the page again (an address that differed only by its hash,
   * as `?uploaded=1#files` did from the second upload on, would only scroll).
   */
  uploaded: (contestId: string, upload: { versionId: string; version: number }) =>
    `/contests/${contestId}/handover?${upload.version > 1 ? "replaced" : "uploaded"}=${upload.versionId}#files`,
  approve: (contestId: string) => `/contests/${contestId}/handover/approve`,
  upload: (contestId: string) => `/api/contests/${contestId}/handover/files`,
  final: (contestId: string, versionId: string) => `/contests/${contestId}/handover/files/${versionId}`,
  zip: (contestId: string) => `/contests/${contestId}/handover/files.zip`,
  original: (contestId: string, revisionId: string) =>
    `/contests/${contestId}/handover/originals/${revisionId}`,
  agreementPdf: (contestId: string) => `/contests/${contestId}/handover/agreement.pdf`,
  agreementText: (contestId: string) => `/contests/${contestId}/handover/agreement.txt`,
};
