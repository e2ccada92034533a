import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import "@fontsource-variable/inter/index.css";
import "./styles/app.css";
import { t } from "./i18n";
import { useNonce } from "./utils/nonce";
import { config } from "./utils/env.server";
import { unreadCount } from "./modules/notify/notifications.server";
import { hatsOf } from "./modules/dashboard/dashboard.server";
import { SiteHeader } from "./components/site-nav";

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const cfg = config();
  const user = context.user;
  const [unread, hats] = user ? await Promise.all([unreadCount(user.id), hatsOf(user)]) : [0, null];
  return {
    user:
      user && hats
        ? {
            id: user.id,
            name: user.display_name,
            role: user.role,
            designs: hats.designs,
            runsContests: hats.runsContests,
          }
        : null,
    // Linked for people who are logged in, in development only; strangers are never shown it.
    mailbox: cfg.devMailbox && Boolean(user),
    unread,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Header() {
  const data = useRootData();
  return <SiteHeader user={data?.user ?? null} unread={data?.unread ?? 0} mailbox={data?.mailbox ?? false} />;
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
