import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey, MessageVars } from "~/i18n";
import { formatDate } from "~/i18n/dates";
import { useI18n, useT } from "~/i18n/react";
import "./legal.css";

export interface LegalSection {
  /** The anchor the table of contents links to; stable across languages and versions. */
  id: string;
  title: MessageKey;
  body: MessageKey;
  /** Shown after the section's text (the privacy policy's contact, as a link). */
  after?: ReactNode;
}

interface LegalPageProps {
  heading: MessageKey;
  intro: MessageKey;
  /** The day the text last changed: a calendar date (midnight UTC), not an instant. */
  updated: number;
  sections: readonly LegalSection[];
  /** Values the bodies use (the privacy contact's address). */
  vars?: MessageVars;
  /** The other legal document, linked at the end. */
  related: { to: string; label: MessageKey };
}

/**
 * A body's blocks: paragraphs are separated by a blank line; within one, lines that start with
 * "- " make a list and the other lines a paragraph.
 */
function Body({ text }: { text: string }) {
  return text.split(/\n\s*\n/).flatMap((block, b) => {
    const runs: { list: boolean; lines: string[] }[] = [];
    for (const line of block.split("\n")) {
      const list = line.startsWith("- ");
      const last = runs.at(-1);
      if (last && last.list === list) last.lines.push(list ? line.slice(2) : line);
      else runs.push({ list, lines: [list ? line.slice(2) : line] });
    }
    return runs.map((run, r) =>
      run.list ? (
        <ul key={`${b}.${r}`}>
          {run.lines.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p key={`${b}.${r}`}>{run.lines.join(" ")}</p>
      ),
    );
  });
}

/** The terms of use and the privacy policy: a title, the date of the text, a table of contents, the sections. */
export function LegalPage({ heading, intro, updated, sections, vars, related }: LegalPageProps) {
  const t = useT();
  const { locale } = useI18n();
  return (
    <article className="container page page--medium legal">
      <header className="legal__header">
        <h1>{t(heading)}</h1>
        <p className="legal__updated">
          {/* The same day in every time zone: a calendar date is read in UTC. */}
          <time dateTime={new Date(updated).toISOString().slice(0, 10)}>
            {t("legal.updated", { date: formatDate(updated, locale, "UTC", "long") })}
          </time>
        </p>
        <p className="lead">{t(intro)}</p>
      </header>
      <nav className="legal__toc" aria-labelledby="legal-toc">
        <h2 id="legal-toc">{t("legal.toc")}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section key={s.id} className="legal__section" aria-labelledby={s.id}>
          <h2 id={s.id}>{t(s.title)}</h2>
          <Body text={t(s.body, vars)} />
          {s.after}
        </section>
      ))}
      <p className="legal__related">
        {t("legal.otherDocument")} <Link to={related.to}>{t(related.label)}</Link>
      </p>
    </article>
  );
}
