import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { networkPaths } from "~/modules/people/network";
import "./network-actions.css";

/** The client's contests a designer may be invited to, as the actions need them. */
export interface ContestChoiceView {
  id: string;
  title: string;
  isPrivate: boolean;
  draft: boolean;
  invited: boolean;
}

export interface NetworkStateView {
  self: boolean;
  favourite: boolean;
  following: boolean;
  contests: ContestChoiceView[];
  /** For the link to the picker's page: there is a contest to invite to (its name is not sent). */
  canInvite?: boolean;
}

/**
 * "Add to my designers", "Follow" and "Invite to a contest" for one designer: plain POST forms to
 * `/designers/:handle/network` that come back to `back` (the profile, or `/my/designers`), so they
 * work without JavaScript. Nothing on one's own profile.
 */
export function NetworkActions({
  handle,
  name,
  state,
  back,
  follow = true,
  invite = "form",
}: {
  handle: string;
  name: string;
  state: NetworkStateView;
  back: string;
  /** The list of one's designers shows no follow button (the profile does). */
  follow?: boolean;
  /**
   * The contest picker itself, or (on the profile, which stays the same page for every viewer and
   * names none of the viewer's contests) a link to the page that holds it.
   */
  invite?: "form" | "link";
}) {
  const t = useT();
  if (state.self) return null;
  const action = networkPaths.actions(handle);
  return (
    <div className="network-actions" data-testid="network-actions">
      <div className="network-actions__row">
        <Form method="post" action={action} preventScrollReset>
          <input type="hidden" name="back" value={back} />
          <button
            type="submit"
            name="intent"
            value={state.favourite ? "unfavourite" : "favourite"}
            className="btn btn--secondary btn--small"
            data-testid="favourite-button"
          >
            {state.favourite ? t("network.favourite.remove") : t("network.favourite.add")}
            <span className="visually-hidden"> {t("network.about", { name })}</span>
          </button>
        </Form>
        {follow ? (
          <Form method="post" action={action} preventScrollReset>
            <input type="hidden" name="back" value={back} />
            <button
              type="submit"
              name="intent"
              value={state.following ? "unfollow" : "follow"}
              className={`btn btn--small ${state.following ? "btn--secondary" : "btn--ghost"}`}
              data-testid="follow-button"
            >
              {state.following ? t("network.follow.following") : t("network.follow.follow")}
              <span className="visually-hidden">
                {" "}
                {state.following ? t("network.follow.stopHint", { name }) : t("network.about", { name })}
              </span>
            </button>
          </Form>
        ) : null}
      </div>
      {invite === "link" ? (
        state.canInvite ? (
          <p className="network-actions__invite">
            <Link to={action} className="btn btn--primary btn--small" data-testid="invite-link">
              {t("network.invite.open", { name })}
            </Link>
          </p>
        ) : null
      ) : state.contests.length === 0 ? null : (
        <InviteForm handle={handle} name={name} state={state} back={back} />
      )}
    </div>
  );
}

function InviteForm({
  handle,
  name,
  state,
  back,
}: {
  handle: string;
  name: string;
  state: NetworkStateView;
  back: string;
}) {
  const t = useT();
  const id = `invite-${handle}`;
  return (
    <Form method="post" action={networkPaths.actions(handle)} className="network-invite" preventScrollReset>
      <input type="hidden" name="intent" value="invite" />
      <input type="hidden" name="back" value={back} />
      <label htmlFor={id} className="network-invite__label">
        {t("network.invite.label", { name })}
      </label>
      <div className="network-invite__row">
        <select id={id} name="contestId" className="select" required data-testid="invite-contest">
          {state.contests.map((c) => (
            <option key={c.id} value={c.id}>
              {c.invited
                ? t("network.invite.optionInvited", { title: c.title })
                : c.draft
                  ? t("network.invite.optionDraft", { title: c.title })
                  : c.isPrivate
                    ? t("network.invite.optionPrivate", { title: c.title })
                    : c.title}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--primary btn--small">
          {t("network.invite.submit")}
        </button>
      </div>
    </Form>
  );
}

/** "Ana Souza is invited to “Logo”": after an invitation, or "was already invited" for a second one. */
export function InvitationNotice({
  notice,
}: {
  notice: { designerName: string; contestTitle: string; again: boolean; held: boolean } | null;
}) {
  const t = useT();
  if (!notice) return null;
  const vars = { name: notice.designerName, contest: notice.contestTitle };
  return (
    <div className="notice notice--success" role="status" data-testid="invitation-notice">
      {notice.again
        ? t("network.invite.already", vars)
        : notice.held
          ? t("network.invite.held", vars)
          : t("network.invite.sent", vars)}
    </div>
  );
}
