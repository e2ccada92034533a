import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { useT } from "~/i18n/react";
import type { ConversationView } from "~/modules/people/messages/conversations.server";
import { ReportLink } from "~/components/report-bits";
import "./messages.css";

/** A conversation's messages, oldest first, one's own on the right; "Seen" under the last one read. */
export function ConversationThread({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  if (conversation.messages.length === 0) return <p className="muted">{t("messages.thread.empty")}</p>;
  return (
    <ol className="dm-thread" data-testid="dm-thread">
      {conversation.messages.map((m) => (
        <li
          key={m.id}
          id={`m-${m.id}`}
          className={`dm-thread__msg${m.mine ? " is-mine" : ""}`}
          data-testid="dm-message"
        >
          <p className="dm-thread__meta small">
            <strong>{m.mine ? t("messages.thread.you") : conversation.other.name}</strong> ·{" "}
            <LocalTime at={m.createdAt} />
            {m.mine ? null : (
              <>
                {" · "}
                <ReportLink kind="message" id={m.id} />
              </>
            )}
          </p>
          {m.about ? (
            <p className="dm-thread__about small">
              <Link to={m.about.href} data-testid="dm-about">
                {m.about.kind === "entry"
                  ? t("messages.about.entry", { number: m.about.number ?? 0, contest: m.about.title })
                  : t("messages.about.contest", { contest: m.about.title })}
              </Link>
            </p>
          ) : null}
          {m.body ? <p className="dm-thread__body">{m.body}</p> : null}
          {m.attachments.map((a) => (
            <a key={a.id} href={a.url} className="dm-thread__image" data-testid="dm-attachment">
              <img
                src={a.url}
                alt={t("messages.thread.imageAlt", { name: a.fileName })}
                width={a.width}
                height={a.height}
                loading="lazy"
              />
            </a>
          ))}
          {m.seq === conversation.seenSeq ? (
            <p className="dm-thread__seen small muted" data-testid="dm-seen">
              {conversation.seenAt ? (
                <>
                  {t("messages.thread.seenAt")} <LocalTime at={conversation.seenAt} />
                </>
              ) : (
                t("messages.thread.seen")
              )}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
