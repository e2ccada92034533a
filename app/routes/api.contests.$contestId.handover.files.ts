import type { ActionFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { receiveFinalFile } from "~/modules/handover/files.server";
import { handoverPaths } from "~/modules/handover/paths";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

// The upload form's JavaScript path (XMLHttpRequest, for a progress bar): the same upload, JSON out.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  if (!context.user) return Response.json({ ok: false, message: t("errors.forbidden") }, { status: 401 });
  const contestId = params.contestId ?? "";
  const replace = new URL(request.url).searchParams.get("replace");
  const outcome = await receiveFinalFile(request, {
    contestId,
    userId: context.user.id,
    replaceFileId: replace,
  });
  if (outcome.ok) {
    return Response.json(
      { ok: true, location: handoverPaths.uploaded(contestId, outcome), versionId: outcome.versionId },
      { status: 201 },
    );
  }
  return Response.json(
    { ok: false, message: refusalMessage(outcome, context.locale) },
    { status: refusalStatus(outcome) },
  );
}
