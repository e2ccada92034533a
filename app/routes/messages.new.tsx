import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Composer } from "~/components/messages/composer";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { profilePath } from "~/modules/people/profiles";
import { readMessageDraft } from "~/modules/people/messages/attachments.server";
import { aboutLink, writeTarget, writeTo } from "~/modules/people/messages/conversations.server";
import { messagePaths } from "~/modules/people/messages/paths";
import { aboutValue, readAbout } from "~/modules/people/messages/rules";
import { requireUser } from "~/utils/auth.server";
import { caughtRefusal, notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: t("app.name") }];
  return [{ title: `${t("messages.write.toName", { name: data.target.name })} · ${t("app.name")}` }];
};

/**
 * Write to a designer (`?to=` their handle, `&about=` a contest or entry): a client's first message
 * opens the conversation; if the two already have one, this goes on in it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const url = new URL(request.url);
  const target = await writeTarget({ senderId: user.id, handle: url.searchParams.get("to") ?? "" });
  if (!target) notFound(context.locale);
  const about = readAbout(url.searchParams.get("about"));
  if (target.refusal) refuse(target.refusal, context.locale);
  if (target.conversationId) {
    const query = about ? `?about=${aboutValue(about)}` : "";
    throw redirect(`${messagePaths.conversation(target.conversationId)}${query}`);
  }
  const link = about ? await aboutLink(about, user.id, context.locale) : null;
  return {
    target: { name: target.name, handle: target.handle },
    about:
      about && link
        ? { value: aboutValue(about), kind: link.kind, title: link.title, number: link.number }
        : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const handle = new URL(request.url).searchParams.get("to") ?? "";
  let reading;
  try {
    reading = await readMessageDraft(request, translator(context.locale));
  } catch (error) {
    const refused = caughtRefusal(error);
    return data(
      { error: refusalMessage(refused, context.locale), body: "" },
      { status: refusalStatus(refused) },
    );
  }
  if (!reading.ok) return data({ error: reading.message, body: reading.body }, { status: 400 });
  const sent = await writeTo({ senderId: user.id, handle, draft: reading.draft });
  if (!sent.ok) {
    if (sent.reason === "not_found") refuse(sent, context.locale);
    return data(
      { error: refusalMessage(sent, context.locale), body: reading.draft.body },
      { status: refusalStatus(sent) },
    );
  }
  return redirect(`${messagePaths.conversation(sent.conversationId)}#m-${sent.messageId}`);
}

export default function WriteTo() {
  const t = useT();
  const { target, about } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to={profilePath(target.handle)}>
          ← {t("messages.write.backToProfile", { name: target.name })}
        </Link>
      </p>
      <h1>{t("messages.write.toName", { name: target.name })}</h1>
      <p className="lead">{t("messages.write.lead", { name: target.name })}</p>
      <Composer
        label={t("messages.compose.first")}
        about={about}
        error={actionData?.error}
        body={actionData?.body}
      />
    </div>
  );
}
