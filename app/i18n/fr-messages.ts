/** Français (Québec) : la messagerie entre les personnes (boîte de réception, conversation, courriel). */
import type { enMessages } from "./en-messages";

export const frMessages: Record<keyof typeof enMessages, string> = {
  "messages.nav.link": "Messages",
  "messages.nav.unread": "non lus",
  "messages.nav.menuUnread": "notifications et messages non lus",

  "messages.inbox.title": "Messages",
  "messages.inbox.back": "Tous les messages",
  "messages.inbox.empty.client":
    "Aucun message pour l’instant. Pour écrire à un ou une designer, ouvrez son profil ou l’une de ses propositions et choisissez « Écrire au designer ».",
  "messages.inbox.empty.designer":
    "Aucun message pour l’instant. Quand un client ou une cliente vous écrit, la conversation s’affiche ici et vous pouvez répondre.",
  "messages.inbox.unread": "{count, plural, one {# message non lu} other {# messages non lus}}",
  "messages.inbox.profile": "Profil",
  "messages.inbox.you": "Vous :",
  "messages.inbox.image": "Une image",

  "messages.conversation.title": "Conversation avec {name}",
  "messages.conversation.profile": "Voir le profil de {name}",
  "messages.thread.empty": "Aucun message pour l’instant.",
  "messages.thread.you": "Vous",
  "messages.thread.seen": "Vu",
  "messages.thread.seenAt": "Vu le",
  "messages.thread.imageAlt": "Image envoyée dans la conversation : {name}",

  "messages.about.entry": "Au sujet de la proposition n° {number} du concours « {contest} »",
  "messages.about.contest": "Au sujet du concours « {contest} »",

  "messages.write.toName": "Écrire à {name}",
  "messages.write.toDesigner": "Écrire au designer",
  "messages.write.lead":
    "Votre message commence une conversation avec {name}. Votre adresse courriel n’est jamais affichée ; {name} vous répond ici.",
  "messages.write.backToProfile": "Profil de {name}",

  "messages.compose.first": "Votre message",
  "messages.compose.reply": "Répondre à {name}",
  "messages.compose.image": "Image (facultative)",
  "messages.compose.imageHint":
    "Une image JPEG, PNG ou WebP, jusqu’à 10 Mo. Seules les deux personnes de la conversation peuvent la voir.",
  "messages.compose.send": "Envoyer",

  "messages.block.block": "Bloquer {name}",
  "messages.block.unblock": "Débloquer {name}",
  "messages.block.hint": "Une personne bloquée ne peut plus vous écrire, et vous ne pouvez plus lui écrire.",
  "messages.block.youBlocked":
    "Vous avez bloqué {name}. Ni l’un ni l’autre ne peut écrire dans cette conversation tant que vous ne l’avez pas débloqué.",
  "messages.block.cannotWrite": "Vous ne pouvez plus écrire dans cette conversation.",

  "messages.error.tooLong": "Un message peut compter au plus {max, number} caractères.",
  "messages.refusal.self": "Vous ne pouvez pas vous écrire à vous-même.",
  "messages.refusal.cold":
    "Les designers ne peuvent pas commencer une conversation. Quand un client ou une cliente vous écrit, vous pouvez lui répondre.",
  "messages.refusal.notDesigner": "Vous pouvez écrire seulement à des designers.",
  "messages.refusal.blocked":
    "Vous ne pouvez pas écrire dans cette conversation : l’un de vous deux a bloqué l’autre.",
  "messages.refusal.about":
    "Ce message ne peut pas mener à ce lien : il doit s’agir d’un concours que vous voyez tous les deux, ou d’une proposition de ce designer.",
  "messages.refusal.empty": "Écrivez un message ou joignez une image.",
  "messages.refusal.tooManyFiles":
    "Un message peut contenir {max, plural, one {une seule image} other {# images}}.",

  "messages.mail.subject": "Nouveau message de {name}",
  "messages.mail.lead":
    "{name} vous a écrit sur Concours. {count, plural, one {Vous avez un message non lu} other {Vous avez # messages non lus}} dans cette conversation.",
  "messages.mail.excerpt": "« {text} »",
  "messages.mail.image": "(Une image)",
  "messages.mail.open": "Pour lire et répondre :",
};
