import type { enNotify } from "./en-notify";
/** Français (Québec): notifications that are new in notify's catalogue, the mail they send, and mail settings. */
export const frNotify: Record<keyof typeof enNotify, string> = {
  // ---- sentences (the older kinds live beside their areas: en-judging, en-handover) ----
  "notify.entry.new": "{designer} a envoyé la proposition nº {number} au concours « {contest} ».",
  "notify.entry.revised":
    "{designer} a envoyé une nouvelle version de la proposition nº {number} au concours « {contest} ».",
  "notify.entry.rejected":
    "Nous n’avons pas pu utiliser votre proposition nº {number} pour le concours « {contest} » : {detail}",
  "notify.entry.similar_flagged":
    "La proposition nº {number} du concours « {contest} » ressemble à un travail antérieur d’un autre designer. Jetez-y un coup d’œil avant de l’évaluer.",
  "notify.entry.similar_to_yours":
    "Un design envoyé à un autre concours ressemble à votre proposition nº {number} du concours « {contest} ». Nous en avons informé le client de cet autre concours.",
  "notify.contest.launched":
    "« {contest} » est en ligne. Vous avez payé {total} : le prix de {prize}, retenu en entiercement, et des frais de {fee}.",
  "notify.contest.launched.taxed":
    "« {contest} » est en ligne. Vous avez payé {total} : le prix de {prize}, retenu en entiercement, des frais de {fee} et les taxes sur les frais : {taxes}.",
  "notify.payout.sent": "Votre versement de {amount} a été envoyé.",
  "notify.image.alt": "Proposition nº {number} de {designer}",

  // ---- mail ----
  "notify.subject.contest.launched": "Votre reçu : « {contest} » est en ligne ({total})",
  "notify.mail.greeting": "Bonjour {name},",
  "notify.mail.open": "Voir sur Concours :",
  "notify.mail.settings":
    "Vous recevez ce courriel selon vos préférences de courriel. Pour les modifier : {link}",
  "notify.mail.signature": "Concours",
  "notify.digest.subject":
    "Votre journée sur Concours : {n, plural, one {# mise à jour} other {# mises à jour}}",
  "notify.digest.lead": "Voici ce qui s’est passé depuis hier :",

  // ---- the account page's mail settings ----
  "notify.settings.title": "Courriels",
  "notify.settings.lead":
    "Tout apparaît aussi dans vos notifications. Pour chaque type de nouvelle, choisissez quand nous vous écrivons.",
  "notify.settings.save": "Enregistrer les préférences de courriel",
  "notify.settings.saved": "Préférences de courriel enregistrées.",
  "notify.settings.invalid": "Choisissez une option pour chaque type de courriel.",
  "notify.delivery.each": "À chaque fois",
  "notify.delivery.daily": "Résumé quotidien",
  "notify.delivery.app": "Dans l’application seulement",
  "notify.category.entries": "Nouvelles propositions dans mes concours",
  "notify.category.declined": "Ma proposition a été écartée",
  "notify.category.finalist": "Je suis finaliste",
  "notify.category.winner": "J’ai gagné un concours",
  "notify.category.handover": "Étapes de la remise des fichiers (fichiers, entente, messages, rappels)",
  "notify.category.prize": "Un prix m’a été versé",
  "notify.category.payout": "Mon versement a été envoyé",
  "notify.category.receipt": "Reçu au lancement de mon concours",
  "notify.category.messages": "Messages non lus dans mes conversations",
};
