import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import { metaT } from "~/i18n/meta";
import { useI18n, useT } from "~/i18n/react";
import { reportPaths } from "~/modules/support/reports";
import { reportQueue, type QueueItem } from "~/modules/support/reports.server";
import { requireSupport } from "~/utils/auth.server";
import "~/components/report-bits.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("reports.queue.title")} · ${t("app.name")}` }];
};

/** Support's queue of reports (support only; everyone else 404). */
export async function loader({ context }: LoaderFunctionArgs) {
  requireSupport(context);
  return reportQueue();
}

export default function ReportQueue() {
  const t = useT();
  const { ready, waiting } = useLoaderData<typeof loader>();
  return (
    <div className="container page page--medium stack">
      <div>
        <h1>{t("reports.queue.title")}</h1>
        <p className="lead" style={{ margin: 0 }}>
          {t("reports.queue.lead")}
        </p>
      </div>
      <QueueSection id="ready" title={t("reports.queue.ready")} items={ready} />
      <QueueSection id="waiting" title={t("reports.queue.waiting")} items={waiting} />
    </div>
  );
}

function QueueSection({ id, title, items }: { id: string; title: string; items: QueueItem[] }) {
  const t = useT();
  const { locale, timeZone } = useI18n();
  return (
    <section className="stack" aria-labelledby={`${id}-title`} data-testid={`queue-${id}`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted num">{items.length}</span>
      </h2>
      {items.length === 0 ? <p className="muted">{t("reports.queue.empty")}</p> : null}
      <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((r) => (
          <li key={r.id} className="card" data-testid="queue-item">
            <p style={{ margin: 0 }}>
              <Link to={reportPaths.decide(r.id)}>
                {t("reports.queue.by", { reporter: r.reporterName, reported: r.reportedName })}
              </Link>
            </p>
            <p className="muted" style={{ margin: 0 }}>
              {t(`reports.reason.${r.reason}`)} · {formatDate(r.createdAt, locale, timeZone)} ·{" "}
              {r.phase === "queued"
                ? r.answered
                  ? t("reports.queue.answered")
                  : t("reports.queue.late")
                : t("reports.queue.until", { date: formatDate(r.answerDueAt, locale, timeZone) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
