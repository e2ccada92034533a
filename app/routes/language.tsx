import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { LOCALE_PARAM, readLocale } from "~/i18n/negotiate";
import { localeCookie } from "~/i18n/locale.server";
import { setAccountLocale } from "~/modules/auth/accounts.server";
import { badRequest } from "~/utils/refusals.server";
import { safeRedirectPath } from "~/utils/redirect.server";

export async function loader() {
  return redirect("/");
}

/** Drop `?lang=` from the page to go back to: the choice just made outranks the old address's. */
function withoutLocaleParam(path: string): string {
  const url = new URL(path, "http://concours.invalid");
  url.searchParams.delete(LOCALE_PARAM);
  return url.pathname + url.search + url.hash;
}

/**
 * The language switch in the header: a plain form, so it works without JavaScript. The choice is
 * kept in a cookie, and in the account of someone logged in (their mail follows it).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = readLocale(form.get("locale"));
  if (!locale) throw badRequest(context.locale, "errors.language");
  if (context.user) await setAccountLocale(context.user.id, locale);
  const back = withoutLocaleParam(safeRedirectPath(form.get("back"), "/"));
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
