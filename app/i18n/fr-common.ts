import type { enCommon } from "./en-common";
/** Français (Québec): the frame of every page (header, footer, errors), accounts, payments and payouts. */
export const frCommon: Record<keyof typeof enCommon, string> = {
  "app.name": "Concours",
  "common.label": "{label} :",
  "app.tagline": "Des concours de design justes pour les designers et clairs pour les clients.",
  "nav.breadcrumb": "Fil d’Ariane",
  "nav.contests": "Parcourir les concours",
  "nav.howItWorks": "Comment ça marche",
  "nav.login": "Se connecter",
  "nav.signup": "Créer un compte",
  "nav.logout": "Se déconnecter",
  "nav.account": "Compte",
  "nav.account.hint": "(votre compte)",
  "nav.myEntries": "Mes propositions",
  "nav.notifications": "Notifications",
  "nav.notifications.unread": "non lues",
  "nav.mailbox": "Boîte de réception",
  "nav.skip": "Aller au contenu",
  "nav.main": "Menu principal",
  "footer.legal": "Mentions légales",
  "footer.note": "Concours · prix retenus en entiercement · chaque ronde consignée",
  "field.optional": "facultatif",
  "upload.picked": "Fichier choisi.",

  "landing.hero.title":
    "Vous envoyez un brief. Des dizaines de designs vous reviennent. Vous choisissez le bon.",
  "landing.hero.lead":
    "Lancez un concours de design : rédigez votre brief, placez le prix en entiercement, et des designers d’un peu partout vous envoient leurs ébauches. Évaluez-les avec votre équipe, retenez des finalistes, choisissez la proposition gagnante, puis recevez les fichiers et les droits.",
  "landing.cta.client": "Lancer un concours",
  "landing.cta.designer": "Trouver un concours où participer",
  "landing.steps.title": "Comment se déroule un concours",
  "landing.step1.title": "1 · Le brief",
  "landing.step1.body":
    "Dites-nous ce qu’il vous faut, à qui ça s’adresse et le style qui vous plaît. Fixez un prix : il est retenu en entiercement jusqu’à la remise des fichiers.",
  "landing.step2.title": "2 · Les propositions",
  "landing.step2.body":
    "Les designers envoient leurs ébauches. Vous voyez chacune dès son arrivée, en aperçu avec filigrane.",
  "landing.step3.title": "3 · Les rondes d’évaluation",
  "landing.step3.body":
    "Donnez des étoiles, commentez, invitez des juges. Retenez jusqu’à six finalistes, qui présentent de nouvelles versions en ronde finale.",
  "landing.step4.title": "4 · Le choix final et la remise des fichiers",
  "landing.step4.body":
    "Choisissez la proposition gagnante. Son designer vous remet les fichiers finaux et vous cède les droits; le prix est ensuite versé.",
  "landing.clients.title": "Pour les clients",
  "landing.clients.body":
    "Une foule d’idées pour un seul prix, une démarche équitable que vous pouvez suivre avec votre équipe, et la pleine propriété du design à la fin.",
  "landing.designers.title": "Pour les designers",
  "landing.designers.body":
    "Le prix est en entiercement avant même que vous commenciez et garanti dès le choix des finalistes, les copies sont signalées, et chaque proposition reçoit des commentaires.",
  "landing.mosaic.label": "Designs récents proposés dans des concours ouverts",
  "landing.mosaic.alt": "Un design proposé pour le concours « {title} »",
  "landing.open.title": "Concours ouverts",
  "landing.open.empty": "Aucun concours n’est ouvert pour l’instant. Lancez le premier!",

  "auth.email": "Courriel",
  "auth.password": "Mot de passe",
  "auth.displayName": "Votre nom",
  "auth.displayName.hint": "Affiché sur vos propositions et vos concours.",
  "auth.password.hint": "Au moins 8 caractères. Une longue phrase de passe, c’est encore mieux.",
  "auth.role": "Je viens pour",
  "auth.role.client": "Lancer un concours (client ou cliente)",
  "auth.role.designer": "Participer à des concours (designer)",
  "auth.role.hint": "Vous pourrez faire les deux plus tard avec le même compte.",
  "auth.signup.title": "Créez votre compte",
  "auth.signup.submit": "Créer le compte",
  "auth.signup.haveAccount": "Vous avez déjà un compte?",
  "auth.login.title": "Bon retour parmi nous",
  "auth.login.submit": "Se connecter",
  "auth.login.noAccount": "Première visite sur Concours?",
  "auth.login.forgot": "Mot de passe oublié?",
  "auth.login.invalid": "Ce courriel et ce mot de passe ne correspondent à aucun compte.",
  "auth.login.throttled":
    "Trop de tentatives. Attendez {minutes, plural, one {# minute} other {# minutes}}, puis réessayez.",
  "auth.logout.done": "Votre session est fermée.",
  "auth.account.title": "Votre compte",
  "auth.account.signedInAs": "Session ouverte avec le courriel {email}",
  "auth.account.changePassword": "Changer de mot de passe",
  "auth.account.currentPassword": "Mot de passe actuel",
  "auth.account.newPassword": "Nouveau mot de passe",
  "auth.account.passwordChanged": "Mot de passe changé. Vos autres sessions ont été fermées.",
  "auth.account.wrongPassword": "Votre mot de passe actuel n’est pas le bon.",
  "auth.account.logoutEverywhere": "Se déconnecter partout",
  "auth.account.logoutEverywhere.hint":
    "Ferme toutes les sessions de ce compte, sur tous les appareils, y compris celui-ci.",
  "auth.account.language.title": "Langue",
  "auth.account.language.lead": "La langue de Concours et des courriels que nous vous envoyons.",
  "auth.account.language.label": "Votre langue",
  "auth.account.language.save": "Enregistrer la langue",
  "auth.forgot.title": "Réinitialiser votre mot de passe",
  "auth.forgot.lead":
    "Entrez votre courriel et nous vous enverrons un lien pour choisir un nouveau mot de passe.",
  "auth.forgot.submit": "Envoyer le lien",
  "auth.forgot.sent":
    "Si un compte utilise cette adresse, un lien est en route. Il ne fonctionne qu’une seule fois, dans les 30 prochaines minutes.",
  "auth.reset.title": "Choisissez un nouveau mot de passe",
  "auth.reset.submit": "Enregistrer le nouveau mot de passe",
  "auth.reset.invalid": "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.",
  "auth.reset.done": "Votre mot de passe est changé. Vous pouvez maintenant vous connecter avec celui-ci.",
  "auth.mail.reset.subject": "Réinitialisation de votre mot de passe Concours",
  "auth.mail.reset.body":
    "Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Concours.\nChoisissez un nouveau mot de passe ici (le lien ne fonctionne qu’une seule fois, pendant 30 minutes) :\n\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message; votre mot de passe reste le même.",

  "validation.required": "Veuillez remplir ce champ.",
  "validation.email": "Entrez une adresse courriel comme nom@example.com.",
  "validation.emailTaken": "Un compte utilise déjà ce courriel. Voulez-vous plutôt vous connecter?",
  "validation.password.too_short": "Utilisez au moins 8 caractères.",
  "validation.password.too_long": "Ce mot de passe dépasse 1 024 caractères.",
  "validation.password.too_common": "Ce mot de passe est parmi les plus courants; choisissez-en un autre.",
  "validation.password.contains_email": "Votre mot de passe ne doit pas contenir votre adresse courriel.",
  "validation.displayName": "Entrez un nom de 2 à 60 caractères.",
  "validation.role": "Indiquez si vous êtes client ou designer.",

  "errors.title": "Une erreur s’est produite",
  "errors.notFound.title": "Page introuvable",
  "errors.notFound.body":
    "Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou elle est peut-être privée.",
  "errors.forbidden.title": "Accès réservé",
  "errors.forbidden": "Vous n’avez pas accès à cette page.",
  "errors.csrf": "Cette demande provenait d’un autre site et a été refusée.",
  "errors.generic": "Nous n’avons pas pu terminer cette opération. Veuillez réessayer.",
  "errors.language": "Cette langue n’est pas offerte. Choisissez le français ou l’anglais.",
  "nav.language": "Langue",
  "nav.language.toFr": "Français",
  "nav.language.toFr.hint": "Lire en français",
  "nav.language.toEn": "English",
  "nav.language.toEn.hint": "Read in English",
  "errors.badRequest": "Nous n’avons pas compris cette demande. Rechargez la page et réessayez.",
  "errors.back": "Retour à l’accueil",

  "images.refused.empty":
    "Ce fichier est vide. Choisissez de nouveau votre fichier de design et téléversez-le.",
  "images.refused.unsupportedType":
    "Nous ne pouvons pas utiliser ce fichier : c’est {type}. Téléversez une image JPEG, PNG ou WebP.",
  "images.refused.tooManyPixels":
    "Cette image fait {width, number} × {height, number} pixels, au-delà de la limite de {limit, plural, one {# mégapixel} other {# mégapixels}}. Exportez-la en plus petit et téléversez-la de nouveau.",
  "images.refused.truncated":
    "Ce fichier est incomplet : il se termine avant la fin de l’image. Exportez-le de nouveau et téléversez le fichier au complet.",
  "images.refused.trailingData":
    "Ce fichier contient des données en trop après la fin de l’image. Exportez-le de nouveau en JPEG, PNG ou WebP standard.",
  "images.refused.corrupt":
    "Cette image est endommagée et illisible. Exportez-la de nouveau et téléversez le nouveau fichier.",
  "images.type.jpeg": "un fichier JPEG",
  "images.type.png": "un fichier PNG",
  "images.type.webp": "un fichier WebP",
  "images.type.gif": "un fichier GIF",
  "images.type.tiff": "un fichier TIFF",
  "images.type.svg": "un dessin SVG",
  "images.type.html": "une page HTML",
  "images.type.pdf": "un fichier PDF",
  "images.type.bmp": "un fichier BMP",
  "images.type.heic": "une photo HEIC",
  "images.type.avif": "un fichier AVIF",
  "images.type.jxl": "un fichier JPEG XL",
  "images.type.psd": "un document Photoshop",
  "images.type.ico": "un fichier d’icône",
  "images.type.zip": "une archive ZIP",
  "images.type.unknown": "un format que nous ne savons pas lire",

  "upload.tooLarge": "Ce fichier dépasse {limit}; téléversez un fichier de {limit} ou moins.",
  "upload.empty":
    "Le fichier choisi est vide. Choisissez votre fichier de design et téléversez-le de nouveau.",
  "upload.missing": "Choisissez un fichier à téléverser.",
  "upload.tooManyFiles": "Téléversez un seul fichier à la fois.",
  "upload.malformed": "Le fichier n’est pas arrivé au complet. Veuillez réessayer.",
  "upload.notMultipart": "Ce formulaire doit être envoyé sous forme de téléversement de fichier.",
  "bytes.mb": "{n, number}\u00a0Mo",
  "bytes.kb": "{n, number}\u00a0ko",
  "bytes.b": "{n, plural, one {#\u00a0octet} other {#\u00a0octets}}",

  "mailbox.title": "Courriels de développement",
  "mailbox.lead":
    "Les courriels que l’application enverrait. Affichés seulement quand les courriels sont écrits dans des fichiers, jamais avec SMTP.",
  "mailbox.empty": "Aucun courriel pour l’instant.",
  "mailbox.to": "À",
  "mailbox.sent": "envoyé",
  "mailbox.pending": "en file d’attente",
  "payments.declined.card_declined":
    "Votre carte a été refusée. Essayez une autre carte ou communiquez avec votre banque.",
  "payments.declined.insufficient_funds": "Votre carte a été refusée : fonds insuffisants.",
  "payments.declined.expired_card": "Votre carte a été refusée : elle est expirée.",
  "payments.declined.incorrect_cvc": "Votre carte a été refusée : le code de sécurité est erroné.",
  "payments.declined.incorrect_number": "Ce numéro de carte n’est pas valide. Vérifiez-le et réessayez.",
  "payments.declined.processing_error":
    "Une erreur est survenue pendant le traitement de votre carte. Réessayez dans un instant; votre carte n’a pas été débitée.",
  "payments.declined.authentication_required":
    "Votre banque vous demande de confirmer ce paiement. Réessayez et suivez les étapes de votre banque.",
  "payments.declined.invalid_request":
    "Ce paiement n’a pas pu être effectué. Veuillez communiquer avec nous.",
  "payments.charged": "Paiement reçu : la somme de {amount} est retenue en entiercement pour votre concours.",
  "payments.tryAgain":
    "Le fournisseur de paiement ne nous a pas répondu. Réessayez dans un instant : vous ne paierez pas deux fois.",
  "payments.alreadyFunded":
    "Le prix de ce concours est déjà en entiercement. Aucun montant supplémentaire n’a été porté à votre carte.",
  "payments.duplicateRefunded":
    "Le prix de ce concours était déjà en entiercement : ce deuxième paiement vous est donc remboursé sur votre carte.",
  "payments.keyReused":
    "Ce formulaire de paiement a déjà servi pour un autre paiement. Rechargez la page et réessayez.",
  "payments.invalid": "Ce montant ne peut pas être porté à votre carte. Vérifiez le prix et la devise.",
  "payments.needsReview":
    "Nous n’avons pas encore pu confirmer ce paiement. Notre équipe le vérifie et vous écrira.",

  "refunds.sent":
    "La somme de {amount} a été remboursée sur votre carte. Les banques prennent de 5 à 10 jours pour l’afficher.",
  "refunds.pending": "Votre remboursement de {amount} est en route vers votre carte.",
  "refunds.failed":
    "Nous n’avons pas pu rembourser automatiquement {amount} sur votre carte. Notre équipe communiquera avec vous.",
  "refunds.notRefunded": "La somme en entiercement pour ce concours n’a pas été remboursée.",
  "refunds.noCharge": "Aucun paiement par carte n’a été trouvé pour ce concours.",

  "payouts.sent": "Votre versement de {amount} a été envoyé.",
  "payouts.inFlight":
    "Votre versement de {amount} est en route. Nous vous le confirmerons dès que le fournisseur l’aura fait.",
  "payouts.insufficientBalance": "Vous pouvez retirer au plus {available}.",
  "payouts.failed.account_closed":
    "Votre versement n’a pas pu être envoyé : le compte de destination est fermé. L’argent est de retour dans votre solde.",
  "payouts.failed.invalid_destination":
    "Votre versement n’a pas pu être envoyé : vérifiez les coordonnées de votre compte de versement. L’argent est de retour dans votre solde.",
  "payouts.failed.other":
    "Votre versement n’a pas pu être envoyé. L’argent est de retour dans votre solde; réessayez plus tard.",
  "payouts.keyReused":
    "Ce formulaire de versement a déjà servi pour un autre versement. Rechargez la page et réessayez.",
  "payouts.invalid": "Entrez un montant à retirer, dans une devise que vous détenez.",
  "payouts.needsReview":
    "Nous n’avons pas encore pu confirmer ce versement. Notre équipe le vérifie; l’argent est en sécurité.",

  "tax.GST": "TPS",
  "tax.QST": "TVQ",
  "tax.HST": "TVH",
  "tax.PST": "TVP",
  "tax.RST": "TVD",
  "tax.registrationNumber": "Numéro d’inscription",
  "tax.line": "{tax} ({rate})",
  "tax.receiptLine": "{line} : {amount} (nº d’inscription {number})",
  "tax.receiptLine.unnumbered": "{line} : {amount}",
  "tax.sandboxNumber": "{number}, numéro fictif du bac à sable",
  "tax.none": "Aucune taxe de vente canadienne : facturation hors du Canada.",
  "billing.otherCountry": "Autre pays",
  "province.AB": "Alberta",
  "province.BC": "Colombie-Britannique",
  "province.MB": "Manitoba",
  "province.NB": "Nouveau-Brunswick",
  "province.NL": "Terre-Neuve-et-Labrador",
  "province.NS": "Nouvelle-Écosse",
  "province.NT": "Territoires du Nord-Ouest",
  "province.NU": "Nunavut",
  "province.ON": "Ontario",
  "province.PE": "Île-du-Prince-Édouard",
  "province.QC": "Québec",
  "province.SK": "Saskatchewan",
  "province.YT": "Yukon",
};
