import type { enSimilarity } from "./en-similarity";

/** Français : la détection des copies (décision 40). */
export const frSimilarity: Record<keyof typeof enSimilarity, string> = {
  "similarity.laterPiece": "Ressemble à une pièce du portfolio d’un autre designer, à examiner",
};
