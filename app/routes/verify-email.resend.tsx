import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { resendVerification } from "~/modules/auth/verification.server";
import { requireUser } from "~/utils/auth.server";
import { safeRedirectPath } from "~/utils/redirect.server";

// "Send the link again" (the account page, the launch step, the payout form): back to where it was
// asked, saying whether a link went out (`verify=sent`) or one went out a moment ago (`verify=wait`).
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const formData = await request.formData();
  const result = await resendVerification(user.id);
  const back = new URL(safeRedirectPath(formData.get("returnTo"), "/account"), "http://this-site.invalid");
  back.searchParams.set("verify", result.ok ? "sent" : result.reason === "throttled" ? "wait" : "done");
  return redirect(`${back.pathname}${back.search}${back.hash}`);
}
