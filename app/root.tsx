import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import fontCss from "@fontsource-variable/inter/index.css?url";
import appCss from "./styles/app.css?url";
import contestsCss from "./styles/contests.css?url";
import { t } from "./i18n";
import { useNonce } from "./utils/nonce";
import { config } from "./utils/env.server";
import { unreadCount } from "./modules/notify/notifications.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontCss },
  { rel: "stylesheet", href: appCss },
  { rel: "stylesheet", href: contestsCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const cfg = config();
  return {
    user: context.user
      ? { id: context.user.id, name: context.user.display_name, role: context.user.role }
      : null,
    mailbox: cfg.MAIL_TRANSPORT === "file",
    unread: context.user ? await unreadCount(context.user.id) : 0,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Header() {
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          {t("app.name")}
        </Link>
        <nav className="nav" aria-label={t("nav.main")}>
          <NavLink to="/contests" end={false}>
            {t("nav.contests")}
          </NavLink>
          {user ? null : <Link to="/#how-it-works">{t("nav.howItWorks")}</Link>}
          {data?.mailbox ? <NavLink to="/dev/mailbox">{t("nav.mailbox")}</NavLink> : null}
          {user ? (
            <>
              <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
              <NavLink to="/my/entries">{t("nav.myEntries")}</NavLink>
              <NavLink to="/earnings">{t("nav.earnings")}</NavLink>
              {/* Each link's name begins with its visible text (WCAG 2.5.3): the rest is hidden text. */}
              <NavLink to="/notifications">
                {t("nav.notifications")}
                {data?.unread ? (
                  <>
                    {" "}
                    <span className="nav__count num">{data.unread > 99 ? "99+" : data.unread}</span>
                    <span className="visually-hidden"> {t("nav.notifications.unread")}</span>
                  </>
                ) : null}
              </NavLink>
              <NavLink to="/account" className="nav__user">
                <span data-testid="current-user">{user.name}</span>
                <span className="visually-hidden"> {t("nav.account.hint")}</span>
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="linklike nav__logout">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">{t("nav.login")}</NavLink>
              <Link to="/signup" className="btn btn--primary">
                {t("nav.signup")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("footer.note")}</div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.status < 500 ? error.data : null;
  return (
    <div className="container page page--medium">
      <h1>{notFound ? t("errors.notFound.title") : t("errors.title")}</h1>
      <p className="lead">
        {notFound
          ? t("errors.notFound.body")
          : forbidden
            ? t("errors.forbidden")
            : (message ?? t("errors.generic"))}
      </p>
      <Link to="/" className="btn btn--secondary">
        {t("errors.back")}
      </Link>
    </div>
  );
}
