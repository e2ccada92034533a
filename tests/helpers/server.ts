import type { ServerBuild } from "@remix-run/node";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { registerAllJobHandlers } from "~/modules/jobs/handlers.server";
import { createHttpApp } from "~/server/http.server";

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

/** A browser-like client without a browser: keeps cookies, sends our Origin, does not follow redirects. */
export class TestClient {
  cookies = new Map<string, string>();
  origin: string | null;
  constructor(readonly base: string) {
    this.origin = base;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    if (this.origin && init.method && init.method !== "GET" && !headers.has("origin"))
      headers.set("origin", this.origin);
    const res = await fetch(this.base + pathname, { ...init, headers, redirect: "manual" });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = setCookie.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(pathname: string, init: RequestInit = {}) {
    return this.request(pathname, { ...init, method: "GET" });
  }

  /** POST a form, like a browser without JavaScript does. */
  post(pathname: string, fields: Record<string, string> | FormData, init: RequestInit = {}) {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    return this.request(pathname, { ...init, method: "POST", body });
  }
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
