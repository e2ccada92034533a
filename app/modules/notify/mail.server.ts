import fsp from "node:fs/promises";
import path from "node:path";
import { db, type DB, type Trx } from "~db/index";
import type { OutboxMail } from "~db/schema";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import { readLocale } from "~/i18n/negotiate";
import { now } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { singleton } from "~/utils/singleton.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailTransport {
  send(mail: OutboxMail): Promise<void>;
}

/**
 * The language a person gets mail in: the one their account chose (`users.locale`), else French.
 * Mail is written when it is sent, never in the language of whoever caused it.
 */
export function mailLocale(chosen: string | null | undefined): Locale {
  return readLocale(chosen) ?? DEFAULT_LOCALE;
}

/**
 * The language of a mail to an address: its account's when there is one; for someone with no
 * account yet (an invitee), `otherwise`, the language the sender was reading in.
 */
export async function mailLocaleOf(q: Trx | DB, email: string, otherwise: Locale): Promise<Locale> {
  const account = await q.selectFrom("users").select("locale").where("email", "=", email).executeTakeFirst();
  return account ? mailLocale(account.locale) : otherwise;
}

/**
 * Queue a mail in the caller's transaction: the outbox row and its delivery job commit together
 * with the change that caused the mail, and a worker delivers it (retrying) afterwards.
 */
export async function queueMail(trx: Trx | DB, message: MailMessage): Promise<string> {
  const id = newId();
  await trx
    .insertInto("outbox_mail")
    .values({
      id,
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html ?? null,
      created_at: now(),
    })
    .execute();
  await enqueueJob(trx, { kind: "mail.deliver", payload: { id }, uniqueKey: `mail:${id}` });
  return id;
}

/** Writes each message as a JSON file under DATA_DIR/mail (temp file + rename). */
export class FileMailTransport implements MailTransport {
  constructor(readonly dir: string) {}
  async send(mail: OutboxMail) {
    await fsp.mkdir(this.dir, { recursive: true });
    const file = path.join(
      this.dir,
      `${new Date(mail.created_at).toISOString().replace(/[:.]/g, "-")}-${mail.id}.json`,
    );
    const body = JSON.stringify(
      {
        from: config().MAIL_FROM,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
      },
      null,
      2,
    );
    await fsp.writeFile(`${file}.tmp`, body);
    await fsp.rename(`${file}.tmp`, file);
  }
}

export class SmtpMailTransport implements MailTransport {
  constructor(readonly url: string) {}
  async send(mail: OutboxMail) {
    const nodemailer = await import("nodemailer");
    const transport = singleton(`smtp:${this.url}`, () => nodemailer.createTransport(this.url));
    await transport.sendMail({
      from: config().MAIL_FROM,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      html: mail.html_body ?? undefined,
      messageId: `<${mail.id}@concours>`,
    });
  }
}

export function mailTransport(): MailTransport {
  return singleton("mailTransport", () => {
    const cfg = config();
    return cfg.MAIL_TRANSPORT === "smtp" && cfg.SMTP_URL
      ? new SmtpMailTransport(cfg.SMTP_URL)
      : new FileMailTransport(path.join(cfg.dataDir, "mail"));
  });
}

export async function deliverMail(id: string) {
  const mail = await db().selectFrom("outbox_mail").selectAll().where("id", "=", id).executeTakeFirst();
  if (!mail || mail.sent_at !== null) return;
  try {
    await mailTransport().send(mail);
  } catch (error) {
    await db()
      .updateTable("outbox_mail")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: String(error).slice(0, 1000) }))
      .where("id", "=", id)
      .execute();
    throw error;
  }
  await db()
    .updateTable("outbox_mail")
    .set((eb) => ({ sent_at: now(), attempts: eb("attempts", "+", 1), last_error: null }))
    .where("id", "=", id)
    .execute();
}

/** The newest messages first, for the development mailbox page. */
export async function listOutbox(limit = 50) {
  return db().selectFrom("outbox_mail").selectAll().orderBy("created_at", "desc").limit(limit).execute();
}

export function registerMailJobs() {
  registerJobHandler("mail.deliver", async (payload: { id: string }) => deliverMail(payload.id));
}
