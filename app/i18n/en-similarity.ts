/** English: copy detection (decision 40). */
export const enSimilarity = {
  "similarity.laterPiece": "Similar to a portfolio piece by another designer, please review",
} as const;
