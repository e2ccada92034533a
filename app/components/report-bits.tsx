import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { ReportSubjectKind } from "~/modules/support/reports";
import { reportPaths } from "~/modules/support/reports";
import "./report-bits.css";

/** What a report is about, as its pages name it (the thing itself, with its image when it has one). */
export interface ReportSubjectShown {
  kind: ReportSubjectKind;
  number: number | null;
  title: string;
  contestTitle: string | null;
  reportedName: string;
  href: string;
  imageUrl: string | null;
}

export function subjectLabel(s: ReportSubjectShown, t: ReturnType<typeof useT>) {
  switch (s.kind) {
    case "entry":
      return t("reports.subject.entry", { number: s.number ?? 0, contest: s.contestTitle ?? "" });
    case "piece":
      return t("reports.subject.piece", { title: s.title });
    case "message":
      return t("reports.subject.message", { name: s.reportedName });
    case "profile":
      return t("reports.subject.profile", { name: s.reportedName });
  }
}

/** The reported thing (or the original), with its watermarked preview beside its name. */
export function ReportSubjectCard({
  subject,
  heading,
  testId,
}: {
  subject: ReportSubjectShown | null;
  heading?: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <figure className="report-subject card" data-testid={testId}>
      {heading ? <figcaption className="report-subject__heading">{heading}</figcaption> : null}
      {subject ? (
        <>
          {subject.imageUrl ? (
            <div className="report-subject__stage">
              <img src={subject.imageUrl} alt={subjectLabel(subject, t)} />
            </div>
          ) : null}
          <p className="report-subject__label">
            {subject.href ? (
              <Link to={subject.href}>{subjectLabel(subject, t)}</Link>
            ) : (
              subjectLabel(subject, t)
            )}
          </p>
          {subject.kind === "message" ? (
            <blockquote className="report-subject__quote">{subject.title}</blockquote>
          ) : null}
        </>
      ) : (
        <p className="muted">{t("reports.subject.gone")}</p>
      )}
    </figure>
  );
}

/** The quiet "Report" link every reportable thing carries; it leads to the one report form. */
export function ReportLink({ kind, id }: { kind: ReportSubjectKind; id: string }) {
  const t = useT();
  return (
    <Link to={reportPaths.new(kind, id)} className="report-link" data-testid="report-link" rel="nofollow">
      {t(`reports.link.${kind}`)}
    </Link>
  );
}
