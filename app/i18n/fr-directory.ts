import type { enDirectory } from "./en-directory";

/** Français (Québec) : l’annuaire des designers (/designers). */
export const frDirectory: Record<keyof typeof enDirectory, string> = {
  "directory.nav": "Designers",
  "directory.title": "Trouver des designers",
  "directory.lead":
    "Tous les designers de Concours, avec leur parcours dans les concours publics : concours gagnés, notes des clients et niveau.",
  "directory.search": "Rechercher des designers",
  "directory.search.placeholder": "Un nom, ou des mots de leur profil",
  "directory.search.submit": "Rechercher",
  "directory.filters": "Filtres",
  "directory.filters.count": "{n, plural, one {Filtres (# actif)} other {Filtres (# actifs)}}",
  "directory.category": "Catégorie",
  "directory.category.any": "Toutes les catégories",
  "directory.language": "Langue de travail",
  "directory.language.any": "Toutes les langues",
  "directory.level": "Niveau",
  "directory.level.any": "Tous les niveaux",
  "directory.level.hint": "Dans la catégorie choisie; sinon, leur meilleur niveau.",
  "directory.location": "Lieu",
  "directory.location.placeholder": "Par exemple : Montréal",
  "directory.apply": "Afficher les designers",
  "directory.clear": "Effacer les filtres",
  "directory.sort": "Trier par",
  "directory.sort.wins": "Le plus de concours gagnés",
  "directory.sort.rating": "Les mieux notés",
  "directory.sort.recent": "Actifs récemment",
  "directory.results": "Designers",
  "directory.forQuery": "pour « {q} »",
  "directory.inCategory": "Niveau, concours gagnés et notes dans la catégorie {category}.",
  "directory.note":
    "Les concours gagnés comptent les concours publics terminés. « Les mieux notés » place d’abord les designers qui ont au moins {min} évaluations de clients, selon leur moyenne.",
  "directory.card.wins":
    "{count, plural, =0 {Aucun concours gagné pour l’instant} one {# concours gagné} other {# concours gagnés}}",
  "directory.card.reviews": "{count, plural, one {sur # évaluation} other {sur # évaluations}}",
  "directory.card.noReview": "Aucune évaluation de client pour l’instant",
  "directory.card.categories": "Spécialités",
  "directory.empty": "Aucun designer ne correspond à cette recherche.",
  "directory.empty.hint": "Essayez avec moins de mots, ou retirez un filtre.",
  "directory.empty.none": "Aucun designer ne s’est encore inscrit.",
  "directory.pages": "Pages de designers",
  "directory.next": "Designers suivants",
  "directory.first": "Revenir à la première page",
  "directory.end": "Vous les avez tous vus.",
  "directory.error.cursor":
    "Ce lien de page est abîmé ou périmé. Veuillez recommencer à la première page de l’annuaire.",
};
