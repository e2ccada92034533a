import type { ServerBuild } from "@remix-run/node";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { registerAllJobHandlers } from "~/modules/jobs/handlers.server";
import { createHttpApp } from "~/server/http.server";
import { TestClient } from "./http-client";

/** The built app served on a random local port, as production serves it. */
export async function startTestServer() {
  registerAllJobHandlers();
  const build = (await import(
    /* @vite-ignore */ pathToFileURL(path.resolve("build/server/index.js")).href
  )) as ServerBuild;
  const app = createHttpApp({ build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    client: () => new TestClient(url),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A logged-in client for a user made by the fixtures (they share one known password). */
export async function loginAs(server: { client: () => TestClient }, userId: string): Promise<TestClient> {
  const { db } = await import("~db/index");
  const user = await db()
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const client = server.client();
  const res = await client.post("/login", { email: user.email, password: "a test passphrase" });
  if (res.status !== 302) throw new Error(`login as ${user.email} answered ${res.status}`);
  return client;
}
