// No app module here: a process that imports only this (and the production app's helper) keeps sharp
// and the database untouched.

/** A browser-like client without a browser: keeps cookies, sends our Origin, does not follow redirects. */
export class TestClient {
  cookies = new Map<string, string>();
  origin: string | null;
  /** The browser's Accept-Language; English unless a test reads the product as someone else. */
  language: string | null = "en";
  constructor(readonly base: string) {
    this.origin = base;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    if (this.language && !headers.has("accept-language")) headers.set("accept-language", this.language);
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
