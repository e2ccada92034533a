import type { enReports } from "./en-reports";

/** Français (Québec) : les signalements avec droit de réponse, les avertissements et la file du soutien. */
export const frReports: Record<keyof typeof enReports, string> = {
  "reports.link": "Signaler",
  "reports.link.entry": "Signaler cette proposition",
  "reports.link.piece": "Signaler cette réalisation",
  "reports.link.message": "Signaler ce message",
  "reports.link.profile": "Signaler ce profil",
  "reports.fromFlag": "Signaler comme copie",

  "reports.reason.copied": "Copié du travail de quelqu'un d'autre",
  "reports.reason.stock": "Image de banque ou décalque",
  "reports.reason.ai": "Faite avec l'IA générative alors que le concours l'interdit",
  "reports.reason.offensive": "Offensant",
  "reports.reason.spam": "Pourriel",
  "reports.subject.entry": "Proposition nº {number} du concours « {contest} »",
  "reports.subject.piece": "Réalisation « {title} » du portfolio",
  "reports.subject.message": "Un message de {name}",
  "reports.subject.profile": "Le profil de {name}",
  "reports.subject.gone": "Ce contenu n'est plus sur Concours.",

  "reports.new.title": "Signaler un problème",
  "reports.new.lead":
    "Dites-nous ce qui ne va pas. Le ou la designer en est avisé et dispose de 24 heures pour retirer le contenu ou y répondre; notre équipe de soutien tranche ensuite. Votre nom ne lui est pas montré.",
  "reports.new.reason": "Quel est le problème?",
  "reports.new.body": "Ce que vous avez constaté",
  "reports.new.body.hint":
    "Quelques phrases : d'où cela vient, ce qui le trahit (au moins {min} caractères).",
  "reports.new.original": "Lien vers l'original",
  "reports.new.original.hint": "Obligatoire pour une copie : la page où l'œuvre originale est présentée.",
  "reports.new.fromFlag":
    "Concours a trouvé cette proposition très semblable à une proposition antérieure : le lien vers celle-ci est déjà inscrit.",
  "reports.new.submit": "Envoyer le signalement",
  "reports.new.cancel": "Annuler",

  "reports.refusal.self": "Vous ne pouvez pas signaler votre propre travail.",
  "reports.refusal.already":
    "Vous avez déjà signalé ce contenu. L'équipe de soutien tranchera sur votre premier signalement.",
  "reports.refusal.closed":
    "Les 24 heures pour répondre à ce signalement sont écoulées, ou il est clos : l'équipe de soutien tranche avec ce qu'elle a.",
  "reports.refusal.notWithdrawable": "Ce contenu ne peut plus être retiré.",
  "reports.refusal.notQueued":
    "Ce signalement n'attend pas de décision : le ou la designer a encore le temps de répondre, ou il est clos.",
  "reports.error.reason": "Choisissez le problème.",
  "reports.error.body": "Décrivez ce que vous avez constaté en au moins {min} caractères.",
  "reports.error.bodyMax": "Restez sous {max} caractères.",
  "reports.error.link": "Inscrivez une adresse Web complète, qui commence par https://.",
  "reports.error.original": "Pour une copie, donnez le lien vers l'original.",
  "reports.error.answer": "Rédigez votre réponse en quelques mots au moins.",
  "reports.error.decision": "Choisissez de retenir ou de rejeter le signalement.",

  "reports.page.title": "Signalement",
  "reports.page.filed": "Envoyé le {date}",
  "reports.page.yours": "Vous avez signalé ce contenu",
  "reports.page.aboutYou": "Votre travail a été signalé",
  "reports.page.reason": "Motif",
  "reports.page.body": "Ce qu'a écrit la personne qui signale",
  "reports.page.yourBody": "Ce que vous avez écrit",
  "reports.page.original": "L'original",
  "reports.page.status.answering": "En attente de la réponse du ou de la designer",
  "reports.page.status.queued": "Entre les mains de l'équipe de soutien",
  "reports.page.status.withdrawn": "Retiré par le ou la designer",
  "reports.page.status.upheld": "Retenu par l'équipe de soutien",
  "reports.page.status.dismissed": "Rejeté par l'équipe de soutien",
  "reports.page.deadline":
    "Vous avez jusqu'au {date} pour retirer le contenu ou pour répondre avec vos preuves.",
  "reports.page.deadlineReporter":
    "Le ou la designer a jusqu'au {date} pour retirer le contenu ou pour répondre.",
  "reports.page.late":
    "Les 24 heures pour répondre sont écoulées : l'équipe de soutien tranche avec ce qu'elle a.",
  "reports.page.answer": "Votre réponse",
  "reports.page.answer.label": "Vos preuves, dans vos mots",
  "reports.page.answer.hint":
    "Montrez que le travail est le vôtre : vos croquis, votre démarche, la source d'un élément semblable.",
  "reports.page.answerUrl": "Lien vers vos preuves (facultatif)",
  "reports.page.answer.submit": "Envoyer ma réponse à l'équipe de soutien",
  "reports.page.answered": "Votre réponse a été envoyée le {date}. L'équipe de soutien tranchera.",
  "reports.page.withdraw.title": "Ou retirez le contenu",
  "reports.page.withdraw.hint":
    "Le retirer dans les 24 heures clôt le signalement, sans avertissement à votre compte.",
  "reports.page.withdraw.entry": "Retirer ma proposition",
  "reports.page.withdraw.piece": "Retirer la réalisation de mon portfolio",
  "reports.page.withdrawn": "Retiré le {date}. Le signalement est clos, sans avertissement.",
  "reports.page.decision": "La décision de l'équipe de soutien",
  "reports.page.upheldStrike": "Cela compte comme un avertissement au compte.",
  "reports.page.sent": "Votre signalement est envoyé. Le ou la designer a 24 heures pour y répondre.",

  "reports.strikes": "{count, plural, one {# avertissement} other {# avertissements}} sur {max}",
  "reports.strikes.title": "Signalements retenus contre votre compte",
  "reports.strikes.hint":
    "Chaque signalement retenu par l'équipe de soutien est un avertissement; à {max} avertissements, le compte est suspendu.",

  "reports.queue.title": "Signalements",
  "reports.queue.lead":
    "Les signalements ouverts, du plus ancien au plus récent. Tranchez ceux auxquels le ou la designer a répondu ou dont les 24 heures sont écoulées.",
  "reports.queue.ready": "Prêts pour une décision",
  "reports.queue.waiting": "Dans leurs 24 heures",
  "reports.queue.empty": "Rien ici.",
  "reports.queue.answered": "réponse reçue",
  "reports.queue.late": "aucune réponse en 24 heures",
  "reports.queue.until": "jusqu'au {date}",
  "reports.queue.by": "{reporter} signale {reported}",
  "reports.queue.open": "Ouvrir le signalement",

  "reports.decide.title": "Signalement visant {name}",
  "reports.decide.reported": "Contenu signalé",
  "reports.decide.original": "L'œuvre originale",
  "reports.decide.originalLink": "Le lien vers l'original fourni par la personne qui signale",
  "reports.decide.reporter": "Personne qui signale",
  "reports.decide.answer": "La réponse du ou de la designer",
  "reports.decide.noAnswer": "Aucune réponse.",
  "reports.decide.strikes": "Avertissements à ce compte",
  "reports.decide.form": "Trancher",
  "reports.decide.choice": "Votre décision",
  "reports.decide.uphold": "Retenir (un avertissement; la proposition ou la réalisation est retirée)",
  "reports.decide.dismiss": "Rejeter",
  "reports.decide.reason": "Motif (les personnes concernées le liront)",
  "reports.decide.submit": "Enregistrer la décision",
  "reports.decide.done": "Décision enregistrée.",
  "reports.decide.suspended": "C'était le troisième avertissement : le compte est suspendu.",
  "reports.decide.waiting": "Le ou la designer a encore jusqu'au {date} pour répondre ou retirer le contenu.",
  "reports.decide.back": "Tous les signalements",

  "notify.report.filed":
    "{subject, select, entry {Votre proposition nº {number} du concours « {contest} » a été signalée} piece {Votre réalisation « {title} » a été signalée} message {Votre message a été signalé} other {Votre profil a été signalé}} (motif : {why, select, copied {copie} stock {image de banque ou décalque} ai {IA générative} offensive {contenu offensant} other {pourriel}}). {subject, select, entry {Vous avez 24 heures pour la retirer ou pour répondre.} piece {Vous avez 24 heures pour la retirer ou pour répondre.} other {Vous avez 24 heures pour répondre.}}",
  "notify.report.withdrawn":
    "Le ou la designer a retiré {subject, select, piece {la réalisation « {title} »} other {la proposition nº {number} du concours « {contest} »}} que vous aviez signalée.",
  "notify.report.decided":
    "{role, select, reported {Le signalement visant votre {subject, select, entry {proposition nº {number} du concours « {contest} »} piece {réalisation « {title} »} message {message} other {profil}}} client {Un signalement visant la proposition nº {number} de votre concours « {contest} »} other {Votre signalement visant {subject, select, entry {la proposition nº {number} du concours « {contest} »} piece {la réalisation « {title} »} message {le message} other {le profil}}}} a été {decision, select, upheld {retenu} other {rejeté}} par l'équipe de soutien.",
  "notify.category.reports": "Signalements visant mon travail, et leur issue",
};
