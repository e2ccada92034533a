/** English: a client's network (my designers, follows, invitations from clients). */
export const enNetwork = {
  "network.about": "(designer: {name})",
  "network.favourite.add": "Add to my designers",
  "network.favourite.remove": "Remove from my designers",
  "network.follow.follow": "Follow",
  "network.follow.following": "Following",
  "network.follow.stopHint": "(stop following {name})",
  "network.wins": "{count, plural, =0 {no wins yet} one {# win} other {# wins}}",

  "network.invite.label": "Invite {name} to one of your contests",
  "network.invite.optionInvited": "{title} (already invited)",
  "network.invite.optionPrivate": "{title} (private)",
  "network.invite.submit": "Invite",
  "network.invite.open": "Invite to a contest",
  "network.invite.none":
    "You have no contest taking entries right now. Once one of your contests is launched, you can invite designers to it from here.",
  "network.invite.sent": "{name} is invited to “{contest}”. We told them in the app and by mail.",
  "network.invite.already": "{name} was already invited to “{contest}”: nothing was sent again.",
  "network.invite.error.choose": "Choose one of your contests.",

  "network.refusal.self": "This is your own profile.",
  "network.refusal.closed": "This contest no longer takes entries, so nobody new can be invited to it.",
  "network.refusal.blocked": "This designer is not taking invitations from you.",

  "network.page.title": "{name} in your network",
  "network.mine.title": "My designers",
  "network.mine.lead":
    "The designers you keep, and the ones you worked with. Invite them to a contest that is taking entries.",
  "network.mine.favourites": "Favourites",
  "network.mine.favourites.empty":
    "No favourites yet. On a designer’s profile, choose “Add to my designers” to keep them here.",
  "network.mine.workedWith": "Worked with before",
  "network.mine.workedWith.empty":
    "Once one of your contests is completed, its winner and finalists appear here.",
  "network.mine.won": "Won",
  "network.mine.finalist": "Finalist in",

  "network.received.title": "Invitations from clients",
  "network.received.empty":
    "No invitations yet. When a client invites you to one of their contests, it appears here.",
  "network.received.from": "From {name}",
  "network.received.state.open": "Open",
  "network.received.state.closed": "Closed",

  // The notifications and the mail setting (kinds.ts).
  "notify.network.invited": "{name} invited you to “{contest}”.",
  "notify.network.invited_private":
    "{name} invited you to their private contest “{contest}”. You can now read the brief and send entries.",
  "notify.network.new_piece": "{name}, whom you follow, has a new piece in their portfolio: “{title}”.",
  "notify.category.invitations": "A client invited me to a contest",
  "network.invite.optionDraft": "{title} (not launched yet: sent at launch)",
  "network.invite.held": "{name} will be invited to “{contest}” when it launches.",
} as const;
