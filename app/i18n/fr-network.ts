/** Français (Québec) : le réseau d’un client (mes designers, abonnements, invitations des clients). */
import type { enNetwork } from "./en-network";

export const frNetwork: Record<keyof typeof enNetwork, string> = {
  "network.about": "(designer : {name})",
  "network.favourite.add": "Ajouter à mes designers",
  "network.favourite.remove": "Retirer de mes designers",
  "network.follow.follow": "Suivre",
  "network.follow.following": "Vous suivez",
  "network.follow.stopHint": "(ne plus suivre {name})",
  "network.wins": "{count, plural, =0 {aucune victoire pour l’instant} one {# victoire} other {# victoires}}",

  "network.invite.label": "Inviter {name} à l’un de vos concours",
  "network.invite.optionInvited": "{title} (invitation déjà envoyée)",
  "network.invite.optionPrivate": "{title} (privé)",
  "network.invite.submit": "Inviter",
  "network.invite.open": "Inviter à un concours",
  "network.invite.none":
    "Aucun de vos concours ne reçoit de propositions en ce moment. Dès qu’un concours est lancé, vous pourrez y inviter des designers d’ici.",
  "network.invite.sent":
    "Invitation envoyée à {name} pour « {contest} ». Nous lui avons envoyé un avis dans l’application et par courriel.",
  "network.invite.already":
    "{name} avait déjà reçu une invitation pour « {contest} » : rien n’a été envoyé de nouveau.",
  "network.invite.error.choose": "Choisissez l’un de vos concours.",

  "network.refusal.self": "C’est votre propre profil.",
  "network.refusal.closed":
    "Ce concours ne reçoit plus de propositions : personne de nouveau ne peut y être invité.",
  "network.refusal.blocked": "Ce ou cette designer n’accepte pas vos invitations.",

  "network.page.title": "{name} dans votre réseau",
  "network.mine.title": "Mes designers",
  "network.mine.lead":
    "Les designers que vous gardez, et ceux avec qui vous avez travaillé. Invitez-les à un concours qui reçoit des propositions.",
  "network.mine.favourites": "Favoris",
  "network.mine.favourites.empty":
    "Aucun favori pour l’instant. Sur le profil d’un ou d’une designer, choisissez « Ajouter à mes designers » pour le garder ici.",
  "network.mine.workedWith": "Déjà travaillé ensemble",
  "network.mine.workedWith.empty":
    "Dès qu’un de vos concours est terminé, son gagnant ou sa gagnante et ses finalistes s’affichent ici.",
  "network.mine.won": "A gagné",
  "network.mine.finalist": "Finaliste de",

  "network.received.title": "Invitations des clients",
  "network.received.empty":
    "Aucune invitation pour l’instant. Quand un client ou une cliente vous invite à l’un de ses concours, l’invitation s’affiche ici.",
  "network.received.from": "De la part de {name}",
  "network.received.state.open": "Ouverte",
  "network.received.state.closed": "Fermée",

  "notify.network.invited": "{name} vous invite à son concours « {contest} ».",
  "notify.network.invited_private":
    "{name} vous invite à son concours privé « {contest} ». Vous pouvez maintenant lire le brief et envoyer des propositions.",
  "notify.network.new_piece":
    "{name}, que vous suivez, a une nouvelle pièce dans son portfolio : « {title} ».",
  "notify.category.invitations": "Invitations des clients à leurs concours",
  "network.invite.optionDraft": "{title} (pas encore lancé\u00a0: envoyée au lancement)",
  "network.invite.held": "{name} sera invité ou invitée à «\u00a0{contest}\u00a0» dès son lancement.",
};
