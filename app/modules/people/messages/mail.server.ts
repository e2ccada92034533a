import { transaction } from "~db/index";
import { translator } from "~/i18n";
import { config } from "~/utils/env.server";
import { registerJobHandler } from "~/modules/jobs/queue.server";
import { mailLocale, queueMail } from "~/modules/notify/mail.server";
import { mailPreferences } from "~/modules/notify/notifications.server";
import { MESSAGE_MAIL_JOB } from "./conversations.server";
import { messagePaths } from "./paths";
import { MAIL_EXCERPT_LENGTH, preview } from "./rules";

/**
 * The mail about unread messages, run as a durable job some minutes after a message (or at the
 * digest's hour, by the recipient's choice): sent only if something is still unread and not mailed
 * yet, in the recipient's language, with a link to the conversation; never an attachment, never an
 * e-mail address other than the recipient's own. Returns whether a mail was queued.
 */
export async function mailUnreadMessages(input: { conversationId: string; recipientId: string }) {
  return transaction(async (trx) => {
    const state = await trx
      .selectFrom("conversation_reads")
      .innerJoin("conversations", "conversations.id", "conversation_reads.conversation_id")
      .select(["conversation_reads.read_seq", "conversation_reads.mailed_seq", "conversations.last_seq"])
      .where("conversation_reads.conversation_id", "=", input.conversationId)
      .where("conversation_reads.user_id", "=", input.recipientId)
      .executeTakeFirst();
    if (!state) return false;
    const since = Math.max(Number(state.read_seq), Number(state.mailed_seq));
    const unread = await trx
      .selectFrom("messages")
      .innerJoin("users as sender", "sender.id", "messages.sender_id")
      .select(["messages.seq", "messages.body", "messages.sender_id", "sender.display_name"])
      .where("messages.conversation_id", "=", input.conversationId)
      .where("messages.sender_id", "<>", input.recipientId)
      .where("messages.seq", ">", since)
      .orderBy("messages.seq")
      .execute();
    if (!unread.length) return false;
    if ((await mailPreferences(input.recipientId, trx)).messages === "app") return false;
    const blocked = await trx
      .selectFrom("user_blocks")
      .select("blocker_id")
      .where("blocker_id", "=", input.recipientId)
      .where("blocked_id", "=", unread[0]!.sender_id)
      .executeTakeFirst();
    if (blocked) return false;
    const person = await trx
      .selectFrom("users")
      .select(["email", "display_name", "locale"])
      .where("id", "=", input.recipientId)
      .executeTakeFirstOrThrow();
    const t = translator(mailLocale(person.locale));
    const latest = unread[unread.length - 1]!;
    const link = `${config().appUrl}${messagePaths.conversation(input.conversationId)}`;
    await queueMail(trx, {
      to: person.email,
      subject: t("messages.mail.subject", { name: latest.display_name }),
      text: [
        t("notify.mail.greeting", { name: person.display_name }),
        t("messages.mail.lead", { name: latest.display_name, count: unread.length }),
        latest.body
          ? t("messages.mail.excerpt", { text: preview(latest.body, MAIL_EXCERPT_LENGTH) })
          : t("messages.mail.image"),
        `${t("messages.mail.open")}\n${link}`,
        t("notify.mail.settings", { link: `${config().appUrl}/account#mail` }),
        t("notify.mail.signature"),
      ].join("\n\n"),
    });
    await trx
      .updateTable("conversation_reads")
      .set({ mailed_seq: Number(state.last_seq) })
      .where("conversation_id", "=", input.conversationId)
      .where("user_id", "=", input.recipientId)
      .execute();
    return true;
  });
}

export function registerMessageJobs() {
  registerJobHandler(MESSAGE_MAIL_JOB, async (payload: { conversationId: string; recipientId: string }) => {
    await mailUnreadMessages(payload);
  });
}
