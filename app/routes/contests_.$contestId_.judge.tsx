import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useFetchers,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { Kbd, Preview, RelativeTime, StarRating, starsText, useHydrated } from "~/components/judging";
import { t, type MessageKey } from "~/i18n";
import { ViewerActionSchema } from "~/modules/judging/forms";
import {
  addComment,
  declineEntry,
  eliminateDesigner,
  rateEntry,
  reinstateDesigner,
  restoreEntry,
  saveJudgeNote,
} from "~/modules/judging/ratings.server";
import { dismissSimilarity } from "~/modules/entries/similarity.server";
import { JudgingError, judgingMessage, refuse } from "~/modules/judging/respond.server";
import {
  MAX_COMPARE,
  parseFilter,
  entryForKeys,
  pickEntries,
  progressOf,
  VIEWER_FILTERS,
  type ViewerFilter,
} from "~/modules/judging/viewer";
import { assertJudgingRole, getJudgingView } from "~/modules/judging/viewer.server";
import "~/styles/judging.css";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t("viewer.title", { contest: data.contest.title }) : t("app.name") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const url = new URL(request.url);
  const view = await getJudgingView({
    contestId: params.contestId!,
    viewerId: user.id,
    entryId: url.searchParams.get("entry"),
    filter: parseFilter(url.searchParams.get("filter")),
  }).catch(refuse);
  return { ...view, now: now() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const contestId = params.contestId!;
  const formData = await request.formData();
  // A rating checks the rater's role itself (the hot path), a dismissal its client (404 for anyone
  // else: the note is the client's alone); every other action is asked here first.
  if (!["rate", "dismiss-similar"].includes(String(formData.get("intent"))))
    await assertJudgingRole({ contestId, userId: user.id }).catch(refuse);
  const submission = parseWithZod(formData, { schema: ViewerActionSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat();
    return data({ ok: false as const, error: errors[0] ?? t("judging.error.invalid") }, { status: 400 });
  }
  const input = submission.value;
  let message: string | null = null;
  try {
    switch (input.intent) {
      case "rate":
        await rateEntry({ contestId, entryId: input.entryId, raterId: user.id, stars: input.stars });
        message = starsText(input.stars);
        break;
      case "decline": {
        const r = await declineEntry({
          contestId,
          entryId: input.entryId,
          clientId: user.id,
          reason: input.reason,
          note: input.note,
        });
        message = t("judging.decline.done", { number: r.number });
        break;
      }
      case "restore": {
        const r = await restoreEntry({ contestId, entryId: input.entryId, clientId: user.id });
        message = t("judging.decline.restored", { number: r.number });
        break;
      }
      case "comment":
        await addComment({ contestId, entryId: input.entryId, authorId: user.id, body: input.body });
        message = t("judging.comments.sent");
        break;
      case "note":
        await saveJudgeNote({ contestId, entryId: input.entryId, judgeId: user.id, body: input.body ?? "" });
        message = t("judging.notes.saved");
        break;
      case "eliminate":
      case "reinstate": {
        const fn = input.intent === "eliminate" ? eliminateDesigner : reinstateDesigner;
        const r = await fn({ contestId, designerId: input.designerId, clientId: user.id });
        message = t(input.intent === "eliminate" ? "judging.eliminate.done" : "judging.eliminate.restored", {
          name: r.name,
        });
        break;
      }
      case "dismiss-similar":
        if (!(await dismissSimilarity({ contestId, flagId: input.flagId, clientId: user.id })))
          throw new JudgingError("not_found");
        message = t("entries.similar.dismissed");
        break;
    }
  } catch (error) {
    if (error instanceof JudgingError)
      return data({ ok: false as const, error: judgingMessage(error) }, { status: error.status });
    throw error;
  }
  if (input._js) return { ok: true as const, intent: input.intent, message };
  // Without JavaScript: back to the same entry (post, redirect, get).
  const search = new URLSearchParams();
  if (input.entryId) search.set("entry", input.entryId);
  const filter = parseFilter(input.filter);
  if (filter !== "all") search.set("filter", filter);
  return redirect(`/contests/${contestId}/judge?${search}${input.intent === "comment" ? "#comments" : ""}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Entry = LoaderData["entries"][number];

function viewerHref(filter: ViewerFilter, entryId?: string | null) {
  const search = new URLSearchParams();
  if (entryId) search.set("entry", entryId);
  if (filter !== "all") search.set("filter", filter);
  const s = search.toString();
  return s ? `?${s}` : "?";
}

function entryLabel(entry: Entry) {
  return entry.designerName
    ? t("viewer.entryBy", { number: entry.number, designer: entry.designerName })
    : t("viewer.entry", { number: entry.number });
}

function entryAlt(entry: Entry) {
  return entry.title ? `${entry.title} · ${entryLabel(entry)}` : entryLabel(entry);
}

/** Stars as the person sees them right now: what they just pressed, before the server answers. */
function useOptimisticStars(entries: Entry[]) {
  const fetchers = useFetchers();
  return useMemo(() => {
    const pending = new Map<string, number>();
    for (const f of fetchers) {
      if (f.formData?.get("intent") === "rate" && f.state !== "idle") {
        pending.set(String(f.formData.get("entryId")), Number(f.formData.get("stars")));
      }
    }
    if (!pending.size) return entries;
    return entries.map((e) => (pending.has(e.id) ? { ...e, myStars: pending.get(e.id)! } : e));
  }, [entries, fetchers]);
}

function usePrefersReducedMotion() {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(prefers-reduced-motion: reduce)");
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  return reduced;
}

export default function JudgingViewer() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const reducedMotion = usePrefersReducedMotion();
  const [params] = useSearchParams();
  const { contest, role, round, ratingOpen } = loaderData;
  const isClient = role === "client";

  // While the browser moves to another entry, show it at once from the list it already has.
  const pendingSearch =
    navigation.state === "loading" && navigation.location?.pathname === `/contests/${contest.id}/judge`
      ? new URLSearchParams(navigation.location.search)
      : null;
  const search = pendingSearch ?? params;
  const filter = parseFilter(search.get("filter"));
  const compare = search.getAll("compare").slice(0, MAX_COMPARE);
  const requested = search.get("entry") ?? loaderData.currentId;

  const entries = useOptimisticStars(loaderData.entries);
  const { list, current, prev, next } = pickEntries(entries, filter, requested);
  const progress = progressOf(entries);
  const feedback = current && loaderData.feedback?.entryId === current.id ? loaderData.feedback : null;
  const comparing = compare.length >= 2 ? entries.filter((e) => compare.includes(e.id)) : [];

  const declineRef = useRef<HTMLDetailsElement>(null);
  const talkRef = useRef<HTMLDetailsElement>(null);
  const stripRef = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState("");

  // The entry on screen, also between a keypress and the next render: a fast "→ 3" must rate the
  // entry it moved to, not the one the last render's closures remember.
  // A render that does not change the entry (a rating's answer arriving before the move has
  // begun) must not take the ref back to the entry being left.
  const shownRef = useRef(current);
  const renderedId = useRef(current?.id ?? null);
  shownRef.current = entryForKeys(shownRef.current, renderedId.current, current);
  renderedId.current = current?.id ?? null;

  const go = useCallback(
    (entryId: string | null | undefined) => {
      if (!entryId) return;
      shownRef.current = entries.find((e) => e.id === entryId) ?? shownRef.current;
      navigate(viewerHref(filter, entryId), { replace: true, preventScrollReset: true });
    },
    [navigate, filter, entries],
  );

  const rate = useCallback(
    (stars: number) => {
      const current = shownRef.current;
      if (!current || !ratingOpen || current.declined) return;
      const form = new FormData();
      form.set("intent", "rate");
      form.set("entryId", current.id);
      form.set("stars", String(stars));
      form.set("_js", "1");
      submit(form, { method: "post", navigate: false, fetcherKey: `rate:${current.id}` });
      setAnnouncement(`${entryLabel(current)}: ${starsText(stars)}`);
    },
    [ratingOpen, submit],
  );
  // A rating given with Tab and Enter (or a click) is announced like one given with a number key.
  const announce = (entry: Entry) => (stars: number) =>
    setAnnouncement(`${entryLabel(entry)}: ${starsText(stars)}`);

  // The page behind the viewer is inert while it is open: Tab starts inside the viewer, never on the
  // hidden header (without JavaScript, judging.css hides that page instead).
  const viewerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const marked: Element[] = [];
    for (
      let node: Element | null = viewerRef.current;
      node && node !== document.body;
      node = node.parentElement
    ) {
      for (const sibling of Array.from(node.parentElement?.children ?? [])) {
        if (sibling === node || sibling.hasAttribute("inert") || sibling.tagName === "SCRIPT") continue;
        sibling.setAttribute("inert", "");
        marked.push(sibling);
      }
    }
    return () => marked.forEach((el) => el.removeAttribute("inert"));
  }, []);

  // Keyboard: ←/→ move, 1–5 rate, D declines (client), C opens the comment (or note) box, Esc closes.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) {
        if (event.key === "Escape") (target as HTMLElement).blur();
        return;
      }
      const key = event.key;
      if (key === "ArrowRight" || key === "ArrowLeft") {
        if (comparing.length) return;
        event.preventDefault();
        // From the entry on screen now (shownRef), so fast presses each move one step.
        const here = pickEntries(entries, filter, shownRef.current?.id ?? null);
        go(key === "ArrowRight" ? here.next?.id : here.prev?.id);
      } else if (/^[1-5]$/.test(key)) {
        event.preventDefault();
        rate(Number(key));
      } else if ((key === "d" || key === "D") && isClient && current && !current.declined) {
        event.preventDefault();
        if (declineRef.current) {
          declineRef.current.open = true;
          declineRef.current.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
        }
      } else if (key === "c" || key === "C") {
        event.preventDefault();
        if (talkRef.current) {
          talkRef.current.open = true;
          talkRef.current.querySelector<HTMLTextAreaElement>("textarea")?.focus();
        }
      } else if (key === "Escape") {
        for (const d of [declineRef.current, talkRef.current]) if (d) d.open = false;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, rate, entries, filter, isClient, current, comparing.length]);

  // Keep the current thumbnail in view, and warm the neighbours' previews.
  useEffect(() => {
    const item = stripRef.current?.querySelector<HTMLElement>("[aria-current='true']");
    item?.scrollIntoView({ block: "nearest", inline: "center", behavior: reducedMotion ? "auto" : "smooth" });
    for (const n of [next, prev]) {
      if (n?.previewUrl) new Image().src = n.previewUrl;
    }
  }, [current?.id, next, prev, reducedMotion]);

  const notice = actionData && !actionData.ok ? actionData.error : null;

  return (
    <div
      ref={viewerRef}
      className="viewer"
      data-testid="viewer"
      data-hydrated={hydrated ? "true" : undefined}
    >
      <header className="viewer__top">
        <Link to={`/contests/${contest.id}`} className="viewer__close" aria-label={t("viewer.close")}>
          <span aria-hidden="true">×</span>
        </Link>
        <div className="viewer__title">
          <h1>{contest.title}</h1>
          <span className="viewer__round" data-testid="viewer-round">
            {ratingOpen
              ? t(round === 2 ? "judging.round.2" : "judging.round.1")
              : t(`status.${contest.status}` as MessageKey)}
          </span>
        </div>
        <nav className="viewer__filters" aria-label={t("viewer.filter.label")}>
          {VIEWER_FILTERS.map((f) => (
            <Link
              key={f}
              to={viewerHref(f)}
              replace
              preventScrollReset
              aria-current={f === filter ? "page" : undefined}
              className="viewer__filter"
            >
              {t(`viewer.filter.${f}` as MessageKey)}
            </Link>
          ))}
        </nav>
        <div className="viewer__progress" data-testid="progress">
          <span className="num">{t("viewer.progress", progress)}</span>
          <progress
            value={progress.rated}
            max={Math.max(progress.total, 1)}
            aria-label={t("viewer.progressLabel")}
          />
        </div>
        {isClient ? (
          <Link to={`/contests/${contest.id}/shortlist`} className="viewer__button">
            {t("viewer.shortlist")}
          </Link>
        ) : null}
      </header>

      {!ratingOpen ? <p className="viewer__banner">{t("viewer.closed")}</p> : null}
      {compare.length === 1 ? (
        <p className="viewer__banner" role="status">
          {t("viewer.compare.tooFew")}
        </p>
      ) : null}
      {notice ? (
        <p className="viewer__banner viewer__banner--error" role="alert">
          {notice}
        </p>
      ) : null}
      {isClient
        ? (comparing.length >= 2 ? comparing : current ? [current] : []).flatMap((e) =>
            e.similar.map((m) => (
              <SimilarBanner
                key={m.flagId}
                entry={e}
                marker={m}
                filter={filter}
                comparing={comparing.length >= 2}
                inPool={!!m.other && entries.some((x) => x.id === m.other!.id)}
              />
            )),
          )
        : null}

      {comparing.length >= 2 ? (
        <section className="viewer__compare" aria-label={t("viewer.compare.title", { n: comparing.length })}>
          <div className="viewer__compare-head">
            <h2>{t("viewer.compare.title", { n: comparing.length })}</h2>
            <Link to={viewerHref(filter, comparing[0]!.id)} className="viewer__button">
              {t("viewer.compare.exit")}
            </Link>
          </div>
          <ul className={`compare-grid compare-grid--${comparing.length}`}>
            {comparing.map((e) => (
              <li key={e.id} className="compare-grid__cell">
                <Link to={viewerHref(filter, e.id)} className="compare-grid__frame">
                  <Preview
                    src={e.previewUrl}
                    alt={entryAlt(e)}
                    number={e.number}
                    width={e.width}
                    height={e.height}
                  />
                </Link>
                <div className="compare-grid__meta">
                  <span>{entryLabel(e)}</span>
                  {ratingOpen && !e.declined ? (
                    <StarRating
                      entryId={e.id}
                      value={e.myStars}
                      hydrated={hydrated}
                      filter={filter}
                      onRate={announce(e)}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : current ? (
        <section className="viewer__stage" aria-labelledby="viewer-entry">
          <Link
            to={viewerHref(filter, prev?.id)}
            replace
            preventScrollReset
            className="viewer__nav viewer__nav--prev"
            aria-label={t("viewer.prev")}
            aria-disabled={!prev}
            tabIndex={prev ? undefined : -1}
            onClick={(e) => !prev && e.preventDefault()}
          >
            <span aria-hidden="true">‹</span>
          </Link>
          <figure className="viewer__figure">
            <Preview
              src={current.previewUrl}
              alt={entryAlt(current)}
              number={current.number}
              width={current.width}
              height={current.height}
              className="viewer__image"
              loading="eager"
            />
            <figcaption className="viewer__caption">
              <h2 id="viewer-entry">{entryLabel(current)}</h2>
              {current.title ? <span className="viewer__entry-title">{current.title}</span> : null}
              {current.declined ? <span className="viewer__badge">{t("judging.decline.badge")}</span> : null}
              {current.eliminated ? (
                <span className="viewer__badge">{t("judging.eliminate.badge")}</span>
              ) : null}
            </figcaption>
          </figure>
          <Link
            to={viewerHref(filter, next?.id)}
            replace
            preventScrollReset
            className="viewer__nav viewer__nav--next"
            aria-label={t("viewer.next")}
            aria-disabled={!next}
            tabIndex={next ? undefined : -1}
            onClick={(e) => !next && e.preventDefault()}
          >
            <span aria-hidden="true">›</span>
          </Link>
        </section>
      ) : (
        <section className="viewer__stage viewer__stage--empty">
          <p className="viewer__empty">{t(`viewer.empty.${filter}` as MessageKey)}</p>
        </section>
      )}

      {current && comparing.length < 2 ? (
        <section className="viewer__bar" aria-label={entryLabel(current)}>
          <div className="viewer__rate">
            {current.declined ? (
              isClient ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="entryId" value={current.id} />
                  <input type="hidden" name="filter" value={filter} />
                  <button type="submit" className="viewer__button">
                    {t("judging.decline.undo")}
                  </button>
                </Form>
              ) : (
                <span className="viewer__muted">{t("judging.decline.badge")}</span>
              )
            ) : ratingOpen ? (
              <>
                <span className="viewer__muted" aria-hidden="true">
                  {t("judging.stars.label")}
                </span>
                <StarRating
                  entryId={current.id}
                  value={current.myStars}
                  filter={filter}
                  hydrated={hydrated}
                  label={t("judging.stars.label")}
                  onRate={announce(current)}
                />
              </>
            ) : (
              <span className="viewer__muted">
                {current.myStars
                  ? t("viewer.rated", { stars: starsText(current.myStars) })
                  : t("judging.stars.none")}
              </span>
            )}
          </div>
          <div className="viewer__panels">
            {isClient && !current.declined && contest.live ? (
              <DeclinePanel innerRef={declineRef} entry={current} filter={filter} hydrated={hydrated} />
            ) : null}
            {isClient ? (
              <CommentsPanel
                innerRef={talkRef}
                entry={current}
                feedback={feedback}
                filter={filter}
                hydrated={hydrated}
                now={loaderData.now}
              />
            ) : (
              <NotePanel
                innerRef={talkRef}
                entry={current}
                feedback={feedback}
                filter={filter}
                hydrated={hydrated}
              />
            )}
          </div>
          <p className="viewer__keys" aria-label={t("viewer.keys.title")}>
            <span>
              <Kbd>←</Kbd>
              <Kbd>→</Kbd> {t("viewer.keys.move")}
            </span>
            <span>
              <Kbd>1</Kbd>–<Kbd>5</Kbd> {t("viewer.keys.rate")}
            </span>
            {isClient ? (
              <span>
                <Kbd>D</Kbd> {t("viewer.keys.decline")}
              </span>
            ) : null}
            <span>
              <Kbd>C</Kbd> {isClient ? t("viewer.keys.comment") : t("viewer.keys.note")}
            </span>
          </p>
        </section>
      ) : null}

      <Form method="get" className="viewer__strip" aria-label={t("viewer.filmstrip")} preventScrollReset>
        {filter !== "all" ? <input type="hidden" name="filter" value={filter} /> : null}
        <ol ref={stripRef} className="filmstrip">
          {list.map((e) => (
            <li
              key={e.id}
              className="filmstrip__item"
              aria-current={e.id === current?.id ? "true" : undefined}
            >
              <Link
                to={viewerHref(filter, e.id)}
                replace
                preventScrollReset
                className="filmstrip__thumb"
                aria-label={`${entryLabel(e)}${e.myStars ? ` · ${starsText(e.myStars)}` : ""}`}
                aria-current={e.id === current?.id ? "true" : undefined}
              >
                <Preview src={e.thumbUrl} alt="" number={e.number} loading="lazy" />
                {e.myStars ? (
                  <span className="filmstrip__stars num" aria-hidden="true">
                    {e.myStars}★
                  </span>
                ) : null}
              </Link>
              <label className="filmstrip__pick">
                <input type="checkbox" name="compare" value={e.id} defaultChecked={compare.includes(e.id)} />
                <span className="visually-hidden">{t("viewer.compare.pick", { label: entryLabel(e) })}</span>
              </label>
            </li>
          ))}
        </ol>
        {list.length > 1 ? (
          <button
            type="submit"
            className="viewer__button viewer__compare-button"
            title={t("viewer.compare.hint")}
          >
            {t("viewer.compare.submit")}
          </button>
        ) : null}
      </Form>
      <div className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
    </div>
  );
}

/** "Similar to #N, please review": the pair side by side, and a plain form to dismiss the note. */
function SimilarBanner({
  entry,
  marker,
  filter,
  comparing,
  inPool,
}: {
  entry: Entry;
  marker: Entry["similar"][number];
  filter: ViewerFilter;
  comparing: boolean;
  inPool: boolean;
}) {
  const o = marker.other;
  const compareHref = o
    ? `${viewerHref(filter, entry.id)}&compare=${entry.id}&compare=${o.id}`.replace("?&", "?")
    : null;
  return (
    <div className="viewer__banner viewer__banner--similar" data-testid="similar-banner">
      <p>
        <strong>
          {t("viewer.similar.on", { number: entry.number })}{" "}
          {o && o.sameContest
            ? t("entries.similar.later", { number: o.number })
            : t("entries.similar.laterElsewhere")}
        </strong>{" "}
        <span>{t("entries.similar.lead")}</span>
      </p>
      <div className="row">
        {o && o.sameContest && inPool && !comparing ? (
          <Link to={compareHref!} className="viewer__button" preventScrollReset>
            {t("entries.similar.compare")}
          </Link>
        ) : o && !inPool ? (
          <Link to={`/entries/${o.id}`} className="viewer__button">
            {t("entries.similar.open", { number: o.number })}
          </Link>
        ) : null}
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="dismiss-similar" />
          <input type="hidden" name="flagId" value={marker.flagId} />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          <button type="submit" className="viewer__button">
            {t("entries.similar.dismiss")}
          </button>
        </Form>
      </div>
    </div>
  );
}

type PanelProps = {
  innerRef: RefObject<HTMLDetailsElement>;
  entry: Entry;
  filter: ViewerFilter;
  hydrated: boolean;
};

function DeclinePanel({ innerRef, entry, filter, hydrated }: PanelProps) {
  const fetcher = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && innerRef.current) innerRef.current.open = false;
  }, [fetcher.state, fetcher.data, innerRef]);
  return (
    <details ref={innerRef} className="viewer__panel" id="decline">
      <summary className="viewer__button">
        {t("judging.decline.submit")} <Kbd>D</Kbd>
      </summary>
      <div className="viewer__sheet">
        <fetcher.Form method="post" ref={formRef} className="stack" preventScrollReset>
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <fieldset className="viewer__reasons">
            <legend>{t("judging.decline.reason")}</legend>
            {(["off_brief", "low_quality", "copied", "other"] as const).map((reason, i) => (
              <label key={reason} className="viewer__reason">
                <input type="radio" name="reason" value={reason} required defaultChecked={i === 0} />
                {t(`judging.decline.reasonLabel.${reason}`)}
              </label>
            ))}
          </fieldset>
          <label className="viewer__label" htmlFor={`decline-note-${entry.id}`}>
            {t("judging.decline.note")}
          </label>
          <textarea
            id={`decline-note-${entry.id}`}
            name="note"
            rows={2}
            maxLength={2000}
            className="viewer__textarea"
          />
          <p className="viewer__muted">{t("judging.decline.lead")}</p>
          <button type="submit" className="viewer__button viewer__button--danger">
            {t("judging.decline.submit")}
          </button>
        </fetcher.Form>
        {entry.designerId ? (
          <Form method="post" className="viewer__eliminate" preventScrollReset>
            <input type="hidden" name="intent" value={entry.eliminated ? "reinstate" : "eliminate"} />
            <input type="hidden" name="designerId" value={entry.designerId} />
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="filter" value={filter} />
            {!entry.eliminated ? (
              <p className="viewer__muted">
                {t("judging.eliminate.hint", { name: entry.designerName ?? "" })}
              </p>
            ) : null}
            <button type="submit" className="viewer__linkbutton">
              {entry.eliminated
                ? t("judging.eliminate.undo", { name: entry.designerName ?? "" })
                : t("judging.eliminate.submit", { name: entry.designerName ?? "" })}
            </button>
          </Form>
        ) : null}
      </div>
    </details>
  );
}

function CommentsPanel({
  innerRef,
  entry,
  feedback,
  filter,
  hydrated,
  now: serverNow,
}: PanelProps & { feedback: LoaderData["feedback"]; now: number }) {
  const fetcher = useFetcher<typeof action>();
  // One draft per entry: a comment begun on one entry never follows the client to the next one
  // (it would reach the wrong designer), and is still there on coming back.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && sentFor.current) {
      const sent = sentFor.current;
      sentFor.current = null;
      setDrafts(({ [sent]: _, ...rest }) => rest);
    }
  }, [fetcher.state, fetcher.data]);
  const comments = feedback?.comments ?? [];
  return (
    <details ref={innerRef} className="viewer__panel" id="comments">
      <summary className="viewer__button">
        {t("viewer.comment")} {comments.length ? <span className="num">({comments.length})</span> : null}{" "}
        <Kbd>C</Kbd>
      </summary>
      <div className="viewer__sheet">
        <h3>{t("judging.comments.title")}</h3>
        {comments.length === 0 ? <p className="viewer__muted">{t("judging.comments.empty")}</p> : null}
        <ol className="thread">
          {comments.map((c) => (
            <li key={c.id} className={`thread__item${c.mine ? " thread__item--mine" : ""}`}>
              <span className="thread__who">
                {c.mine ? t("judging.comments.you") : c.authorName} ·{" "}
                <RelativeTime at={c.createdAt} now={serverNow} />
              </span>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
        {feedback?.judges?.some((j) => j.note) ? (
          <div className="viewer__notes">
            <h3>{t("judging.notes.fromJudges")}</h3>
            <ul>
              {feedback.judges
                .filter((j) => j.note)
                .map((j) => (
                  <li key={j.judgeId}>
                    <strong>{j.name}</strong>
                    {j.stars ? ` · ${starsText(j.stars)}` : ""}: {j.note}
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
        <fetcher.Form
          method="post"
          className="stack"
          preventScrollReset
          onSubmit={() => {
            sentFor.current = entry.id;
          }}
        >
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <label className="viewer__label" htmlFor={`comment-${entry.id}`}>
            {t("judging.comments.label")}
          </label>
          <textarea
            id={`comment-${entry.id}`}
            name="body"
            rows={3}
            required
            maxLength={2000}
            className="viewer__textarea"
            value={drafts[entry.id] ?? ""}
            onChange={(e) => setDrafts((d) => ({ ...d, [entry.id]: e.target.value }))}
          />
          {fetcher.data && !fetcher.data.ok ? (
            <p className="viewer__error" role="alert">
              {fetcher.data.error}
            </p>
          ) : null}
          <button
            type="submit"
            className="viewer__button viewer__button--primary"
            disabled={fetcher.state !== "idle"}
          >
            {t("judging.comments.submit")}
          </button>
        </fetcher.Form>
      </div>
    </details>
  );
}

function NotePanel({
  innerRef,
  entry,
  feedback,
  filter,
  hydrated,
}: PanelProps & { feedback: LoaderData["feedback"] }) {
  const fetcher = useFetcher<typeof action>();
  const saved = fetcher.state === "idle" && fetcher.data?.ok;
  // The saved note arrives with the entry's data, perhaps after the judge has started typing
  // (C right after →): it fills the box only while the judge has typed nothing there.
  const savedNote = feedback?.mine?.note ?? "";
  const [draft, setDraft] = useState<{ entryId: string; text: string; edited: boolean }>({
    entryId: entry.id,
    text: savedNote,
    edited: false,
  });
  const text = draft.entryId !== entry.id || !draft.edited ? savedNote : draft.text;
  return (
    <details ref={innerRef} className="viewer__panel" id="note">
      <summary className="viewer__button">
        {t("judging.notes.title")} {feedback?.mine?.note ? "•" : null} <Kbd>C</Kbd>
      </summary>
      <div className="viewer__sheet">
        <fetcher.Form method="post" className="stack" preventScrollReset key={entry.id}>
          <input type="hidden" name="intent" value="note" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <label className="viewer__label" htmlFor={`note-${entry.id}`}>
            {t("judging.notes.label")}
          </label>
          <span className="viewer__muted" id={`note-hint-${entry.id}`}>
            {t("judging.notes.hint")}
          </span>
          <textarea
            id={`note-${entry.id}`}
            name="body"
            rows={3}
            maxLength={2000}
            className="viewer__textarea"
            value={text}
            onChange={(e) => setDraft({ entryId: entry.id, text: e.target.value, edited: true })}
            aria-describedby={`note-hint-${entry.id}`}
          />
          <div className="row">
            <button type="submit" className="viewer__button viewer__button--primary">
              {t("judging.notes.submit")}
            </button>
            {saved ? (
              <span className="viewer__muted" role="status">
                {t("judging.notes.saved")}
              </span>
            ) : null}
          </div>
        </fetcher.Form>
      </div>
    </details>
  );
}
