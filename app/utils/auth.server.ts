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

/** Only local paths are followed after login, never another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  return to;
}

export function requireAnonymous(context: AppLoadContext) {
  if (context.user) throw redirect("/");
}
