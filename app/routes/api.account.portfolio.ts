import type { ActionFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { piecePaths } from "~/modules/people/pieces";
import { receivePiece } from "~/modules/people/pieces.server";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";

// The piece form's JavaScript path (XMLHttpRequest, for a progress bar): the same upload, JSON out.
export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  if (!context.user) return Response.json({ ok: false, message: t("errors.forbidden") }, { status: 401 });
  const outcome = await receivePiece(request, context.user.id, t);
  if (outcome.ok) return Response.json({ ok: true, location: `${piecePaths.mine}?added=1` }, { status: 201 });
  if (outcome.area === "form") {
    const message = Object.values(outcome.fieldErrors).flat().join(" ");
    return Response.json({ ok: false, message }, { status: 400 });
  }
  return Response.json(
    { ok: false, message: refusalMessage(outcome, context.locale) },
    { status: refusalStatus(outcome) },
  );
}
