import type { Locale } from "~/i18n";
import type { SessionUser, ValidSession } from "~/modules/auth/sessions.server";

/** What the HTTP layer hands to every loader and action. */
export interface RequestContext {
  requestId: string;
  ip: string;
  /** Nonce of this response's Content-Security-Policy, for inline scripts. */
  nonce: string;
  user: SessionUser | null;
  session: ValidSession | null;
  /** The reader's language (i18n/locale.server.ts decides it). */
  locale: Locale;
  /** The reader's IANA time zone, for every date on the page. */
  timeZone: string;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface AppLoadContext extends RequestContext {}
}
