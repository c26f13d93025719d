/**
 * The addresses of what Corroborate publishes, readable without signing in (docs/api.md
 * "Published fact-checks"): stable for as long as the claim stays published.
 */
export const factCheckPath = (claimId: string): string => `/fact-checks/${claimId}`;

/** A document's published fact-checks, listed. */
export const publishedDocumentPath = (documentId: string): string => `/fact-checks/documents/${documentId}`;

/** The archived copy of a published check's link evidence. */
export const publishedArchivePath = (claimId: string, evidenceId: string): string => `/fact-checks/${claimId}/evidence/${evidenceId}/archive`;
