import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { AUDIT_REASON_MAX } from "~/modules/support/audit";
import { LocalTime } from "../time";
import { supportActionText } from "./audit-text";
import "./console.css";

/** The search box of a console list (people, contests): a plain GET form, no JavaScript needed. */
export function ConsoleSearch({ label, q }: { label: string; q: string }) {
  const t = useT();
  return (
    <Form method="get" className="console-search" role="search">
      <div className="field">
        <label className="field__label" htmlFor="q">
          {label}
        </label>
        <input id="q" name="q" type="search" className="input" defaultValue={q} />
      </div>
      <button type="submit" className="btn btn--secondary">
        {t("support.search.submit")}
      </button>
    </Form>
  );
}

/** The console's own navigation, above every support page. */
export function ConsoleNav() {
  const t = useT();
  return (
    <nav className="console-nav" aria-label={t("support.nav.label")}>
      <NavLink to="/support" end>
        {t("support.nav.home")}
      </NavLink>
      <NavLink to="/support/users">{t("support.nav.users")}</NavLink>
      <NavLink to="/support/contests">{t("support.nav.contests")}</NavLink>
      <NavLink to="/support/reports">{t("support.nav.reports")}</NavLink>
      <NavLink to="/support/audit">{t("support.nav.audit")}</NavLink>
    </nav>
  );
}

export function ConsolePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="container page console">
      <ConsoleNav />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** What the last action answered: its message when refused, tied to the form it came from. */
export interface ActionAnswer {
  intent: string | null;
  target: string | null;
  error: string;
}

/**
 * A decision's form: a required reason (the parties read it) and the button. Plain POST, so it works
 * without JavaScript; a refusal comes back as the message above the field.
 */
export function DecisionForm({
  intent,
  target,
  fields,
  label,
  danger = false,
  answer,
  children,
}: {
  intent: string;
  target?: string;
  fields?: Record<string, string>;
  label: string;
  danger?: boolean;
  answer: ActionAnswer | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const key = `${intent}-${target ?? ""}`;
  const mine = answer && answer.intent === intent && (answer.target ?? "") === (target ?? "");
  return (
    <Form method="post" className="decision" aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="field">
        <label className="field__label" htmlFor={`reason-${key}`}>
          {t("support.form.reason")}
        </label>
        <textarea
          id={`reason-${key}`}
          name="reason"
          className="textarea decision__reason"
          rows={2}
          maxLength={AUDIT_REASON_MAX}
          aria-describedby={mine ? `error-${key}` : `hint-${key}`}
          aria-invalid={mine ? true : undefined}
        />
        <span className="field__hint" id={`hint-${key}`}>
          {t("support.form.reasonHint")}
        </span>
        {mine ? (
          <p className="field__error" id={`error-${key}`} role="alert">
            {answer.error}
          </p>
        ) : null}
      </div>
      <button type="submit" className={`btn btn--small ${danger ? "btn--danger" : "btn--secondary"}`}>
        {label}
      </button>
    </Form>
  );
}

/** "Previous" and "Next" links of a console list, keeping its search words. */
export function Pager({ page, hasNext, q }: { page: number; hasNext: boolean; q?: string }) {
  const t = useT();
  const href = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="console-pager" aria-label={t("support.pager.label")}>
      {page > 1 ? <Link to={href(page - 1)}>{t("support.pager.previous")}</Link> : <span />}
      {hasNext ? <Link to={href(page + 1)}>{t("support.pager.next")}</Link> : null}
    </nav>
  );
}

export interface AuditItem {
  id: string;
  at: number;
  action: string;
  actorName: string | null;
  contestId: string | null;
  contestTitle: string | null;
  userId: string | null;
  userName: string | null;
  reason: string;
  data: Record<string, unknown>;
}

/** Audit rows as support reads them: who, what, about whom, why, when. */
export function AuditList({ items }: { items: AuditItem[] }) {
  const t = useT();
  if (!items.length) return <p className="empty">{t("support.audit.empty")}</p>;
  return (
    <ol className="audit-list" data-testid="audit-list">
      {items.map((a) => (
        <li key={a.id} className="audit-list__item">
          <p className="audit-list__what">
            <span className="badge">{a.action}</span>{" "}
            {supportActionText(
              { ...a.data, action: a.action, reason: a.reason },
              typeof a.data.designerId === "string" && a.userName ? { [a.data.designerId]: a.userName } : {},
              t,
            )}
          </p>
          <p className="audit-list__meta muted small">
            {a.actorName ?? t("support.audit.commandLine")} · <LocalTime at={a.at} />
            {a.userId ? (
              <>
                {" · "}
                <Link to={`/support/users/${a.userId}`}>{a.userName ?? a.userId}</Link>
              </>
            ) : null}
            {a.contestId ? (
              <>
                {" · "}
                <Link to={`/support/contests/${a.contestId}`}>{a.contestTitle ?? a.contestId}</Link>
              </>
            ) : null}
          </p>
          {a.action.startsWith("user.") || a.action.startsWith("mail.") || a.action.startsWith("support.") ? (
            <p className="audit-list__reason">{a.reason}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
