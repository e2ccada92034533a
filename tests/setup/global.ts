import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTemplate, PG_TEMPLATE, isPostgresRun, withAdmin } from "./db-template";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

const cacheDir = path.resolve(".cache/test");

export default async function setup(project: TestProject) {
  // HTTP-level tests serve the built app, as production does: build it once per run.
  if (process.env.SKIP_BUILD !== "1") {
    // A production build, as `npm start` serves it (Vitest's NODE_ENV=test would make React a dev build).
    execSync("npx remix vite:build --logLevel error", {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
  }
  const template = await createTemplate(cacheDir);
  project.provide("templateDb", template);
  return async () => {
    if (isPostgresRun()) {
      await withAdmin((c) => c.query(`drop database if exists ${PG_TEMPLATE} with (force)`));
    } else {
      fs.rmSync(template, { force: true });
    }
  };
}
