import type { enJudging } from "./en-judging";
/** Français (Québec): ratings and feedback, judges, the shortlist, the rating viewer, polls, notifications. */
export const frJudging: Record<keyof typeof enJudging, string> = {
  // ---- stars and ratings
  "judging.stars": "{n, plural, one {# étoile} other {# étoiles}}",
  "judging.stars.label": "Votre note",
  "judging.stars.give": "Noter {n} sur 5",
  "judging.stars.none": "Pas encore évaluée",
  "judging.stars.yours": "Vous avez donné {stars}",
  "judging.ratings": "{n, plural, one {# note} other {# notes}}",
  "judging.round.1": "Ronde 1",
  "judging.round.2": "Ronde finale",

  // ---- declines, eliminations
  "judging.decline.title": "Écarter cette proposition",
  "judging.decline.lead": "Le designer verra la raison. Vous pourrez revenir sur cette décision plus tard.",
  "judging.decline.reason": "Raison",
  "judging.decline.reason.off_brief": "elle ne respecte pas le brief",
  "judging.decline.reason.low_quality": "la qualité est insuffisante",
  "judging.decline.reason.copied": "elle semble copiée",
  "judging.decline.reason.other": "autre raison",
  "judging.decline.reasonLabel.off_brief": "Hors brief",
  "judging.decline.reasonLabel.low_quality": "Qualité insuffisante",
  "judging.decline.reasonLabel.copied": "Copiée",
  "judging.decline.reasonLabel.other": "Autre",
  "judging.decline.note": "Un mot pour le designer (facultatif)",
  "judging.decline.submit": "Écarter la proposition",
  "judging.decline.done": "Proposition nº {number} écartée.",
  "judging.decline.undo": "Réintégrer la proposition",
  "judging.decline.restored": "La proposition nº {number} est de nouveau en lice.",
  "judging.decline.badge": "Écartée",
  "judging.decline.because": "Écartée : {reason}.",
  "judging.eliminate.submit": "Exclure {name} du concours",
  "judging.eliminate.hint":
    "{name} ne pourra plus envoyer de nouvelles propositions à ce concours. Vous pourrez revenir sur cette décision.",
  "judging.eliminate.done": "{name} ne peut plus envoyer de propositions à ce concours.",
  "judging.eliminate.undo": "Permettre à {name} de participer de nouveau",
  "judging.eliminate.restored": "{name} peut de nouveau envoyer des propositions.",
  "judging.eliminate.badge": "Participation bloquée",

  // ---- comments and notes
  "judging.comments.title": "Conversation avec le designer",
  "judging.comments.titleDesigner": "Conversation avec le client",
  "judging.comments.empty":
    "Aucun commentaire pour l’instant. Dites ce qui fonctionne et ce qui serait à changer.",
  "judging.comments.emptyDesigner": "Aucun commentaire pour l’instant.",
  "judging.comments.label": "Commentaire pour le designer",
  "judging.comments.labelDesigner": "Réponse au client",
  "judging.comments.submit": "Envoyer le commentaire",
  "judging.comments.submitDesigner": "Envoyer la réponse",
  "judging.comments.client": "Client",
  "judging.comments.you": "Vous",
  "judging.comments.sent": "Commentaire envoyé.",
  "judging.notes.title": "Remarque privée pour le client",
  "judging.notes.hint": "Seul le client la voit, jamais le designer.",
  "judging.notes.label": "Votre remarque",
  "judging.notes.submit": "Enregistrer la remarque",
  "judging.notes.saved": "Remarque enregistrée.",
  "judging.notes.fromJudges": "Remarques des juges",
  "judging.feedback.clientStars": "Note du client",

  // ---- errors (reasons refused by the judging module)
  "judging.error.not_found": "Cette proposition ou ce concours n’existe pas, ou ne vous est pas accessible.",
  "judging.error.forbidden": "Seuls le client et les juges de ce concours peuvent faire cela.",
  "judging.error.rating_closed": "L’évaluation est fermée : ce concours n’est pas en ronde d’évaluation.",
  "judging.error.not_in_round": "En ronde finale, seules les propositions des finalistes sont évaluées.",
  "judging.error.entry_declined": "Cette proposition a été écartée. Réintégrez-la pour pouvoir l’évaluer.",
  "judging.error.entry_not_ready": "Cette proposition n’est pas encore prête.",
  "judging.error.not_declined": "Cette proposition n’est pas écartée.",
  "judging.error.finalist": "Vous ne pouvez pas exclure une ou un finaliste.",
  "judging.error.no_entries": "Cette personne n’a aucune proposition dans ce concours.",
  "judging.error.contest_closed":
    "Ce concours est terminé; il n’accepte plus de commentaires ni de modifications.",
  "judging.error.invalid": "Un élément de cette demande n’était pas valide. Veuillez réessayer.",
  "judging.validation.stars": "Choisissez de 1 à 5 étoiles.",
  "judging.validation.reason": "Choisissez une raison.",
  "judging.validation.comment": "Écrivez entre 1 et 2 000 caractères.",
  "judging.validation.note": "Votre remarque doit compter moins de 2 000 caractères.",

  // ---- the rating viewer
  "viewer.title": "Évaluer les propositions · {contest}",
  "viewer.close": "Fermer la visionneuse",
  "viewer.progress": "{rated, plural, one {# évaluée sur {total}} other {# évaluées sur {total}}}",
  "viewer.progressLabel": "Votre progression",
  "viewer.filter.label": "Afficher",
  "viewer.filter.all": "Toutes",
  "viewer.filter.unrated": "Non évaluées",
  "viewer.filter.top": "Les mieux notées",
  "viewer.filter.declined": "Écartées",
  "viewer.empty.all":
    "Aucune proposition pour l’instant. Les propositions des designers s’afficheront ici à mesure qu’elles arriveront.",
  "viewer.empty.unrated": "Vous avez évalué toutes les propositions. Bravo!",
  "viewer.empty.top": "Aucune proposition n’a encore reçu 4 étoiles ou plus.",
  "viewer.empty.declined": "Aucune proposition écartée.",
  "viewer.entry": "Proposition nº {number}",
  "viewer.entryBy": "Proposition nº {number} de {designer}",
  "viewer.prev": "Proposition précédente",
  "viewer.next": "Proposition suivante",
  "viewer.filmstrip": "Propositions",
  "viewer.compare": "Comparer",
  "viewer.comment": "Commentaires",
  "viewer.compare.pick": "Ajouter à la comparaison : {label}",
  "viewer.compare.submit": "Comparer la sélection",
  "viewer.compare.hint": "Cochez de 2 à 4 propositions, puis comparez-les côte à côte.",
  "viewer.compare.title": "Comparaison de {n} propositions",
  "viewer.compare.exit": "Revenir à une seule proposition",
  "viewer.compare.tooFew": "Choisissez au moins 2 propositions à comparer (4 au maximum).",
  "viewer.keys.title": "Raccourcis clavier",
  "viewer.keys.move": "changer de proposition",
  "viewer.keys.rate": "évaluer",
  "viewer.keys.decline": "écarter",
  "viewer.keys.comment": "commenter",
  "viewer.keys.note": "écrire une remarque",
  "viewer.similar.on": "Nº {number} :",
  "viewer.closed":
    "L’évaluation est terminée pour ce concours. Vous pouvez tout de même parcourir les propositions.",
  "viewer.round2": "Ronde finale : évaluez les plus récentes versions des finalistes.",
  "viewer.saved": "Enregistré",
  "viewer.saving": "Enregistrement…",
  "viewer.noPreview": "Aperçu pas encore disponible",
  "viewer.shortlist": "Présélection",
  "viewer.rated": "Votre note : {stars}",

  // ---- the shortlist
  "shortlist.title": "Présélection · {contest}",
  "shortlist.heading": "Présélection",
  "shortlist.lead.finalists":
    "Les propositions sont classées selon la note combinée de vos étoiles et de celles de vos juges. Choisissez de 1 à {max} designers finalistes pour la ronde finale.",
  "shortlist.lead.winner":
    "Classement des finalistes selon la note combinée. Choisissez la proposition gagnante.",
  "shortlist.lead.early":
    "Classement des propositions selon la note combinée. Vous pouvez choisir vos finalistes dès maintenant, ou désigner tout de suite la proposition gagnante.",
  "shortlist.lead.closed":
    "Le moment de choisir est passé pour ce concours. Voici le classement des propositions.",
  "shortlist.lead.fastTrack":
    "Formule express : pas de ronde finale. Choisissez la proposition gagnante quand vous le souhaitez.",
  "shortlist.empty": "Aucune proposition à classer pour l’instant.",
  "shortlist.unrated": "Pas encore évaluée",
  "shortlist.score": "Note combinée",
  "shortlist.scoreOf": "Note combinée de {score} sur 5",
  "shortlist.basis": "selon {ratings}",
  "shortlist.rank": "rang {rank}",
  "shortlist.yourStars": "Vous",
  "shortlist.judges": "Juges",
  "shortlist.noJudges": "Pas encore de juges.",
  "shortlist.inviteJudges": "Inviter des juges",
  "shortlist.openViewer": "Évaluer les propositions",
  "shortlist.finalist.pick": "Choisir {name} comme finaliste",
  "shortlist.finalist.badge": "Finaliste",
  "shortlist.finalists.submit": "Vérifier les finalistes",
  "shortlist.finalists.hint": "Cochez les designers que vous voulez en ronde finale.",
  "shortlist.winner.pick": "Choisir la proposition nº {number} de {name} comme gagnante",
  "shortlist.winner.submit": "Vérifier la proposition gagnante",
  "shortlist.confirm.title": "Veuillez confirmer",
  "shortlist.confirm.finalists":
    "Faire de ces designers vos finalistes? La ronde finale commence aussitôt, le prix devient garanti et les autres designers en sont avisés.",
  "shortlist.confirm.winner":
    "Choisir la proposition nº {number} de {name} comme gagnante? Le concours passe à la remise des fichiers, et tous les designers en sont avisés.",
  "shortlist.confirm.finalistsSubmit": "Oui, lancer la ronde finale",
  "shortlist.confirm.winnerSubmit": "Oui, choisir cette proposition",
  "shortlist.confirm.cancel": "Revenir en arrière",
  "shortlist.done.finalists":
    "{n, plural, one {La ronde finale est lancée avec # finaliste.} other {La ronde finale est lancée avec # finalistes.}}",
  "shortlist.done.winner": "Vous avez choisi la proposition gagnante.",
  "shortlist.done.winner.next": "Prochaine étape : la remise des fichiers",
  "shortlist.validation.finalists": "Choisissez de 1 à {max} designers.",
  "shortlist.validation.winner": "Choisissez une proposition.",

  // ---- judges
  "judges.title": "Juges · {contest}",
  "judges.heading": "Juges",
  "judges.lead":
    "Les juges évaluent chaque proposition et peuvent vous laisser des remarques privées, mais n’agissent jamais à votre place : le choix des finalistes, de la proposition gagnante et des propositions à écarter vous revient. Les designers ne savent jamais qui fait partie de votre jury.",
  "judges.invite.title": "Inviter un ou une juge",
  "judges.invite.email": "Son adresse courriel",
  "judges.invite.hint":
    "Nous lui enverrons un lien par courriel. Vous pouvez aussi transmettre ce lien vous-même; il ne fonctionne qu’une fois, pendant 14 jours.",
  "judges.invite.submit": "Inviter",
  "judges.invite.done": "Invitation envoyée à {email}. Vous pouvez aussi transmettre ce lien :",
  "judges.invite.copy": "Copier le lien",
  "judges.invite.copied": "Lien copié",
  "judges.invite.self": "C’est votre concours : vous évaluez déjà chaque proposition.",
  "judges.list.title": "Vos juges",
  "judges.list.empty":
    "Pas encore de juges. Des collègues, une associée ou un ami qui a l’œil peuvent vous aider à choisir.",
  "judges.list.rated": "{n, plural, one {# proposition évaluée} other {# propositions évaluées}}",
  "judges.list.remove": "Retirer {name} du jury",
  "judges.list.removed": "{name} ne fait plus partie du jury. Ses notes sont conservées.",
  "judges.pending.title": "Invitations en attente",
  "judges.pending.expires": "expire",
  "judges.pending.revoke": "Annuler l’invitation envoyée à {email}",
  "judges.pending.revoked": "Invitation annulée.",
  "judges.mail.subject": "{client} vous invite à faire partie du jury de « {contest} » sur Concours",
  "judges.mail.body":
    "Bonjour,\n\n{client} organise un concours de design sur Concours, « {contest} », et aimerait avoir votre avis sur les propositions.\nEn tant que juge, vous évaluez les propositions de 1 à 5 étoiles et pouvez laisser des remarques privées à {client}.\n\nAcceptez l’invitation ici (le lien ne fonctionne qu’une fois, pendant 14 jours) :\n\n{link}\n\nSi vous ne vous attendiez pas à ce message, vous pouvez simplement l’ignorer.",

  // ---- accepting an invitation
  "invitation.title": "Faire partie du jury d’un concours de design",
  "invitation.lead": "{client} vous invite à faire partie du jury de « {contest} ».",
  "invitation.what":
    "Vous évaluerez les propositions de 1 à 5 étoiles et pourrez laisser des remarques privées au client. Les designers ne sauront pas qui vous êtes.",
  "invitation.invited": "Invitation destinée à {email}",
  "invitation.accept": "Accepter et commencer à évaluer",
  "invitation.login": "Connectez-vous pour accepter",
  "invitation.signup": "Créez un compte pour accepter",
  "invitation.invalid.title": "Cette invitation n’est plus valide",
  "invitation.invalid.body":
    "Ce lien a expiré, a déjà servi ou a été annulé. Demandez une nouvelle invitation au client.",
  "invitation.error.client": "Vous organisez ce concours; vous ne pouvez pas aussi en être juge.",
  "invitation.error.entrant":
    "Vous avez envoyé des propositions à ce concours; vous ne pouvez donc pas en être juge.",

  // ---- polls
  "polls.title": "Sondages · {contest}",
  "polls.heading": "Sondages",
  "polls.lead":
    "Demandez l’avis de qui vous voulez : choisissez jusqu’à 8 propositions, partagez le lien et consultez les votes ici. Les résultats ne sont visibles que par vous.",
  "polls.new.title": "Nouveau sondage",
  "polls.new.question": "Votre question",
  "polls.new.questionDefault": "Quelle proposition préférez-vous?",
  "polls.new.entries": "Propositions du sondage (de 2 à 8)",
  "polls.new.pick": "Proposition nº {number}",
  "polls.new.submit": "Créer le sondage",
  "polls.new.done": "Sondage créé. Partagez le lien :",
  "polls.validation.entries": "Choisissez de 2 à 8 propositions.",
  "polls.validation.question": "Posez une question de 200 caractères au maximum.",
  "polls.list.empty": "Aucun sondage pour l’instant.",
  "polls.list.votes": "{n, plural, one {# vote} other {# votes}}",
  "polls.list.link": "Lien à partager",
  "polls.list.close": "Fermer le sondage",
  "polls.list.closed": "Fermé",
  "polls.list.comments": "Commentaires",
  "polls.vote.lead": "{client} choisit une création pour « {contest} » et aimerait avoir votre avis.",
  "polls.vote.pick": "Voter pour la proposition nº {number}",
  "polls.vote.comment": "Pourquoi? (facultatif)",
  "polls.vote.submit": "Voter",
  "polls.vote.change": "Modifier mon vote",
  "polls.vote.thanks":
    "Merci, votre vote est enregistré. Vous pouvez le modifier tant que le sondage est ouvert.",
  "polls.vote.yours": "Votre vote",
  "polls.vote.closed": "Ce sondage est fermé. Merci de votre intérêt.",
  "polls.vote.choose": "Choisissez une proposition.",
  "polls.vote.notFound": "Ce sondage n’existe pas ou n’est plus partagé.",
  "polls.vote.entryAlt": "Création nº {number}",

  // ---- notifications
  "notifications.title": "Notifications",
  "notifications.empty":
    "Rien de nouveau. Nous vous avertirons ici dès qu’il se passera quelque chose dans vos concours.",
  "notifications.markAll": "Tout marquer comme lu",
  "notifications.unread": "Nouveau",
  "notifications.allRead": "Vous êtes à jour.",
  "notify.aContest": "un concours",
  "notify.someone": "Quelqu’un",
  "notify.fallback": "Du nouveau dans « {contest} ».",
  "notify.contest.finalist":
    "Vous êtes finaliste de « {contest} ». La ronde finale a commencé : vous pouvez envoyer de nouvelles versions de vos propositions.",
  "notify.contest.not_finalist":
    "Le client a choisi d’autres finalistes pour « {contest} ». Merci d’avoir participé.",
  "notify.contest.pick_finalists":
    "La ronde de qualification de « {contest} » est terminée. Choisissez vos finalistes.",
  "notify.contest.pick_winner":
    "La ronde finale de « {contest} » est terminée. Choisissez la proposition gagnante.",
  "notify.contest.won":
    "Vous avez gagné « {contest} »! Téléversez les fichiers finaux pour recevoir le prix.",
  "notify.contest.not_won":
    "Une proposition gagnante a été choisie pour « {contest} »; ce n’était pas la vôtre cette fois-ci.",
  "notify.contest.won_by_rule":
    "Le prix de « {contest} » vous a été attribué : le client n’a pas fait son choix à temps et vous étiez la personne la mieux notée.",
  "notify.contest.resolved":
    "Le concours « {contest} » a été tranché selon les règles, car aucune proposition gagnante n’a été choisie à temps.",
  "notify.contest.split_by_rule":
    "Le prix de « {contest} » a été partagé entre les designers, car aucune proposition gagnante n’a été choisie à temps.",
  "notify.contest.refunded":
    "Le concours « {contest} » a pris fin sans proposition gagnante, et le prix a été remboursé.",
  "notify.contest.ended_without_winner": "Le concours « {contest} » a pris fin sans proposition gagnante.",
  "notify.contest.brief_changed": "Le brief de « {contest} » a été modifié. Consultez les changements.",
  "notify.contest.round_extended": "Le client a prolongé la ronde de « {contest} ».",
  "notify.contest.prize_released": "Le prix de « {contest} » a été libéré en votre faveur.",
  "notify.contest.eliminated":
    "Le client de « {contest} » n’accepte plus de nouvelles propositions de votre part.",
  "notify.contest.reinstated": "Vous pouvez de nouveau envoyer des propositions à « {contest} ».",
  "notify.entry.rated": "Le client a donné {stars} à votre proposition nº {number} dans « {contest} ».",
  "notify.entry.commented": "Le client a commenté votre proposition nº {number} dans « {contest} ».",
  "notify.entry.replied": "{name} a répondu au sujet de la proposition nº {number} dans « {contest} ».",
  "notify.judge.noted":
    "{name}, membre de votre jury, vous a laissé une remarque sur la proposition nº {number} dans « {contest} ».",
  "notify.entry.declined": "Votre proposition nº {number} dans « {contest} » a été écartée : {reason}.",
  "notify.entry.restored": "Votre proposition nº {number} dans « {contest} » est de nouveau en lice.",
  "notify.judge.joined": "{name} a accepté votre invitation à faire partie du jury de « {contest} ».",
  "notify.judge.removed": "Vous ne faites plus partie du jury de « {contest} ».",

  // ---- the contest's timeline (client only)
  "event.judge_invited": "{actor} a invité une personne à faire partie du jury",
  "event.judge_joined": "{actor} fait maintenant partie du jury",
  "event.judge_removed": "{actor} a retiré une personne du jury",
  "event.entry_declined": "{actor} a écarté la proposition nº {number}",
  "event.entry_restored": "{actor} a réintégré la proposition nº {number} au concours",
  "event.designer_eliminated": "{actor} a empêché {name} d’envoyer de nouvelles propositions",
  "event.designer_reinstated": "{actor} a permis à {name} d’envoyer de nouveau des propositions",
  "event.poll_created": "{actor} a lancé un sondage",

  // ---- time
  "time.justNow": "à l’instant",
};
