import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/field";
import { NetworkActions } from "~/components/network-actions";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { networkPaths, networkSchema } from "~/modules/people/network";
import { inviteToContest, networkState, setLink } from "~/modules/people/network.server";
import { profilePath } from "~/modules/people/profiles";
import { getPublicProfile } from "~/modules/people/profiles.server";
import { requireUser } from "~/utils/auth.server";
import { safeRedirectPath } from "~/utils/redirect.server";
import { badRequest, notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  return [{ title: `${t("network.page.title", { name: data?.name ?? "" })} · ${t("app.name")}` }];
};

/**
 * Where the profile's and the list's network forms post (favourite, follow, invite). Its page is
 * what someone sees after logging in to use one, or when an invitation is refused.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const handle = params.handle ?? "";
  const [state, profile] = await Promise.all([networkState(user.id, handle), getPublicProfile(handle)]);
  if (!state || !profile) notFound(context.locale);
  if (state.self) throw redirect(profilePath(profile.handle));
  return { handle: profile.handle, name: profile.name, state };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const handle = params.handle ?? "";
  const formData = await request.formData();
  const back = safeRedirectPath(formData.get("back"), profilePath(handle));
  const submission = parseWithZod(formData, { schema: networkSchema(translator(context.locale)) });
  if (submission.status !== "success") {
    // The one field a person fills is the contest; anything else wrong is a tampered form.
    const choose = submission.error?.contestId?.join(" ");
    if (!choose) badRequest(context.locale);
    return data({ error: choose }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent !== "invite") {
    const result = await setLink({
      userId: user.id,
      handle,
      link: input.intent === "favourite" || input.intent === "unfavourite" ? "favourite" : "follow",
      on: input.intent === "favourite" || input.intent === "follow",
    });
    if (!result.ok) refuse(result, context.locale);
    return redirect(back);
  }
  const result = await inviteToContest({ clientId: user.id, handle, contestId: input.contestId });
  if (!result.ok) {
    if (result.reason === "not_found") refuse(result, context.locale);
    return data({ error: refusalMessage(result, context.locale) }, { status: refusalStatus(result) });
  }
  const to = new URL(back, "http://this-site.invalid");
  to.searchParams.set("invited", input.contestId);
  to.searchParams.set("designer", handle.toLowerCase());
  if (result.already) to.searchParams.set("again", "1");
  return redirect(`${to.pathname}${to.search}`);
}

export default function DesignerNetwork() {
  const t = useT();
  const { handle, name, state } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className="container page page--narrow stack">
      <p className="eyebrow">
        <Link to={profilePath(handle)}>← {name}</Link>
      </p>
      <h1>{t("network.page.title", { name })}</h1>
      {refused?.error ? <Notice tone="error">{refused.error}</Notice> : null}
      <NetworkActions handle={handle} name={name} state={state} back={profilePath(handle)} />
      {state.contests.length === 0 ? <p className="muted">{t("network.invite.none")}</p> : null}
      <p>
        <Link to={networkPaths.myDesigners}>{t("network.mine.title")}</Link>
      </p>
    </div>
  );
}
