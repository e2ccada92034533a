import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useRef, type KeyboardEvent } from "react";
import { otherLocale } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export interface HeaderUser {
  id: string;
  name: string;
  /** Designs (signed up to, or has entered a contest): "My entries" and "Earnings" are theirs. */
  designs: boolean;
  /** Support staff: the header links to the console (nobody else sees the link). */
  support?: boolean;
}

export interface HeaderProps {
  user: HeaderUser | null;
  unread: number;
  /** Messages written to this person that they have not read (direct messages). */
  unreadMessages: number;
  mailbox: boolean;
}

/** A path with the page to come back to after logging in or signing up, passed as `redirectTo`. */
export function withTarget(path: string, target: string | null | undefined) {
  if (!target) return path;
  return `${path}${path.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(target)}`;
}

/** Pages after which coming back makes no sense (the landing page is where a login ends anyway). */
const NO_RETURN = /^\/(login|signup|logout|forgot-password|reset-password)(\/|$)|^\/$/;

/**
 * The site's header. Wide screens show the links in a row; on a phone they fold into a menu: a
 * <details>, so it opens without JavaScript and by keyboard (Enter or Space on "Menu"). With JavaScript
 * it also closes on Escape and after a link is followed.
 */
export function SiteHeader({ user, unread, unreadMessages, mailbox }: HeaderProps) {
  const t = useT();
  const location = useLocation();
  const here = location.pathname + location.search;
  const back = NO_RETURN.test(location.pathname) ? null : here;
  const menu = useRef<HTMLDetailsElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  }

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          {t("app.name")}
        </Link>
        <nav className="nav nav--wide" aria-label={t("nav.main")}>
          <NavItems
            user={user}
            unread={unread}
            unreadMessages={unreadMessages}
            mailbox={mailbox}
            back={back}
            wide
          />
        </nav>
        {/* A new element per page: the menu is closed again after a link was followed. */}
        <details className="site-menu" ref={menu} key={location.key} onKeyDown={closeOnEscape}>
          <summary className="site-menu__toggle">
            <span className="site-menu__icon" aria-hidden="true" />
            {t("nav.menu")}
            {unread + unreadMessages ? (
              <>
                {" "}
                <span className="nav__count num">{count(unread + unreadMessages)}</span>
                <span className="visually-hidden"> {t("messages.nav.menuUnread")}</span>
              </>
            ) : null}
          </summary>
          <nav className="nav site-menu__panel" aria-label={t("nav.main")}>
            <NavItems
              user={user}
              unread={unread}
              unreadMessages={unreadMessages}
              mailbox={mailbox}
              back={back}
            />
          </nav>
        </details>
      </div>
    </header>
  );
}

/** A count as the header shows it: at most "99+". */
const count = (n: number) => (n > 99 ? "99+" : String(n));

function NavItems({
  user,
  unread,
  unreadMessages,
  mailbox,
  back,
  wide = false,
}: HeaderProps & { back: string | null; wide?: boolean }) {
  const t = useT();
  return (
    <>
      <NavLink to="/contests" end={false}>
        {t("nav.contests")}
      </NavLink>
      <NavLink to="/designers" end={false}>
        {t("directory.nav")}
      </NavLink>
      {user ? null : <Link to="/#how-it-works">{t("nav.howItWorks")}</Link>}
      {mailbox ? <NavLink to="/dev/mailbox">{t("nav.mailbox")}</NavLink> : null}
      {user ? (
        <>
          <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          {user.support ? (
            <NavLink to="/support" data-testid={wide ? "nav-support" : undefined}>
              {t("support.nav.link")}
            </NavLink>
          ) : null}
          {user.designs ? (
            <>
              <NavLink to="/my/entries">{t("nav.myEntries")}</NavLink>
              <NavLink to="/earnings">{t("nav.earnings")}</NavLink>
            </>
          ) : null}
          {/* Each link's name begins with its visible text (WCAG 2.5.3): the rest is hidden text. */}
          <NavLink to="/messages" data-testid={wide ? "nav-messages" : undefined}>
            {t("messages.nav.link")}
            {unreadMessages ? (
              <>
                {" "}
                <span className="nav__count num" data-testid={wide ? "nav-messages-count" : undefined}>
                  {count(unreadMessages)}
                </span>
                <span className="visually-hidden"> {t("messages.nav.unread")}</span>
              </>
            ) : null}
          </NavLink>
          <NavLink to="/notifications">
            {t("nav.notifications")}
            {unread ? (
              <>
                {" "}
                <span className="nav__count num">{unread > 99 ? "99+" : unread}</span>
                <span className="visually-hidden"> {t("nav.notifications.unread")}</span>
              </>
            ) : null}
          </NavLink>
          <NavLink to="/account" className="nav__user">
            {/* One test id, on the wide header's copy (the phone's is the same person). */}
            <span data-testid={wide ? "current-user" : undefined}>{user.name}</span>
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
          <NavLink to={withTarget("/login", back)}>{t("nav.login")}</NavLink>
          <Link to={withTarget("/signup", back)} className="btn btn--primary">
            {t("nav.signup")}
          </Link>
        </>
      )}
      <LanguageSwitch />
    </>
  );
}

/**
 * "English" on a French page, "Français" on an English one: a plain form posting to /language, so
 * it works without JavaScript; the choice is kept (cookie, and the account when logged in).
 */
function LanguageSwitch() {
  const t = useT();
  const to = otherLocale(useLocale());
  const location = useLocation();
  const toFrench = to === "fr-CA";
  return (
    <Form method="post" action="/language" className="nav__language">
      <input type="hidden" name="locale" value={to} />
      <input type="hidden" name="back" value={location.pathname + location.search} />
      <button
        type="submit"
        className="linklike"
        lang={to}
        title={t(toFrench ? "nav.language.toFr.hint" : "nav.language.toEn.hint")}
      >
        {t(toFrench ? "nav.language.toFr" : "nav.language.toEn")}
      </button>
    </Form>
  );
}
