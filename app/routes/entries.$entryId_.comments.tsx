import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { translator } from "~/i18n";
import { entryCommentSchema } from "~/modules/judging/forms";
import { addComment } from "~/modules/judging/ratings.server";
import { requireUser } from "~/utils/auth.server";
import { safeRedirectPath } from "~/utils/redirect.server";
import { refuseOrRethrow } from "~/utils/refusals.server";
import { entryPaths } from "~/modules/entries/paths";

// The thread on an entry, from the entry page: the client, or the entry's designer replying.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const entryId = params.entryId!;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: entryCommentSchema(t) });
  const back = safeRedirectPath(formData.get("redirectTo"), entryPaths.page(entryId));
  if (submission.status !== "success") return redirect(`${back}?comment=invalid#comments`);
  try {
    await addComment({ entryId, authorId: user.id, body: submission.value.body });
  } catch (error) {
    refuseOrRethrow(error, context.locale);
  }
  return redirect(`${back}#comments`);
}
