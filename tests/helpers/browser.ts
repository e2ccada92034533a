import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { db } from "~db/index";
import { DEMO_PASSWORD } from "~db/seed";

export const ARTIFACTS = path.resolve("test-artifacts");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * The real app as a separate process (the built app, SQLite in a fresh data folder, its own worker),
 * exactly as the README's first command runs it.
 */
export async function startAppProcess(env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-e2e-"));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      APP_URL: url,
      DATABASE_URL: "",
      LOG_LEVEL: "error",
      SEED_DEMO: "true",
      RUN_WORKER: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every non-persistent launch a fresh, empty user-data-dir of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function artifactPath(name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * A log line that is not an error of ours: when a navigation is superseded while its data is still
 * arriving (two quick moves in the rating viewer), Remix's single fetch logs the aborted decode with
 * console.error before React Router drops it as intended (@remix-run/react single-fetch.js,
 * `fetchAndDecode`). Nothing breaks and the person sees nothing.
 */
const SUPERSEDED_NAVIGATION = /^AbortError: signal is aborted without reason\n/;

/** Every uncaught error and console error of a page, to assert there were none. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !SUPERSEDED_NAVIGATION.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** The fixtures' shared password (tests/helpers/fixtures.ts). */
export const FIXTURE_PASSWORD = "a test passphrase";

/**
 * Log in through the login form, as a person does, and wait until the page names them. `who` is an
 * e-mail, or the id of a user made by the fixtures (its e-mail is looked up).
 */
export async function logInThroughForm(
  page: Page,
  base: string,
  who: string,
  password = who.endsWith("@demo.concours") ? DEMO_PASSWORD : FIXTURE_PASSWORD,
) {
  const email = who.includes("@")
    ? who
    : (await db().selectFrom("users").select("email").where("id", "=", who).executeTakeFirstOrThrow()).email;
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByTestId("current-user").waitFor({ state: "attached" });
}
