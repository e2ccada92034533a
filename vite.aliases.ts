import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Path aliases shared by Vite (app build) and Vitest; tsx reads tsconfig paths itself. */
export const aliases = [
  { find: /^~db\//, replacement: root("./db/") },
  { find: /^~storage\//, replacement: root("./storage/") },
  { find: /^~\//, replacement: root("./app/") },
];
