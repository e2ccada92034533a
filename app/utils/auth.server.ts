import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { SessionUser, ValidSession } from "~/modules/auth/sessions.server";
import { safeRedirectPath } from "./redirect.server";
import { notFound } from "./refusals.server";

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(
  request: Request,
  context: AppLoadContext,
): { user: SessionUser; session: ValidSession } {
  if (context.user && context.session) return { user: context.user, session: context.session };
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Log-in and sign-up pages are for visitors: someone already logged in goes on to where they were going. */
export function requireAnonymous(request: Request, context: AppLoadContext) {
  if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
}

/**
 * Support staff only (the role a command grants, ADR 0043). Everyone else, logged in or not, gets
 * the plain 404: the console is not there for them.
 */
export function requireSupport(context: AppLoadContext): { user: SessionUser; session: ValidSession } {
  if (context.user && context.session && context.user.support_since !== null)
    return { user: context.user, session: context.session };
  notFound(context.locale);
}
