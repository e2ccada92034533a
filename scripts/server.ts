// The app's process: `npm start` (built app) or `npm run dev` (through Vite).
import type { ServerBuild } from "@remix-run/node";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { boot } from "~/server/boot.server";
import { createHttpApp } from "~/server/http.server";
import { config, ConfigError } from "~/utils/env.server";
import { log } from "~/utils/log.server";

async function main() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  let cfg;
  try {
    cfg = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const runtime = await boot();

  let app;
  if (cfg.isProduction) {
    const buildFile = path.resolve("build/server/index.js");
    const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
    app = createHttpApp({ build });
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    app = createHttpApp({
      build: () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      viteMiddlewares: devServer.middlewares,
    });
  }

  const server = app.listen(cfg.PORT, cfg.HOST, () => {
    log("info", "server.listening", { url: cfg.appUrl, port: cfg.PORT, database: cfg.database.kind });
    process.stdout.write(`\n  Concours is running at ${cfg.appUrl}\n\n`);
  });

  const stop = async (signal: string) => {
    log("info", "server.stopping", { signal });
    server.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  process.stderr.write(
    `Concours failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
