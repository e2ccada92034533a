import type { enDashboard } from "./en-dashboard";
/** Français (Québec): the dashboard by role (designers, judges; the client's part is in en-contests) and the header. */
export const frDashboard: Record<keyof typeof enDashboard, string> = {
  "dashboard.heading": "Tableau de bord",
  "dashboard.nothingNeeded.plain":
    "Rien ne requiert votre attention pour le moment. Nous vous avertirons quand ce sera le cas.",
  "dashboard.alsoRun": "Vous avez besoin de design, vous aussi?",
  "dashboard.task.hand_over": "Remettez vos fichiers",
  "dashboard.task.hand_over.files_signature":
    "Téléversez les fichiers finaux et signez l’entente de cession de droits",
  "dashboard.task.hand_over.files": "Téléversez les fichiers finaux",
  "dashboard.task.hand_over.signature": "Signez l’entente de cession de droits",
  "dashboard.cta.hand_over": "Ouvrir la remise des fichiers",
  "dashboard.task.judge_entries":
    "{n, plural, one {# proposition à évaluer} other {# propositions à évaluer}}",
  "dashboard.cta.judge_entries": "Évaluer les propositions",

  "dashboard.judging.title": "Concours dont vous êtes juge",
  "dashboard.judging.lead": "Le client de chaque concours voit vos étoiles à côté des siennes.",
  "dashboard.judging.none": "Aucun concours n’attend votre évaluation pour le moment.",
  "dashboard.judging.progress": "{rated, plural, one {# évaluée sur {total}} other {# évaluées sur {total}}}",
  "dashboard.judging.open": "Évaluer les propositions",
  "dashboard.judging.review": "Revoir vos notes",

  "dashboard.entries.title": "Vos propositions",
  "dashboard.entries.all": "Toutes vos propositions",
  "dashboard.entries.group.won": "Gagnées",
  "dashboard.entries.group.running": "En lice",
  "dashboard.entries.group.processing": "En préparation",
  "dashboard.entries.group.closed": "Terminées",
  "dashboard.entries.finalist": "Finaliste",
  "dashboard.entries.more":
    "{n, plural, one {Voir # autre proposition} other {Voir les # autres propositions}}",
  "dashboard.designer.empty.title": "Trouvez un concours auquel participer",
  "dashboard.designer.empty.body":
    "Parcourez les concours ouverts, lisez le brief, téléversez une proposition. Le prix de chaque concours est déposé en entiercement avant son ouverture.",
  "dashboard.designer.empty.cta": "Parcourir les concours ouverts",

  "dashboard.earnings.title": "Gains",
  "dashboard.earnings.none":
    "Aucun prix pour l’instant. Le prix d’un concours gagné apparaît ici une fois la remise des fichiers approuvée.",
  "dashboard.earnings.open": "Voir vos gains",

  "contest.clientTools": "Juges et sondages",
  "contest.clientTools.polls": "Lancer un sondage",

  "nav.menu": "Menu",
  "dashboard.levels.title": "Vos niveaux",
  "dashboard.levels.categories": "Choisir vos spécialités",
  "dashboard.levels.none":
    "Choisissez ce que vous concevez dans votre profil pour suivre votre niveau dans chaque catégorie.",
  "dashboard.levels.wins":
    "{n, plural, one {Encore # concours à gagner} other {Encore # concours à gagner}} en {category} pour atteindre {level, select, mid {le niveau intermédiaire} top {le niveau expert} other {le niveau suivant}}.",
  "dashboard.levels.reviews":
    "{n, plural, one {Encore # évaluation de client} other {Encore # évaluations de clients}} pour {level, select, mid {le niveau intermédiaire} top {le niveau expert} other {le niveau suivant}}.",
  "dashboard.levels.average":
    "Une moyenne de {average} étoiles des clients pour {level, select, mid {le niveau intermédiaire} top {le niveau expert} other {le niveau suivant}}.",
  "dashboard.levels.top": "Le plus haut niveau dans cette catégorie.",
  "dashboard.levels.rules":
    "Les niveaux se gagnent dans chaque catégorie, d’après votre parcours seulement. Niveau intermédiaire\u00a0: {midWins} concours gagnés dans la catégorie, et une moyenne d’au moins {midAverage} étoiles si des clients vous ont évalué. Niveau expert\u00a0: {topWins} concours gagnés, au moins {topReviews} évaluations de clients et une moyenne d’au moins {topAverage} étoiles.",
};
