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
};
