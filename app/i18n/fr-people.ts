import type { enPeople } from "./en-people";
/** Français (Québec) : les personnes sur Concours (profils de designers, formulaire du profil). */
export const frPeople: Record<keyof typeof enPeople, string> = {
  "people.profile.metaTitle": "Profil de {name}, designer",
  "people.profile.kicker": "Designer sur Concours",
  "people.profile.memberSince": "Membre depuis le {date}",
  "people.profile.about": "À propos",
  "people.profile.noBio": "Ce ou cette designer n’a pas encore écrit sa présentation.",
  "people.profile.location": "Lieu",
  "people.profile.languages": "Langues",
  "people.profile.categories": "Spécialités",
  "people.profile.record": "Parcours",
  "people.profile.stats.entered":
    "{count, plural, one {participation à un concours} other {participations à des concours}}",
  "people.profile.stats.finalist": "{count, plural, one {fois finaliste} other {fois finaliste}}",
  "people.profile.stats.won": "{count, plural, one {concours gagné} other {concours gagnés}}",
  "people.profile.stats.note": "Compté sur les concours publics terminés.",
  "people.profile.portfolio.alt":
    "«\u00a0{title}\u00a0», création gagnante de {name} pour le concours «\u00a0{contest}\u00a0»",
  "people.edit.title": "Votre profil public",
  "people.edit.lead":
    "Les clients le lisent avant de vous inviter. Tout le monde peut le voir, connecté ou non.",
  "people.edit.handle": "Adresse du profil",
  "people.edit.handle.hint": "De 3 à 30 lettres minuscules, chiffres ou traits d’union.",
  "people.edit.bio": "À propos de vous",
  "people.edit.bio.hint": "Au plus {max} caractères.",
  "people.edit.location": "Lieu",
  "people.edit.location.hint": "Par exemple\u00a0: Montréal, Québec",
  "people.edit.languages": "Langues dans lesquelles vous travaillez",
  "people.edit.categories": "Ce que vous concevez",
  "people.edit.save": "Enregistrer votre profil",
  "people.edit.saved": "Votre profil est enregistré.",
  "people.edit.error.handle":
    "Utilisez de 3 à 30 lettres minuscules, chiffres ou traits d’union, en commençant et en finissant par une lettre ou un chiffre.",
  "people.edit.error.handleTaken": "Cette adresse est déjà prise. Veuillez en choisir une autre.",
  "people.edit.error.choice": "Veuillez choisir dans la liste.",
  "people.profile.stats.noReview": "aucune évaluation de client pour l’instant",
  "people.profile.stats.rating":
    "{count, plural, one {moyenne de # évaluation de client} other {moyenne de # évaluations de clients}}",
  "people.profile.reply.minutes":
    "{n, plural, one {Répond d’habitude aux clients en moins d’une minute.} other {Répond d’habitude aux clients en moins de # minutes.}}",
  "people.profile.reply.hours":
    "{n, plural, one {Répond d’habitude aux clients en moins d’une heure.} other {Répond d’habitude aux clients en moins de # heures.}}",
  "people.profile.reply.days":
    "{n, plural, one {Répond d’habitude aux clients en moins d’un jour.} other {Répond d’habitude aux clients en moins de # jours.}}",
  "people.profile.reviews": "Évaluations des clients",
  "people.profile.reviews.empty":
    "Aucune évaluation pour l’instant. Les clients évaluent le ou la designer avec qui ils ont travaillé une fois le prix versé.",
  "people.profile.levels": "Niveau",
  "people.profile.levelIn": "{category}\u00a0: {level}",
  "people.level.entry": "Niveau débutant",
  "people.level.mid": "Niveau intermédiaire",
  "people.level.top": "Niveau expert",
  "people.review.title.client": "Votre évaluation de {designer}",
  "people.review.title.winner": "L’évaluation du client",
  "people.review.lead.client":
    "Comment s’est passé le travail avec {designer}\u00a0? Votre évaluation paraît sur son profil public, avec votre nom. Vous pouvez la corriger pendant {days}\u00a0jours.",
  "people.review.waiting":
    "{client} n’a pas encore évalué votre travail. Son évaluation paraîtra ici et sur votre profil, et vous pourrez y répondre.",
  "people.review.stars": "Votre note",
  "people.review.body": "Votre évaluation",
  "people.review.body.hint": "Ce qui a bien marché, ce qui pourrait être mieux. Au plus {max} caractères.",
  "people.review.publish": "Publier l’évaluation",
  "people.review.save": "Enregistrer les changements",
  "people.review.edit": "Corriger votre évaluation",
  "people.review.editAnswer": "Corriger votre réponse",
  "people.review.editUntil": "Vous pouvez la modifier jusqu’au",
  "people.review.answer": "Votre réponse",
  "people.review.answer.hint": "Affichée sous l’évaluation, sur votre profil. Au plus {max} caractères.",
  "people.review.answer.publish": "Publier la réponse",
  "people.review.published": "Merci. Votre évaluation de {designer} est sur son profil.",
  "people.review.answered": "Votre réponse est sur votre profil, sous l’évaluation.",
  "people.review.by": "Par {name}",
  "people.review.answerBy": "Réponse de {name}",
  "people.review.edited": "modifiée",
  "people.review.about": "Concours «\u00a0{contest}\u00a0» ({category})",
  "people.review.aboutPrivate": "Un concours privé ({category})",
  "people.review.error.stars": "Veuillez choisir de 1 à 5 étoiles.",
  "people.review.error.body": "Veuillez écrire quelques mots sur le travail.",
  "people.review.error.answer": "Veuillez écrire votre réponse.",
  "people.review.refused.notYours":
    "Seul le client du concours écrit l’évaluation, et seul son gagnant ou sa gagnante y répond.",
  "people.review.refused.notOpen": "Vous pourrez évaluer le ou la designer une fois le prix versé.",
  "people.review.refused.editClosed":
    "Une évaluation et sa réponse peuvent être modifiées pendant {days}\u00a0jours après leur rédaction; celle-ci est maintenant définitive.",
  "people.review.refused.noReview": "Il n’y a pas encore d’évaluation à laquelle répondre.",
  "notify.review.received": "Le client de «\u00a0{contest}\u00a0» a évalué votre travail\u00a0: {stars}.",
  "notify.review.answered": "Le ou la designer a répondu à votre évaluation de «\u00a0{contest}\u00a0».",
  "notify.contest.finalist_share":
    "Le prix de «\u00a0{contest}\u00a0» a été versé\u00a0: comme finaliste, vous en recevez {amount}. Merci pour votre travail.",
};
