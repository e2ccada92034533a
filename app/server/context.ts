import type { SessionUser, ValidSession } from "~/modules/auth/sessions.server";

/** What the HTTP layer hands to every loader and action. */
export interface RequestContext {
  requestId: string;
  ip: string;
  /** Nonce of this response's Content-Security-Policy, for inline scripts. */
  nonce: string;
  user: SessionUser | null;
  session: ValidSession | null;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface AppLoadContext extends RequestContext {}
}
