import type { ActionFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { receiveEntryUpload } from "~/modules/entries/upload-actions.server";
import { entryPaths } from "~/modules/entries/paths";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

// The upload form's JavaScript path (XMLHttpRequest, for a progress bar): the same submission, JSON out.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  if (!context.user) return Response.json({ ok: false, message: t("errors.forbidden") }, { status: 401 });
  const outcome = await receiveEntryUpload(request, {
    contestId: params.contestId!,
    designerId: context.user.id,
  });
  if (outcome.ok)
    return Response.json({ ok: true, location: entryPaths.page(outcome.entryId) }, { status: 201 });
  return Response.json(
    { ok: false, message: refusalMessage(outcome, context.locale) },
    { status: refusalStatus(outcome) },
  );
}
