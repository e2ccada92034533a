import type { enHandover } from "./en-handover";
/** Français (Québec): the handover, the design transfer agreement, downloads, earnings, payouts and receipts. */
export const frHandover: Record<keyof typeof enHandover, string> = {
  // ---- the contest page's way in ----
  "contest.action.handover": "Examiner la remise des fichiers",
  "contest.action.handover.winner": "Remettre les fichiers finaux",
  "contest.action.handover.done": "Vos fichiers et l’entente",

  // ---- the handover page ----
  "handover.title": "Remise des fichiers",
  "handover.pageTitle": "Remise des fichiers · {contest}",
  "handover.back": "Retour au concours",
  "handover.lead.client":
    "{designer} a gagné avec la proposition nº {number}. Les fichiers finaux seront téléversés ici et vous signerez tous les deux l’entente de cession de droits; ensuite, vous approuverez la remise et le prix sera versé.",
  "handover.lead.winner":
    "Vous avez gagné « {contest} » avec la proposition nº {number}. Téléversez les fichiers finaux dans les formats demandés par le brief et signez l’entente de cession de droits; dès que {client} approuve la remise, le prix est à vous.",
  "handover.lead.completed": "La remise des fichiers est terminée. Le prix a été versé le",
  "handover.step.files": "Fichiers finaux",
  "handover.step.agreement": "Entente de cession",
  "handover.step.approval": "Approbation",
  "handover.step.done": "Terminé",
  "handover.step.waiting": "En attente",
  "handover.steps": "Étapes de la remise des fichiers",
  "handover.autoApprove": "Approbation automatique",
  "handover.autoApprove.client":
    "Si vous n’approuvez pas la remise et ne demandez aucune modification, elle sera approuvée et le prix sera versé automatiquement le",
  "handover.autoApprove.winner": "Sans réponse du client, la remise sera approuvée automatiquement le",
  "handover.autoApprove.needsSignature":
    "L’approbation automatique exige d’abord que {designer} signe l’entente; d’ici là, elle est reportée d’un jour à la fois.",
  "handover.autoApprove.needsYourSignature":
    "L’approbation automatique exige d’abord votre signature sur l’entente; d’ici là, elle est reportée d’un jour à la fois.",
  "handover.notStarted.client":
    "Le délai commence quand {designer} téléverse le premier fichier. Vous recevrez un courriel.",
  "handover.notStarted.winner":
    "Téléversez votre premier fichier pour commencer la remise. Le client aura ensuite 5 jours pour l’approuver; sinon, elle sera approuvée automatiquement.",
  "handover.winningEntry": "Proposition gagnante",
  "handover.uploaded": "Votre fichier est téléversé.",
  "handover.replaced": "La nouvelle version est téléversée; les précédentes sont conservées.",
  "handover.signedNotice": "Vous avez signé l’entente de cession de droits.",
  "handover.messageSent": "Message envoyé.",
  "handover.approvedNotice": "Vous avez approuvé la remise des fichiers. Le prix a été versé à {designer}.",

  // ---- final files ----
  "handover.files.title": "Fichiers finaux",
  "handover.files.lead.client":
    "Ce que {designer} vous remet. Ouvrez chaque fichier et vérifiez-le avant d’approuver; les originaux de la création gagnante vous appartiennent dès votre approbation.",
  "handover.files.lead.winner":
    "Formats acceptés : {formats}. Jusqu’à {limit} par fichier. Chaque version que vous téléversez est conservée.",
  "handover.files.empty.client":
    "Aucun fichier pour l’instant. {designer} a reçu la liste de ce que demande le brief.",
  "handover.files.empty.winner":
    "Aucun fichier pour l’instant. Téléversez le premier pour commencer la remise.",
  "handover.files.version": "v{n}",
  "handover.files.versions": "Versions précédentes ({n})",
  "handover.files.checksum": "SHA-256",
  "handover.files.download": "Télécharger",
  "handover.files.downloadLabel": "Télécharger {name}",
  "handover.files.upload": "Ajouter un fichier",
  "handover.files.uploadButton": "Téléverser le fichier",
  "handover.files.replace": "Remplacer",
  "handover.files.replaceLabel": "Remplacer {name} par une nouvelle version",
  "handover.files.replaceButton": "Téléverser la nouvelle version",
  "handover.files.choose": "Choisissez un fichier ou déposez-le ici",
  "handover.files.chosen": "Prêt à téléverser : {name}",
  "handover.files.uploading": "Téléversement… {percent} %",
  "handover.files.failed": "Le téléversement n’a pas abouti. Vérifiez votre connexion et réessayez.",
  "handover.format.svg": "SVG",
  "handover.format.ai": "Adobe Illustrator",
  "handover.format.eps": "EPS",
  "handover.format.pdf": "PDF",
  "handover.format.png": "PNG",
  "handover.format.jpg": "JPEG",
  "handover.format.psd": "Photoshop",
  "handover.format.figma": "Figma",
  "handover.format.zip": "ZIP",
  "handover.detected.pdf": "un PDF",
  "handover.detected.postscript": "un fichier PostScript",
  "handover.detected.eps_binary": "un EPS avec aperçu",
  "handover.detected.png": "une image PNG",
  "handover.detected.jpeg": "une image JPEG",
  "handover.detected.psd": "un document Photoshop",
  "handover.detected.zip": "une archive ZIP",
  "handover.detected.fig": "un fichier Figma",
  "handover.detected.gif": "une image GIF",
  "handover.detected.webp": "une image WebP",
  "handover.detected.tiff": "une image TIFF",
  "handover.detected.svg": "un dessin SVG",
  "handover.detected.html": "une page HTML",
  "handover.detected.text": "du texte brut",
  "handover.detected.unknown": "un format que nous ne reconnaissons pas",
  "handover.format.either": "{rest} ou {last}",
  "handover.refusal.noExtension":
    "Ajoutez au nom du fichier l’extension de son format (par exemple logo.svg) pour que le client sache de quoi il s’agit.",
  "handover.refusal.notAsked":
    "Le brief demande {formats}; ce fichier est en .{ext}. Pour tout autre format, placez le fichier dans une archive .zip.",
  "handover.refusal.mismatch":
    "Ce fichier porte l’extension .{ext}, mais c’est {detected}. Exportez-le de nouveau en {format} ou donnez-lui la bonne extension.",
  "handover.refusal.empty": "Ce fichier est vide. Choisissez-le de nouveau et téléversez-le.",
  "handover.refusal.tooLarge":
    "Ce fichier dépasse {limit}. Téléversez un fichier de {limit} ou moins, ou répartissez son contenu dans plusieurs archives .zip.",
  "handover.refusal.missing": "Choisissez un fichier à téléverser.",
  "handover.refusal.malformed": "Le fichier n’est pas arrivé au complet. Veuillez réessayer.",
  "handover.refusal.oneFile": "Téléversez un seul fichier à la fois.",
  "handover.refusal.notWinner": "Seul le gagnant ou la gagnante du concours téléverse les fichiers finaux.",
  "handover.refusal.closed": "La remise des fichiers est terminée : les fichiers ne peuvent plus changer.",
  "handover.refusal.noSuchFile": "Ce fichier ne fait pas partie de cette remise.",

  // ---- the thread ----
  "handover.thread.title": "Messages",
  "handover.thread.lead":
    "Demandez de petites modifications, répondez aux questions, dites merci. Ces messages ne sont visibles que par vous deux.",
  "handover.thread.empty": "Aucun message pour l’instant.",
  "handover.thread.label": "Votre message",
  "handover.thread.send": "Envoyer",
  "handover.thread.you": "Vous",
  "handover.thread.required": "Écrivez d’abord un message.",
  "handover.thread.tooLong": "Votre message ne peut pas dépasser {max} caractères.",

  // ---- the agreement ----
  "agreement.title": "Entente de cession de droits",
  "agreement.lead":
    "Vous signez tous les deux en inscrivant votre nom légal. Une fois les deux signatures apposées, l’entente ne peut plus changer; vous pouvez la télécharger en tout temps.",
  // In a template literal the non-breaking spaces are written \u00a0 (eslint: no-irregular-whitespace).
  "agreement.text": `ENTENTE DE CESSION DE DROITS

Date\u00a0: {date}
Concours\u00a0: «\u00a0{contest}\u00a0» sur Concours (référence {contestId})

Entre {client} («\u00a0le Client\u00a0») et {designer} («\u00a0le Designer\u00a0»), chaque partie étant identifiée par le nom légal inscrit avec sa signature ci-dessous.

1. L’Œuvre. La création que le Designer a soumise comme proposition nº\u00a0{number}, «\u00a0{entry}\u00a0», choisie comme gagnante du concours, ainsi que chacun des fichiers finaux que le Designer transmet dans le cadre de la remise des fichiers du concours et chacune des versions antérieures de la proposition (collectivement, «\u00a0l’Œuvre\u00a0»).

2. Cession des droits. Au moment où le prix lui est versé, le Designer cède au Client, pour le monde entier et pour toute la durée de la protection, la totalité des droits d’auteur et des autres droits de propriété intellectuelle sur l’Œuvre, y compris les droits de la reproduire, de l’adapter, de la publier et de l’enregistrer comme marque de commerce. Dans la mesure où les droits moraux ne peuvent être cédés, le Designer y renonce en faveur du Client et de ses successeurs et ayants cause, et s’engage à ne pas les faire valoir à l’encontre de quelque utilisation de l’Œuvre que ce soit.

3. Paiement. Le prix de {prize}, détenu en entiercement par Concours depuis le début du concours, constitue la contrepartie complète de la présente cession. Il est versé lorsque le Client approuve la remise des fichiers ou, automatiquement, à la fin du délai d’approbation de la remise.

4. Originalité. Le Designer confirme que l’Œuvre est sa propre création originale, qu’à sa connaissance elle ne porte atteinte aux droits de personne, et que les polices de caractères, images ou autres éléments de tiers qu’elle utilise sont mentionnés dans la remise des fichiers, avec leurs licences.

5. Portfolio. Le Designer peut présenter l’Œuvre dans son portfolio à titre d’exemple de son travail, sauf si le concours était privé ou assujetti à une entente de confidentialité.

6. Intégralité de l’entente. La présente entente, le brief de création du concours et les conditions d’utilisation de Concours constituent l’entente complète entre les parties au sujet de l’Œuvre. Chaque partie signe électroniquement en inscrivant son nom légal; Concours enregistre l’heure, l’adresse réseau et le navigateur de chaque signature, ainsi qu’une empreinte SHA-256 du présent texte.`,
  "agreement.preview":
    "Voici les textes que vous pouvez signer. Leur date sera celle de la première signature.",
  "agreement.bilingual":
    "L’entente vous est présentée d’abord en français, comme l’exige la loi québécoise pour un contrat de ce type, puis en anglais. Lisez l’une ou l’autre version, ou les deux, puis choisissez la langue dans laquelle vous signez : la première signature la fixe pour vous deux.",
  "agreement.version.fr": "Version française",
  "agreement.version.en": "Version anglaise",
  "agreement.version.signed": "Le texte signé ({language, select, fr {français} other {anglais}})",
  "agreement.version.translation":
    "Version {language, select, fr {française} other {anglaise}}, à titre informatif seulement",
  "agreement.translation.note":
    "Traduction fournie à titre informatif. L’entente est le texte signé ci-dessus, celui dont l’empreinte SHA-256 est conservée.",
  "agreement.language.fixed":
    "Cette entente est signée en {language, select, fr {français} other {anglais}} : la première signature en a fixé la langue.",
  "agreement.language.signFixed":
    "Vous signez le même texte, en {language, select, fr {français} other {anglais}}.",
  "agreement.language.legend": "Langue de signature",
  "agreement.language.hint": "L’autre partie signera le même texte.",
  "agreement.language.option.fr": "Français",
  "agreement.language.option.en": "English",
  "agreement.error.language": "Choisissez la langue dans laquelle vous signez : le français ou l’anglais.",
  "agreement.error.languageFixed":
    "L’entente vient d’être signée en {language, select, fr {français} other {anglais}}, ce qui en fixe la langue. Lisez ce texte, puis signez-le.",
  "agreement.signatures": "Signatures",
  "agreement.party.client": "Client",
  "agreement.party.designer": "Designer",
  "agreement.signedBy": "Signée par {name}",
  "agreement.signedOn": "le",
  "agreement.notSigned": "Pas encore signée",
  "agreement.legalName": "Votre nom légal",
  "agreement.legalName.hint": "Tel qu’il figure sur un document officiel. En l’inscrivant, vous signez.",
  "agreement.agree": "J’ai lu l’entente et j’en accepte les termes.",
  "agreement.sign": "Signer l’entente",
  "agreement.complete": "Signée par les deux parties. Cette entente ne peut plus être modifiée.",
  "agreement.digest": "Empreinte SHA-256 du texte",
  "agreement.downloadPdf": "Télécharger l’entente (PDF)",
  "agreement.downloadText": "Texte signé (.txt)",
  "agreement.downloadText.hint":
    "Le texte exact que vous avez signé tous les deux; son empreinte SHA-256 est celle affichée ici.",
  "agreement.error.name": "Inscrivez votre nom légal, tel qu’il figure sur un document officiel.",
  "agreement.error.agree": "Cochez la case pour accepter l’entente.",
  "agreement.error.alreadySigned": "Vous avez déjà signé cette entente.",
  "agreement.error.notYet": "L’entente pourra être téléchargée dès qu’une des parties l’aura signée.",
  "agreement.pdf.signatures": "Signatures",
  "agreement.pdf.signedAs": "{party} : {name}, signée le {date} UTC à partir de l’adresse IP {ip}",
  "agreement.pdf.userAgent": "Navigateur : {ua}",
  "agreement.pdf.unsigned": "{party} : non signée",
  "agreement.pdf.digest": "Empreinte SHA-256 du texte de l’entente : {digest}",
  "agreement.pdf.verify":
    "Le texte est conservé exactement tel qu’il a été signé. Pour vérifier l’empreinte, téléchargez-le en format texte à partir de la page de remise des fichiers.",
  "agreement.pdf.page": "Page {n} de {total}",

  // ---- approval ----
  "approval.title": "Approuver et verser le prix",
  "approval.lead.ready":
    "Tout est prêt. Dès que vous approuvez, {prize} est versé à {designer} et les fichiers sont à vous.",
  "approval.lead.missing": "Avant de pouvoir approuver :",
  "approval.missing.files": "{designer} n’a encore téléversé aucun fichier final.",
  "approval.missing.clientSignature": "Vous n’avez pas encore signé l’entente de cession de droits.",
  "approval.missing.designerSignature": "{designer} n’a pas encore signé l’entente de cession de droits.",
  "approval.check.files": "Fichiers finaux téléversés",
  "approval.check.youSigned": "Vous avez signé l’entente",
  "approval.check.otherSigned": "{name} a signé l’entente",
  "approval.review": "Vérifier et approuver",
  "approval.confirm.lead": "Vous êtes sur le point d’approuver la remise des fichiers de « {contest} ».",
  "approval.confirm.warning":
    "Le prix de {prize} sera alors versé immédiatement à {designer}. Cette action est irréversible. S’il manque quelque chose, demandez d’abord des modifications dans les messages.",
  "approval.confirm.files": "Ouvrez chaque fichier avant de cocher la case :",
  "approval.confirm.label": "J’ai vérifié les fichiers et j’autorise le versement de {prize} à {designer}.",
  "approval.confirm.submit": "Approuver et verser le prix",
  "approval.confirm.cancel": "Retour à la remise des fichiers",
  "approval.refused.missing": "La remise ne peut pas encore être approuvée. {missing}",
  "approval.refused.closed": "Cette remise ne peut plus être approuvée.",
  "approval.refused.notClient": "Seul le client peut approuver la remise des fichiers.",
  "approval.waiting.winner": "{client} approuvera la remise quand les fichiers lui conviendront.",

  // ---- downloads ----
  "downloads.lead":
    "Les fichiers finaux et l’original de la création gagnante. Les liens sont valides pendant {minutes} minutes; chaque clic sur un bouton en crée un nouveau.",
  "downloads.original": "Original de la création gagnante",
  "downloads.originalVersion": "Proposition nº {number}, version {version} · {format}",
  "downloads.zip": "Tout télécharger (.zip)",
  "downloads.zip.hint": "La version actuelle de chaque fichier final{originals}, en un seul fichier.",
  "downloads.zip.originals": " et les originaux de la création gagnante",
  "downloads.expired":
    "Ce lien de téléchargement a expiré ou n’est pas valide. Retournez à la page de remise des fichiers pour en obtenir un nouveau.",

  // ---- earnings ----
  "nav.earnings": "Gains",
  "money.tabs": "Finances",
  "money.tab.earnings": "Gains",
  "money.tab.receipts": "Reçus",
  "earnings.title": "Gains",
  "earnings.lead": "Les prix que vous avez gagnés, ce que vous avez retiré et ce qui est en route vers vous.",
  "earnings.available": "Disponible",
  "earnings.inFlight": "En route vers vous",
  "earnings.paidOut": "Versé",
  "earnings.empty": "Aucun gain pour l’instant. Quand un client vous versera un prix, il apparaîtra ici.",
  "earnings.empty.cta": "Trouver un concours",
  "earnings.movements": "Activité",
  "earnings.movement.prize": "Prix",
  "earnings.movement.payout": "Versement",
  "earnings.movement.payout_returned": "Versement retourné",
  "earnings.movement.contest": "« {contest} »",
  "earnings.col.date": "Date",
  "earnings.col.what": "Description",
  "earnings.col.amount": "Montant",
  "earnings.payouts": "Versements",
  "earnings.payout.title": "Retirer des fonds",
  "earnings.payout.lead": "Transférez de l’argent de votre solde vers votre compte de versement.",
  "earnings.payout.amount": "Montant",
  "earnings.payout.amount.hint": "Jusqu’à {available}.",
  "earnings.payout.currency": "De votre solde en",
  "earnings.payout.currency.option": "{currency} : {available} disponibles",
  "earnings.payout.destination": "Compte de versement",
  "earnings.payout.destination.hint":
    "L’identifiant de votre compte de versement (en mode test, n’importe quel identifiant fonctionne).",
  "earnings.payout.review": "Vérifier le versement",
  "earnings.payout.nothing": "Rien à retirer pour l’instant.",
  "earnings.payout.confirm.title": "Effectuer un versement",
  "earnings.payout.confirm.lead": "{amount} de votre solde vers le compte {destination}.",
  "earnings.payout.confirm.warning":
    "L’argent quitte votre solde dès maintenant. Si le virement échoue, il y est remis.",
  "earnings.payout.confirm.label": "Envoyer {amount} au compte {destination}.",
  "earnings.payout.confirm.submit": "Effectuer le versement",
  "earnings.payout.confirm.cancel": "Retour aux gains",
  "earnings.payout.error.amount": "Entrez un montant, par exemple 120 ou 120,50.",
  "earnings.payout.error.tooMuch": "Vous pouvez retirer jusqu’à {available}.",
  "earnings.payout.error.destination": "Entrez l’identifiant de votre compte de versement.",
  "earnings.payout.status.paid": "Versé",
  "earnings.payout.status.pending": "En route",
  "earnings.payout.status.failed": "Échec, montant remis au solde",
  "earnings.payout.status.needs_review": "En vérification",
  "earnings.payout.to": "au compte {destination}",

  // ---- receipts ----
  "receipts.title": "Reçus",
  "receipts.lead":
    "Ce que vous avez payé pour chaque concours, les frais de la plateforme et les remboursements.",
  "receipts.empty":
    "Aucun paiement pour l’instant. Vos reçus apparaîtront ici quand vous lancerez un concours.",
  "receipts.paid": "Payé",
  "receipts.prize": "Prix",
  "receipts.fee": "Frais de plateforme",
  "receipts.feeKept": "Frais retenus",
  "receipts.refunded": "Remboursé",
  "receipts.net": "Coût net",
  "receipts.funded": "Payé le",
  "receipts.status.held": "Prix en entiercement",
  "receipts.status.awarded": "Prix versé",
  "receipts.status.refunded": "Remboursé",
  "receipts.total": "Totaux ({currency})",

  // ---- notifications and mail ----
  "notify.handover.started":
    "{name} a téléversé les premiers fichiers finaux de « {contest} ». Examinez-les d’ici 5 jours.",
  "notify.handover.files_updated": "{name} a ajouté ou remplacé des fichiers finaux de « {contest} ».",
  "notify.handover.reminder.2":
    "Il vous reste 2 jours pour examiner la remise des fichiers de « {contest} »; ensuite, elle sera approuvée automatiquement.",
  "notify.handover.reminder.1":
    "Il vous reste 1 jour pour examiner la remise des fichiers de « {contest} »; ensuite, elle sera approuvée automatiquement.",
  "notify.handover.message": "{name} vous a écrit au sujet de la remise des fichiers de « {contest} ».",
  "notify.handover.signed": "{name} a signé l’entente de cession de droits de « {contest} ».",
  "notify.contest.handover_sign_to_be_paid":
    "Le client de « {contest} » ne s’est pas manifesté : la remise peut donc être approuvée automatiquement, mais seulement une fois que vous aurez signé l’entente de cession de droits. Signez-la pour recevoir le prix.",
  "notify.contest.handover_auto_approved":
    "La remise des fichiers de « {contest} » a été approuvée automatiquement. Vos fichiers sont prêts à être téléchargés.",
  "mail.handover.reminder.subject": "Il reste {days} pour examiner les fichiers de « {contest} »",
  "mail.handover.reminder.days": "{n, plural, one {# jour} other {# jours}}",
  "mail.handover.reminder.body":
    "Bonjour {client},\n\n{designer} a remis les fichiers finaux de «\u00a0{contest}\u00a0». Si vous ne faites rien, la remise des fichiers sera approuvée automatiquement le {date} (heure de l’Est) et le prix de {prize} sera versé.\n\nExaminez les fichiers, signez l’entente de cession de droits et approuvez la remise, ou demandez des changements, ici\u00a0:\n\n{link}\n\nConcours",

  // ---- the timeline (resolution without a winner) ----
  "event.refunded_by_rule.no_entries":
    "Le concours s’est terminé sans aucune proposition; le prix a été remboursé",
  "event.refunded_by_rule.not_guaranteed":
    "Le client n’a pas fait son choix à temps et le prix n’était pas garanti; il a été remboursé",
  "event.awarded_by_rule.top":
    "Le client n’a pas fait son choix à temps; selon les règles, le prix a été attribué à {name}, designer ayant obtenu la meilleure note",
  "event.split_by_rule.amounts":
    "Le client n’a pas fait son choix à temps; selon les règles, le prix a été partagé : {awards}",
};
