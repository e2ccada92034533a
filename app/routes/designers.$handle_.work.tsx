import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PortfolioGrid } from "~/components/portfolio-grid";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { PIECES_PAGE_SIZE, piecePaths } from "~/modules/people/pieces";
import { publicWork } from "~/modules/people/pieces.server";
import { profilePath } from "~/modules/people/profiles";
import { notFound } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("errors.notFound.title")} · ${t("app.name")}` }];
  return [{ title: `${t("portfolio.all.title", { name: data.work.designer.name })} · ${t("app.name")}` }];
};

/** Every piece a designer uploaded, a page at a time (the profile shows the newest few). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  if (!Number.isSafeInteger(page) || page < 1) notFound(context.locale);
  const work = await publicWork(params.handle ?? "", page, PIECES_PAGE_SIZE);
  if (!work) notFound(context.locale);
  return { work };
}

export default function DesignerWork() {
  const t = useT();
  const { work } = useLoaderData<typeof loader>();
  const { designer } = work;
  const pageLink = (n: number) => `${piecePaths.all(designer.handle)}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <div className="container page stack-lg">
      <p>
        <Link to={profilePath(designer.handle)}>
          ← {t("portfolio.backToProfile", { name: designer.name })}
        </Link>
      </p>
      <h1>{t("portfolio.all.title", { name: designer.name })}</h1>
      {work.pieces.length === 0 ? (
        <p className="empty muted">{t("portfolio.empty")}</p>
      ) : (
        <PortfolioGrid
          items={work.pieces.map((p) => ({ kind: "own" as const, ...p }))}
          name={designer.name}
          handle={designer.handle}
        />
      )}
      {work.pages > 1 ? (
        <nav aria-label={t("portfolio.all.pages")} className="row">
          {work.page > 1 ? (
            <Link to={pageLink(work.page - 1)} rel="prev">
              {t("portfolio.all.newer")}
            </Link>
          ) : null}
          <span className="muted">{t("portfolio.all.page", { page: work.page, pages: work.pages })}</span>
          {work.page < work.pages ? (
            <Link to={pageLink(work.page + 1)} rel="next">
              {t("portfolio.all.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
