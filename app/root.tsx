import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import "@fontsource-variable/inter/index.css";
import "./styles/app.css";
import { DEFAULT_LOCALE, LOCALES } from "./i18n";
import { I18nProvider, useT } from "./i18n/react";
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE } from "./i18n/zone";
import { LOCALE_PARAM } from "./i18n/negotiate";
import { useNonce } from "./utils/nonce";
import { config } from "./utils/env.server";
import { unreadCount } from "./modules/notify/notifications.server";
import { hatsOf } from "./modules/dashboard/dashboard.server";
import { unreadMessageCount } from "./modules/people/messages/conversations.server";
import { SiteHeader } from "./components/site-nav";

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const cfg = config();
  const user = context.user;
  const [unread, unreadMessages, hats] = user
    ? await Promise.all([unreadCount(user.id), unreadMessageCount(user.id), hatsOf(user)])
    : [0, 0, null];
  return {
    user:
      user && hats
        ? {
            id: user.id,
            name: user.display_name,
            role: user.role,
            designs: hats.designs,
            runsContests: hats.runsContests,
            // Support staff only (ADR 0043): nobody else is shown the console exists.
            support: user.support_since !== null,
          }
        : null,
    // Linked for people who are logged in, in development only; strangers are never shown it.
    mailbox: cfg.devMailbox && Boolean(user),
    unread,
    unreadMessages,
    locale: context.locale,
    timeZone: context.timeZone,
    appUrl: cfg.appUrl,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Header() {
  const data = useRootData();
  return (
    <SiteHeader
      user={data?.user ?? null}
      unread={data?.unread ?? 0}
      unreadMessages={data?.unreadMessages ?? 0}
      mailbox={data?.mailbox ?? false}
    />
  );
}

/** The same page in each language (`?lang=`), for search engines and shared links. */
function LanguageAlternates({ appUrl }: { appUrl: string }) {
  const location = useLocation();
  const href = (locale: string | null) => {
    const params = new URLSearchParams(location.search);
    if (locale) params.set(LOCALE_PARAM, locale);
    else params.delete(LOCALE_PARAM);
    const query = params.toString();
    return `${appUrl}${location.pathname}${query ? `?${query}` : ""}`;
  };
  return (
    <>
      {LOCALES.map((locale) => (
        <link key={locale} rel="alternate" hrefLang={locale} href={href(locale)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={href(null)} />
    </>
  );
}

/**
 * The browser tells the server its time zone once, in a cookie, so later pages are dated in it on
 * the server already. This page keeps the zone it was rendered with, so hydration changes nothing.
 */
function useReportTimeZone(rendered: string) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === rendered) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }, [rendered]);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  // Without the root's data (its loader failed), the browser still has the page's language.
  const locale =
    data?.locale ??
    (typeof document === "undefined"
      ? DEFAULT_LOCALE
      : (document.documentElement.lang as typeof DEFAULT_LOCALE));
  const timeZone = data?.timeZone ?? DEFAULT_TIME_ZONE;
  useReportTimeZone(timeZone);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {data ? <LanguageAlternates appUrl={data.appUrl} /> : null}
      </head>
      <I18nProvider locale={locale} timeZone={timeZone}>
        <Page nonce={nonce}>{children}</Page>
      </I18nProvider>
    </html>
  );
}

function Page({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  const t = useT();
  return (
    <body>
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <span>{t("footer.note")}</span>
          <nav aria-label={t("footer.legal")} className="site-footer__links">
            <Link to="/terms">{t("legal.terms.title")}</Link>
            <Link to="/privacy">{t("legal.privacy.title")}</Link>
          </nav>
        </div>
      </footer>
      <ScrollRestoration nonce={nonce} />
      <Scripts nonce={nonce} />
    </body>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.status < 500 ? error.data : null;
  return (
    <div className="container page page--medium">
      <h1>
        {notFound ? t("errors.notFound.title") : forbidden ? t("errors.forbidden.title") : t("errors.title")}
      </h1>
      <p className="lead">
        {notFound
          ? t("errors.notFound.body")
          : forbidden
            ? (message ?? t("errors.forbidden"))
            : (message ?? t("errors.generic"))}
      </p>
      <Link to="/" className="btn btn--secondary">
        {t("errors.back")}
      </Link>
    </div>
  );
}
