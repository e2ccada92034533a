/** Where the handover's pages and downloads live (shared by routes, components and tests). */
export const handoverPaths = {
  page: (contestId: string) => `/contests/${contestId}/handover`,
  approve: (contestId: string) => `/contests/${contestId}/handover/approve`,
  upload: (contestId: string) => `/api/contests/${contestId}/handover/files`,
  final: (contestId: string, versionId: string) => `/contests/${contestId}/handover/files/${versionId}`,
  zip: (contestId: string) => `/contests/${contestId}/handover/files.zip`,
  original: (contestId: string, revisionId: string) =>
    `/contests/${contestId}/handover/originals/${revisionId}`,
  agreementPdf: (contestId: string) => `/contests/${contestId}/handover/agreement.pdf`,
  agreementText: (contestId: string) => `/contests/${contestId}/handover/agreement.txt`,
};
