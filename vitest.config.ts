import { defineConfig } from "vitest/config";
import { aliases } from "./vite.aliases";

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/browser/**", "node_modules/**"],
    setupFiles: ["tests/setup/per-file.ts"],
    globalSetup: ["tests/setup/global.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
