import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Composer } from "~/components/messages/composer";
import { ConversationThread } from "~/components/messages/conversation-thread";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { readMessageDraft } from "~/modules/people/messages/attachments.server";
import {
  aboutLink,
  isConversationParty,
  readConversation,
  sendMessage,
  setBlocked,
} from "~/modules/people/messages/conversations.server";
import { messagePaths } from "~/modules/people/messages/paths";
import { aboutValue, readAbout } from "~/modules/people/messages/rules";
import { requireUser } from "~/utils/auth.server";
import {
  badRequest,
  caughtRefusal,
  notFound,
  refusalMessage,
  refusalStatus,
  refuse,
} from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("errors.notFound.title")} · ${t("app.name")}` }];
  return [
    {
      title: `${t("messages.conversation.title", { name: data.conversation.other.name })} · ${t("app.name")}`,
    },
  ];
};

/** One conversation, for its two parties only: anyone else is told it does not exist. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const conversation = await readConversation({
    conversationId: params.conversationId ?? "",
    viewerId: user.id,
    locale: context.locale,
  });
  if (!conversation) notFound(context.locale);
  const about = readAbout(new URL(request.url).searchParams.get("about"));
  const link = about ? await aboutLink(about, user.id, context.locale) : null;
  return {
    conversation,
    about:
      about && link
        ? { value: aboutValue(about), kind: link.kind, title: link.title, number: link.number }
        : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const conversationId = params.conversationId ?? "";
  if (!(await isConversationParty(conversationId, user.id))) notFound(context.locale);
  if (!/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const intent = (await request.formData()).get("intent");
    if (intent !== "block" && intent !== "unblock") badRequest(context.locale);
    const result = await setBlocked({ conversationId, userId: user.id, blocked: intent === "block" });
    if (!result.ok) refuse(result, context.locale);
    return redirect(messagePaths.conversation(conversationId));
  }
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
  const sent = await sendMessage({ conversationId, senderId: user.id, draft: reading.draft });
  if (!sent.ok) {
    if (sent.reason === "not_found") refuse(sent, context.locale);
    return data(
      { error: refusalMessage(sent, context.locale), body: reading.draft.body },
      { status: refusalStatus(sent) },
    );
  }
  return redirect(`${messagePaths.conversation(conversationId)}#m-${sent.messageId}`);
}

export default function Conversation() {
  const t = useT();
  const { conversation, about } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { other } = conversation;
  return (
    <div className="container page page--medium stack">
      <p>
        <Link to={messagePaths.inbox}>← {t("messages.inbox.back")}</Link>
      </p>
      <div>
        <h1 className="dm-title">{t("messages.conversation.title", { name: other.name })}</h1>
        {other.profileHref ? (
          <Link to={other.profileHref} className="small">
            {t("messages.conversation.profile", { name: other.name })}
          </Link>
        ) : null}
      </div>
      <ConversationThread conversation={conversation} />
      {conversation.iBlocked ? (
        <p className="notice" role="status" data-testid="blocked-notice">
          {t("messages.block.youBlocked", { name: other.name })}
        </p>
      ) : conversation.blockedMe ? (
        <p className="notice" role="status" data-testid="blocked-notice">
          {t("messages.block.cannotWrite")}
        </p>
      ) : (
        <Composer
          label={t("messages.compose.reply", { name: other.name })}
          about={about}
          error={actionData?.error}
          body={actionData?.body}
          sent={conversation.messages.length}
        />
      )}
      <div className="dm-actions">
        <Form method="post">
          <input type="hidden" name="intent" value={conversation.iBlocked ? "unblock" : "block"} />
          <button
            type="submit"
            className={`btn btn--small ${conversation.iBlocked ? "btn--secondary" : "btn--danger"}`}
          >
            {conversation.iBlocked
              ? t("messages.block.unblock", { name: other.name })
              : t("messages.block.block", { name: other.name })}
          </button>
        </Form>
        <span className="small muted">{t("messages.block.hint")}</span>
      </div>
    </div>
  );
}
