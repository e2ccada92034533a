import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ContestCard, type ContestCardProps } from "~/components/contest/contest-card";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { CATEGORY_KEYS, CONTEST_CURRENCIES, CURRENCY } from "~/modules/contests/brief";
import { amountInputValue } from "~/modules/money/money";
import {
  SORTS,
  STATUS_FILTERS,
  activeFilterCount,
  browseSearch,
  parseBrowseFilters,
  type BrowseFilters,
} from "~/modules/contests/browse";
import { listOpenContests } from "~/modules/contests/queries.server";
import { now } from "~/utils/clock.server";
import { SearchHead, SearchLayout } from "~/components/search-head";
import "./contests._index.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("browse.title")} · ${t("app.name")}` },
    { name: "description", content: t("browse.lead") },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const filters = parseBrowseFilters(new URL(request.url).searchParams, context.locale);
  const viewer = context.user ? { id: context.user.id } : null;
  const page = await listOpenContests(filters, viewer);
  return { filters, items: page.items, nextCursor: page.nextCursor, serverNow: now() };
}

export default function Browse() {
  const t = useT();
  const { filters, items, nextCursor, serverNow } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const count = activeFilterCount(filters);
  const hasQuery = !!filters.q || count > 0;

  // Checkboxes, radios and selects apply at once when JavaScript runs; typed fields on submit.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.type === "checkbox" || target.type === "radio" || target.tagName === "SELECT") {
      submit(event.currentTarget, { replace: true, preventScrollReset: true });
    }
  };

  return (
    <div className="container page browse">
      <Form
        method="get"
        action="/contests"
        id="browse"
        ref={formRef}
        onChange={onChange}
        className="browse__form"
        role="search"
        aria-label={t("browse.search")}
      >
        <SearchHead
          id="browse-q"
          title={t("browse.title")}
          lead={t("browse.lead")}
          label={t("browse.search")}
          placeholder={t("browse.search.placeholder")}
          submit={t("browse.search.submit")}
          value={filters.q}
        />

        <SearchLayout>
          <FilterPanel filters={filters} count={count} />
          <section className="browse__results" aria-labelledby="results-title" aria-live="polite">
            <div className="results-bar">
              <h2 id="results-title" className="results-bar__count">
                {t(`browse.status.${filters.status}`)}
                {filters.q ? <span className="muted"> {t("browse.forQuery", { q: filters.q })}</span> : null}
              </h2>
              <div className="results-bar__sort">
                <label htmlFor="browse-sort" className="muted">
                  {t("browse.sort")}
                </label>
                <select
                  id="browse-sort"
                  name="sort"
                  className="select select--inline"
                  defaultValue={filters.sort}
                  key={filters.sort}
                >
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`browse.sort.${s}`)}
                    </option>
                  ))}
                </select>
                <noscript>
                  <button type="submit" className="btn btn--small btn--secondary">
                    {t("browse.filters.apply")}
                  </button>
                </noscript>
              </div>
            </div>
            {items.length === 0 ? (
              <div className="empty empty--browse">
                <p className="empty__title">{hasQuery ? t("browse.empty") : t("browse.empty.none")}</p>
                {hasQuery ? (
                  <>
                    <p>{t("browse.empty.hint")}</p>
                    <Link to="/contests" className="btn btn--secondary">
                      {t("browse.filters.clear")}
                    </Link>
                  </>
                ) : (
                  <Link to="/contests/new" className="btn btn--primary">
                    {t("landing.cta.client")}
                  </Link>
                )}
              </div>
            ) : (
              <Results
                key={browseSearch(filters, { cursor: null })}
                filters={filters}
                items={items}
                nextCursor={nextCursor}
                serverNow={serverNow}
              />
            )}
          </section>
        </SearchLayout>
      </Form>
    </div>
  );
}

/** The cards, and "Show more": a plain link to the next page; with JavaScript, appended in place. */
function Results({
  filters,
  items,
  nextCursor,
  serverNow,
}: {
  filters: BrowseFilters;
  items: ContestCardProps[];
  nextCursor: string | null;
  serverNow: number;
}) {
  const t = useT();
  const fetcher = useFetcher<typeof loader>();
  const [more, setMore] = useState<ContestCardProps[]>([]);
  const [cursor, setCursor] = useState(nextCursor);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) {
      const page = fetcher.data;
      setMore((prev) => [...prev, ...page.items.filter((i) => !prev.some((p) => p.id === i.id))]);
      setCursor(page.nextCursor);
    }
  }, [fetcher.state, fetcher.data]);
  const href = cursor ? `/contests${browseSearch(filters, { cursor })}` : null;
  const paged = !!filters.cursor;
  return (
    <>
      <ul className="contest-grid">
        {[...items, ...more].map((c) => (
          <li key={c.id}>
            <ContestCard contest={c} serverNow={serverNow} />
          </li>
        ))}
      </ul>
      <div className="browse__more">
        {href ? (
          <Link
            to={href}
            className="btn btn--secondary"
            preventScrollReset
            onClick={(e) => {
              e.preventDefault();
              const search = browseSearch(filters, { cursor });
              fetcher.load(`/contests${search ? `${search}&index` : "?index"}`);
            }}
            aria-busy={fetcher.state !== "idle" || undefined}
          >
            {t("browse.showMore")}
          </Link>
        ) : (
          <p className="muted">{t("browse.end")}</p>
        )}
        {paged ? (
          <Link to={`/contests${browseSearch(filters, { cursor: null })}`} className="small">
            ← {t("browse.title")}
          </Link>
        ) : null}
      </div>
    </>
  );
}

/** Filters: a column beside the results; on phones a collapsible panel, closed once JavaScript runs. */
function FilterPanel({ filters, count }: { filters: BrowseFilters; count: number }) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 899px)").matches && count === 0)
      ref.current.open = false;
  }, [count]);
  return (
    <details className="filters" open ref={ref}>
      <summary className="filters__toggle btn btn--secondary">
        {count ? t("browse.filters.count", { n: count }) : t("browse.filters")}
      </summary>
      <div className="filters__body">
        <fieldset className="filters__group">
          <legend>{t("browse.status")}</legend>
          {STATUS_FILTERS.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="status" value={s} defaultChecked={filters.status === s} />
              {t(`browse.status.${s}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="filters__group">
          <legend>{t("browse.category")}</legend>
          {CATEGORY_KEYS.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                name="category"
                value={c}
                defaultChecked={filters.categories.includes(c)}
              />
              {t(`category.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="filters__group">
          <legend>{t("browse.prize")}</legend>
          <label className="prize-range__currency">
            <span className="small muted">{t("browse.currency")}</span>
            <select className="select" name="currency" defaultValue={filters.currency ?? ""}>
              <option value="">{t("browse.currency.any")}</option>
              {CONTEST_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <div className="prize-range">
            <label className="prize-range__field">
              <span className="small muted">{t("browse.prize.from")}</span>
              <input
                className="input num"
                name="min"
                inputMode="decimal"
                defaultValue={
                  filters.minPrize !== null
                    ? amountInputValue(filters.minPrize, filters.currency ?? CURRENCY, locale)
                    : ""
                }
                aria-label={t("browse.prize.min")}
                placeholder="0"
              />
            </label>
            <label className="prize-range__field">
              <span className="small muted">{t("browse.prize.to")}</span>
              <input
                className="input num"
                name="max"
                inputMode="decimal"
                defaultValue={
                  filters.maxPrize !== null
                    ? amountInputValue(filters.maxPrize, filters.currency ?? CURRENCY, locale)
                    : ""
                }
                aria-label={t("browse.prize.max")}
                placeholder="∞"
              />
            </label>
          </div>
        </fieldset>
        <fieldset className="filters__group">
          <legend>{t("browse.more")}</legend>
          <label className="check">
            <input type="checkbox" name="ending" value="on" defaultChecked={filters.endingSoon} />
            {t("browse.endingSoon")}
          </label>
          <label className="check">
            <input type="checkbox" name="guaranteed" value="on" defaultChecked={filters.guaranteed} />
            {t("browse.guaranteed")}
          </label>
        </fieldset>
        <div className="filters__actions">
          <button type="submit" className="btn btn--primary btn--block">
            {t("browse.filters.apply")}
          </button>
          {count || filters.q ? (
            <Link to="/contests" className="btn btn--ghost btn--block">
              {t("browse.filters.clear")}
            </Link>
          ) : null}
        </div>
      </div>
    </details>
  );
}
