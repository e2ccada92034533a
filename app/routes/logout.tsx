import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, invalidateSession } from "~/modules/auth/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.session) await invalidateSession(context.session.id);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie() } });
}
