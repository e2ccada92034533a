import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listOutbox } from "~/modules/notify/mail.server";
import { config } from "~/utils/env.server";
import { notFound } from "~/utils/refusals.server";
import "./dev.mailbox.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("mailbox.title")} · ${t("app.name")}` }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  // Development aid: it shows every mail (reset links included) to whoever opens it, so it exists
  // only outside production and while mail goes to files (config().devMailbox).
  if (!config().devMailbox) notFound(context.locale);
  const mails = await listOutbox(50);
  return {
    mails: mails.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      text: m.text_body,
      createdAt: m.created_at,
      sent: m.sent_at !== null,
    })),
  };
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default function Mailbox() {
  const t = useT();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="container page page--medium stack">
      <h1>{t("mailbox.title")}</h1>
      <p className="muted">{t("mailbox.lead")}</p>
      {mails.length === 0 ? <p className="empty">{t("mailbox.empty")}</p> : null}
      {mails.map((mail) => (
        <article key={mail.id} className="card stack" data-testid="mail">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 style={{ margin: 0, fontSize: "1.1rem" }}>{mail.subject}</h2>
            <span className={`badge${mail.sent ? " badge--success" : ""}`}>
              {mail.sent ? t("mailbox.sent") : t("mailbox.pending")}
            </span>
          </div>
          <p className="muted" style={{ margin: 0 }}>
            {t("mailbox.to")}: {mail.to} ·{" "}
            <time dateTime={new Date(mail.createdAt).toISOString()}>
              {new Date(mail.createdAt).toUTCString()}
            </time>
          </p>
          <div className="mail">{linkify(mail.text)}</div>
        </article>
      ))}
    </div>
  );
}
