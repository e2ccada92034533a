import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "~db/seed";
import { TestClient } from "./http-client";

async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type ProductionApp = Awaited<ReturnType<typeof startProductionApp>>;

/**
 * The app as the README's first command runs it: `npm start` on the built app (production mode,
 * the default config, demo data), in a fresh data folder. Only PORT and DATA_DIR are ours.
 */
export async function startProductionApp(extraEnv: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-prod-"));
  const port = await freePort();
  const env: Record<string, string> = {};
  // The machine's environment, less what the test runner set for itself.
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v === undefined ||
      /^(VITEST|TEST_|NODE_ENV$|DATA_DIR$|SEED_DEMO$|RUN_WORKER$|APP_URL$|DATABASE_URL$|LOG_LEVEL$)/.test(k)
    )
      continue;
    env[k] = v;
  }
  Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, ...extraEnv });
  let output = "";
  const child: ChildProcess = spawn("npm", ["start"], {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && output.includes("Concours is running")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 90_000) throw new Error(`the app did not start in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    password: DEMO_PASSWORD,
    /** Everything the process printed so far (stdout and stderr). */
    output: () => output,
    client: () => new TestClient(url),
    async login(email: string) {
      const client = new TestClient(url);
      const res = await client.post("/login", { email, password: DEMO_PASSWORD });
      if (res.status !== 302) throw new Error(`login as ${email} answered ${res.status}`);
      return client;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(-child.pid!, "SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
