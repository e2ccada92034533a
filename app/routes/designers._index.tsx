import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { StarsDisplay } from "~/components/judging";
import { LevelBadge } from "~/components/level-badge";
import { metaT } from "~/i18n/meta";
import { formatScore } from "~/i18n/numbers";
import { useLocale, useT } from "~/i18n/react";
import { CATEGORY_KEYS } from "~/modules/contests/brief";
import {
  DIRECTORY_SORTS,
  RATING_MIN_REVIEWS,
  directorySearch,
  isFiltered,
  parseDirectoryQuery,
  type DirectoryQuery,
} from "~/modules/people/directory";
import { listDesigners, type DesignerCard } from "~/modules/people/directory.server";
import { LEVELS } from "~/modules/people/levels";
import { PROFILE_LANGUAGES, profilePath } from "~/modules/people/profiles";
import { averageStars } from "~/modules/people/reviews";
import { badRequest } from "~/utils/refusals.server";
import { SearchHead, SearchLayout } from "~/components/search-head";
import "./designers._index.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("directory.title")} · ${t("app.name")}` },
    { name: "description", content: t("directory.lead") },
  ];
};

/** The designers directory: anyone may read it; a GET form, so it works without JavaScript (ADR 0037). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = parseDirectoryQuery(new URL(request.url).searchParams);
  if (!parsed.ok) badRequest(context.locale, "directory.error.cursor");
  const page = await listDesigners(parsed.query);
  // Cards go out without the account id: the handle names a designer in public.
  const items = page.items.map(({ id: _id, ...card }) => card);
  return { query: parsed.query, items, nextCursor: page.nextCursor };
}

export default function Directory() {
  const t = useT();
  const { query, items, nextCursor } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const filtered = isFiltered(query);

  // With JavaScript, a changed list applies at once; typed fields wait for Enter or the button.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLElement).tagName === "SELECT")
      submit(event.currentTarget, { replace: true, preventScrollReset: true });
  };

  return (
    <div className="container page directory">
      <Form
        method="get"
        action="/designers"
        onChange={onChange}
        role="search"
        aria-label={t("directory.search")}
        className="directory__form"
      >
        <SearchHead
          id="directory-q"
          title={t("directory.title")}
          lead={t("directory.lead")}
          label={t("directory.search")}
          placeholder={t("directory.search.placeholder")}
          submit={t("directory.search.submit")}
          value={query.q}
        />

        <SearchLayout>
          <Filters query={query} />
          <section className="directory__results" aria-labelledby="directory-results">
            <div className="directory__bar">
              <h2 id="directory-results" className="directory__count">
                {t("directory.results")}
                {query.q ? <span className="muted"> {t("directory.forQuery", { q: query.q })}</span> : null}
              </h2>
              <div className="directory__sort">
                <label htmlFor="directory-sort" className="muted">
                  {t("directory.sort")}
                </label>
                <select
                  id="directory-sort"
                  name="sort"
                  className="select directory__select-inline"
                  defaultValue={query.sort}
                  key={query.sort}
                >
                  {DIRECTORY_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`directory.sort.${s}`)}
                    </option>
                  ))}
                </select>
                <noscript>
                  <button type="submit" className="btn btn--small btn--secondary">
                    {t("directory.apply")}
                  </button>
                </noscript>
              </div>
            </div>
            {query.category ? (
              <p className="muted small directory__scope">
                {t("directory.inCategory", { category: t(`category.${query.category}`) })}
              </p>
            ) : null}
            {items.length === 0 ? (
              <div className="empty directory__empty">
                <p className="directory__empty-title">
                  {filtered ? t("directory.empty") : t("directory.empty.none")}
                </p>
                {filtered ? (
                  <>
                    <p>{t("directory.empty.hint")}</p>
                    <Link to="/designers" className="btn btn--secondary">
                      {t("directory.clear")}
                    </Link>
                  </>
                ) : null}
              </div>
            ) : (
              <ul className="designer-grid" data-testid="designer-cards">
                {items.map((d) => (
                  <li key={d.handle}>
                    <DesignerCardView designer={d} />
                  </li>
                ))}
              </ul>
            )}
            <nav className="directory__more" aria-label={t("directory.pages")}>
              {nextCursor ? (
                <Link
                  to={`/designers${directorySearch(query, nextCursor)}`}
                  className="btn btn--secondary"
                  rel="next"
                  data-testid="directory-next"
                >
                  {t("directory.next")}
                </Link>
              ) : items.length ? (
                <p className="muted">{t("directory.end")}</p>
              ) : null}
              {query.cursor ? (
                <Link to={`/designers${directorySearch(query)}`} className="small">
                  {t("directory.first")}
                </Link>
              ) : null}
            </nav>
            <p className="muted small">{t("directory.note", { min: RATING_MIN_REVIEWS })}</p>
          </section>
        </SearchLayout>
      </Form>
    </div>
  );
}

/** The filters: a column beside the cards; on a phone a panel that opens (a <details>, no JS needed). */
function Filters({ query }: { query: DirectoryQuery }) {
  const t = useT();
  const locale = useLocale();
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const count = [query.category, query.language, query.level, query.location].filter(Boolean).length;
  const ref = useRef<HTMLDetailsElement>(null);
  // Open without JavaScript; on a phone, closed once it runs (unless a filter is on): cards first.
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 899px)").matches && count === 0)
      ref.current.open = false;
  }, [count]);
  return (
    <details className="directory__filters" open ref={ref}>
      <summary className="directory__filters-toggle btn btn--secondary">
        {count ? t("directory.filters.count", { n: count }) : t("directory.filters")}
      </summary>
      <div className="directory__filters-body">
        <label className="field">
          <span className="field__label">{t("directory.category")}</span>
          <select name="category" className="select" defaultValue={query.category ?? ""}>
            <option value="">{t("directory.category.any")}</option>
            {CATEGORY_KEYS.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("directory.level")}</span>
          <select
            name="level"
            className="select"
            defaultValue={query.level ?? ""}
            aria-describedby="directory-level-hint"
          >
            <option value="">{t("directory.level.any")}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`people.level.${l}`)}
              </option>
            ))}
          </select>
          <span className="field__hint" id="directory-level-hint">
            {t("directory.level.hint")}
          </span>
        </label>
        <label className="field">
          <span className="field__label">{t("directory.language")}</span>
          <select name="language" className="select" defaultValue={query.language ?? ""}>
            <option value="">{t("directory.language.any")}</option>
            {PROFILE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("directory.location")}</span>
          <input
            name="location"
            className="input"
            defaultValue={query.location}
            key={query.location}
            placeholder={t("directory.location.placeholder")}
            autoComplete="off"
          />
        </label>
        <div className="directory__filters-actions">
          <button type="submit" className="btn btn--primary btn--block">
            {t("directory.apply")}
          </button>
          {count || query.q ? (
            <Link to="/designers" className="btn btn--ghost btn--block">
              {t("directory.clear")}
            </Link>
          ) : null}
        </div>
      </div>
    </details>
  );
}

function DesignerCardView({ designer }: { designer: Omit<DesignerCard, "id"> }) {
  const t = useT();
  const locale = useLocale();
  const average = averageStars(designer.rating.stars, designer.rating.count);
  return (
    <article className="designer-card" data-testid="designer-card" data-handle={designer.handle}>
      <span className="designer-card__avatar" aria-hidden="true">
        {designer.initials}
      </span>
      <div className="designer-card__body">
        <h3 className="designer-card__name">
          <Link to={profilePath(designer.handle)}>{designer.name}</Link>
        </h3>
        <p className="designer-card__level">
          <LevelBadge level={designer.level} testId="designer-level" />
        </p>
        {designer.location ? (
          <p className="muted small designer-card__location">{designer.location}</p>
        ) : null}
        <p className="designer-card__wins" data-testid="designer-wins" data-wins={designer.wins}>
          {t("directory.card.wins", { count: designer.wins })}
        </p>
        <p className="designer-card__rating small" data-testid="designer-rating">
          {average === null ? (
            <span className="muted">{t("directory.card.noReview")}</span>
          ) : (
            <>
              <span className="num">{formatScore(average, locale)}</span>{" "}
              <StarsDisplay value={Math.round(average)} />{" "}
              <span className="muted">{t("directory.card.reviews", { count: designer.rating.count })}</span>
            </>
          )}
        </p>
        {designer.categories.length ? (
          <ul className="designer-card__categories" aria-label={t("directory.card.categories")}>
            {designer.categories.map((c) => (
              <li key={c} className="badge">
                {t(`category.${c}`)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
