import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { randomBytes } from "node:crypto";
import path from "node:path";
import {
  parseCookie,
  sessionCookie,
  sessionCookieName,
  validateSessionToken,
} from "~/modules/auth/sessions.server";
import { translate, type Locale } from "~/i18n";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { LOCALE_PARAM } from "~/i18n/negotiate";
import { config, type Config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import type { RequestContext } from "./context";

type Locals = { requestId: string; nonce: string };

function contentSecurityPolicy(nonce: string, dev: boolean) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
    // React writes style attributes (slider positions, progress bars); no inline <style> blocks.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${config().S3_ENDPOINT ? ` ${new URL(config().S3_ENDPOINT!).origin}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

function securityHeaders(dev: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const locals = res.locals as Locals;
    locals.nonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(locals.nonce, dev));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (config().appUrl.startsWith("https://")) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const locals = res.locals as Locals;
    locals.requestId = (req.get("x-request-id") ?? "").slice(0, 64) || newId();
    res.setHeader("X-Request-Id", locals.requestId);
    res.on("finish", () => {
      log("info", "http", {
        id: locals.requestId,
        method: req.method,
        path: req.originalUrl.split("?")[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        ip: req.ip,
        user: (res.locals as { userId?: string }).userId,
      });
    });
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request must say where it comes from, and it must be us. Browsers send
 * Origin on every POST (forms included), so a missing Origin is refused too. "Us" is the public
 * address (APP_URL) or the host this request was addressed to (the forwarded host when the proxy
 * is trusted): behind a proxy the Host header names the upstream, not the site.
 */
export function isSameOrigin(
  method: string,
  originHeader: string | undefined,
  requestHost: string | undefined,
) {
  if (SAFE_METHODS.has(method)) return true;
  if (!originHeader || originHeader === "null") return false;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  const allowed = new Set([new URL(config().appUrl).host]);
  if (requestHost) allowed.add(requestHost);
  return allowed.has(origin.host);
}

/** The host the browser addressed: the proxy's forwarded host only when the proxy is trusted. */
function requestHost(req: Request) {
  const forwarded = req.app.get("trust proxy fn")(req.socket.remoteAddress ?? "", 0)
    ? req.get("x-forwarded-host")?.split(",")[0]?.trim()
    : undefined;
  return forwarded || req.get("host");
}

function csrf() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isSameOrigin(req.method, req.get("origin"), requestHost(req))) {
      log("info", "csrf.refused", { path: req.path, origin: req.get("origin") ?? null });
      res
        .status(403)
        .type("text/plain")
        .send(translate(requestLocale(req), "errors.csrf"));
      return;
    }
    // This check is the one owner of the rule. Remix repeats a stricter copy (Origin against the raw
    // Host or X-Forwarded-Host header) that throws, as a 500, behind any proxy; it has been answered.
    delete req.headers.origin;
    next();
  };
}

/**
 * Requests that carry forwarded headers while TRUST_PROXY is off come through a proxy the app was not
 * told about: every visitor then shares the proxy's address (throttling, logs). Say so, once.
 */
function untrustedProxyWarning(trustProxy: Config["TRUST_PROXY"]) {
  let warned = trustProxy !== false;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!warned && (req.get("x-forwarded-for") || req.get("forwarded"))) {
      warned = true;
      log("info", "proxy.untrusted_forwarded_headers", {
        message:
          "Requests carry X-Forwarded-For but TRUST_PROXY is off, so every visitor appears to come from " +
          `${req.socket.remoteAddress}. Behind a proxy or load balancer, set TRUST_PROXY to the number of ` +
          "proxies in front of the app (e.g. 1) or their addresses (see .env.example).",
      });
    }
    next();
  };
}

/** After a refused body has been answered, what the client is still sending is read and dropped. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

/**
 * Answer first, then close. A module that refuses a body (too large, not multipart) cancels it, and
 * Remix's adapter cancels by destroying the request, which resets the connection before the answer
 * is written: the designer saw "connection reset" instead of "larger than 25 MB". Here a cancelled
 * body stops reaching the app, the answer goes out with `Connection: close`, and the rest of the
 * body is drained (within limits) so the client reads the answer before the socket closes.
 */
function answerBeforeClosing() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const destroy = req.destroy.bind(req);
    req.destroy = (error?: Error) => {
      if (req.socket.destroyed) return destroy(error);
      req.removeAllListeners("data");
      // Already all here (a small body): nothing to drain, and the connection may well go on.
      if (req.complete) {
        req.resume();
        return req;
      }
      if (!res.headersSent) res.setHeader("Connection", "close");
      let drained = 0;
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_MAX_BYTES) destroy();
      });
      req.resume();
      const giveUp = () => {
        if (!req.complete) setTimeout(() => destroy(), DRAIN_MAX_MS).unref();
      };
      if (res.writableFinished) giveUp();
      else res.once("finish", giveUp);
      return req;
    };
    next();
  };
}

/**
 * Single fetch is on, so `?_data=` is nobody's API: Remix would log each such request as an error
 * (with a stack). Answer it as an address that does not exist, quietly.
 */
function refuseDataRequests() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.query._data === undefined) return next();
    res
      .status(404)
      .type("text/plain")
      .send(translate(requestLocale(req), "errors.notFound.body"));
  };
}

/** The reader's language before we know who they are (answers given ahead of the app). */
function requestLocale(req: Request, account?: string | null): Locale {
  const query = req.query[LOCALE_PARAM];
  return resolveLocale({
    query: typeof query === "string" ? query : null,
    account,
    cookieHeader: req.get("cookie"),
    acceptLanguage: req.get("accept-language"),
  });
}

async function loadContext(req: Request, res: Response): Promise<AppLoadContext> {
  const locals = res.locals as Locals & { userId?: string };
  const token = parseCookie(req.get("cookie"), sessionCookieName());
  const auth = token ? await validateSessionToken(token) : null;
  if (auth?.session.refreshed && token)
    res.append("Set-Cookie", sessionCookie(token, auth.session.expiresAt));
  locals.userId = auth?.user.id;
  const context: RequestContext = {
    requestId: locals.requestId,
    ip: req.ip ?? "unknown",
    nonce: locals.nonce,
    user: auth?.user ?? null,
    session: auth?.session ?? null,
    locale: requestLocale(req, auth?.user.locale),
    timeZone: resolveTimeZone(req.get("cookie")),
  };
  return context as AppLoadContext;
}

export interface HttpAppOptions {
  /** The built app; or a loader for it (development, through Vite). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's dev middlewares, in development. */
  viteMiddlewares?: express.RequestHandler;
  clientDir?: string;
}

export function createHttpApp(options: HttpAppOptions) {
  const cfg = config();
  const dev = Boolean(options.viteMiddlewares);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", cfg.TRUST_PROXY);
  app.use(requestLog());
  app.use(untrustedProxyWarning(cfg.TRUST_PROXY));
  app.use(securityHeaders(dev));
  // Text (pages, scripts, styles, JSON) travels compressed; images and archives are left as they are.
  app.use(compression());
  app.use(refuseDataRequests());
  if (options.viteMiddlewares) {
    app.use(options.viteMiddlewares);
  } else {
    const clientDir = options.clientDir ?? path.resolve("build/client");
    app.use(
      "/assets",
      express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
    );
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }
  app.use(csrf());
  app.use(answerBeforeClosing());
  app.all(
    "*",
    createRequestHandler({
      build: options.build as ServerBuild,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res) => loadContext(req, res),
    }),
  );
  return app;
}
