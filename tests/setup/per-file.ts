import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, inject, vi } from "vitest";
import { closeDb } from "~db/index";
import { resetClock } from "~/utils/clock.server";
import { resetConfig } from "~/utils/env.server";
import { pgUrl, isPostgresRun, withAdmin } from "./db-template";

// Each test file: its own data folder and its own copy of the migrated template database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-test-"));
const pgDatabase = `concours_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
process.env.DATA_DIR = dataDir;
process.env.SEED_DEMO = "false";
process.env.RUN_WORKER = "false";
process.env.APP_URL = "http://localhost:3000";

beforeAll(async () => {
  const template = inject("templateDb");
  if (isPostgresRun()) {
    await withAdmin((c) => c.query(`create database ${pgDatabase} template ${template}`));
    process.env.DATABASE_URL = pgUrl(pgDatabase);
  } else {
    fs.copyFileSync(template, path.join(dataDir, "concours.sqlite"));
    delete process.env.DATABASE_URL;
  }
  resetConfig();
});

// Unexpected errors are never noise: console.error fails the test that caused it.
const consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
});

afterEach(() => {
  resetClock();
  const calls = consoleError.mock.calls.map((args) => args.map(String).join(" "));
  consoleError.mockClear();
  expect(calls, "console.error was called").toEqual([]);
});

afterAll(async () => {
  await closeDb();
  if (isPostgresRun()) await withAdmin((c) => c.query(`drop database if exists ${pgDatabase} with (force)`));
  fs.rmSync(dataDir, { recursive: true, force: true });
});
