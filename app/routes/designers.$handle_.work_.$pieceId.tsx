import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT } from "~/i18n/meta";
import { formatDate } from "~/i18n/dates";
import { useI18n, useT } from "~/i18n/react";
import { publicPieceOf } from "~/modules/people/pieces.server";
import { profilePath } from "~/modules/people/profiles";
import { notFound } from "~/utils/refusals.server";
import { ReportLink } from "~/components/report-bits";
import "./designers.$handle_.work_.$pieceId.css";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("errors.notFound.title")} · ${t("app.name")}` }];
  return [{ title: `${data.piece.title} · ${data.designer.name} · ${t("app.name")}` }];
};

/** One of a designer's own pieces, large: only its watermarked preview (the original stays private). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await publicPieceOf(params.handle ?? "", params.pieceId ?? "");
  if (!found) notFound(context.locale);
  return { ...found, canReport: context.user !== null && context.user?.id !== found.designer.id };
}

export default function PieceView() {
  const t = useT();
  const { locale, timeZone } = useI18n();
  const { designer, piece, canReport } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to={profilePath(designer.handle)}>
          ← {t("portfolio.backToProfile", { name: designer.name })}
        </Link>
      </p>
      <div className="piece-layout">
        <div className="piece-stage" data-testid="piece-stage">
          <img
            src={piece.previewUrl}
            alt={t("portfolio.piece.alt", { title: piece.title, name: designer.name })}
            width={piece.width ?? undefined}
            height={piece.height ?? undefined}
          />
        </div>
        <div className="stack">
          <h1 className="piece-title">{piece.title}</h1>
          <p className="muted">
            {t("portfolio.piece.ownBy", { name: designer.name })} · {t(`category.${piece.category}`)}
          </p>
          {piece.description ? <p className="piece-description">{piece.description}</p> : null}
          <p className="muted">
            {t("portfolio.piece.added", { date: formatDate(piece.createdAt, locale, timeZone, "date") })}
          </p>
          {canReport ? <ReportLink kind="piece" id={piece.id} /> : null}
        </div>
      </div>
    </div>
  );
}
