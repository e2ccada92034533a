import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { SessionUser, ValidSession } from "~/modules/auth/sessions.server";

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(
  request: Request,
  context: AppLoadContext,
): { user: SessionUser; session: ValidSession } {
  if (context.user && context.session) return { user: context.user, session: context.session };
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Pages for people who are not logged in (login, sign-up) send a logged-in visitor home. */
export function requireAnonymous(context: AppLoadContext) {
  if (context.user) throw redirect("/");
}
