import type { enSafety } from "./en-safety";

/** Français (Québec) : les outils déclarés (IA générative) et l’adresse vérifiée avant tout mouvement d’argent. */
export const frSafety: Record<keyof typeof enSafety, string> = {
  "safety.ai.option": "Accepter les propositions faites avec l’IA générative",
  "safety.ai.option.note":
    "Les designers indiquent pour chaque proposition si l’IA générative a servi à la faire; décochez cette case pour refuser celles qui répondent oui.",
  "safety.ai.option.noteOptIn":
    "Désactivé à moins que vous l’activiez\u00a0: dans cette catégorie, la proposition gagnante devrait être dessinée par son designer, pour que vous puissiez en détenir les droits. Les designers indiquent pour chaque proposition si l’IA générative a servi à la faire.",
  "safety.ai.briefLabel": "IA générative",
  "safety.ai.brief.allowed":
    "Acceptée. Chaque designer indique pour chaque proposition si l’IA générative a servi, et le client le voit.",
  "safety.ai.brief.forbidden":
    "Non acceptée dans ce concours\u00a0: une proposition faite avec l’IA générative est refusée. Chaque designer indique pour chaque proposition si elle a servi.",
  "safety.ai.question": "Avez-vous utilisé l’IA générative pour faire cette proposition?",
  "safety.ai.question.allowed":
    "Ce concours l’accepte; le client voit votre réponse. Répondez pour chaque version que vous envoyez.",
  "safety.ai.question.forbidden":
    "Ce concours n’accepte pas les propositions faites avec l’IA générative; le client voit votre réponse. Répondez pour chaque version que vous envoyez.",
  "safety.ai.answer.no": "Non, aucune IA générative n’a servi",
  "safety.ai.answer.yes": "Oui, l’IA générative a aidé à la faire",
  "safety.ai.refused.undeclared":
    "Indiquez si vous avez utilisé l’IA générative pour faire cette proposition (oui ou non), puis envoyez-la de nouveau.",
  "safety.ai.refused.forbidden":
    "Ce concours n’accepte pas les propositions faites avec l’IA générative\u00a0: celle-ci n’a donc pas été envoyée. Votre titre et votre note sont conservés ci-dessous.",
  "safety.ai.badge.ai": "Faite avec l’IA générative",
  "safety.ai.badge.none": "Aucune IA générative déclarée",
  "safety.ai.badge.undeclared": "IA générative\u00a0: non déclarée (envoyée avant les déclarations)",

  "safety.verify.mail.subject": "Confirmez votre adresse courriel pour Concours",
  "safety.verify.mail.body":
    "Bonjour {name},\n\nVeuillez confirmer que cette adresse est bien la vôtre\u00a0: Concours verse les prix et accepte les paiements seulement pour les adresses confirmées.\nConfirmez-la ici (le lien ne fonctionne qu’une seule fois, pendant 2 jours)\u00a0:\n\n{link}\n\nSi vous n’avez pas créé de compte Concours, ignorez ce message.",
  "safety.verify.verified": "Vérifiée",
  "safety.verify.notice.title": "Vérifiez votre adresse.",
  "safety.verify.notice.account":
    "Nous avons envoyé un lien à {email}. Tant que vous ne l’avez pas suivi, vous ne pouvez ni payer un concours ni demander un versement.",
  "safety.verify.notice.launch":
    "Avant de payer, confirmez que {email} est bien votre adresse\u00a0: suivez le lien que nous y avons envoyé, puis revenez lancer le concours. Rien n’est facturé d’ici là.",
  "safety.verify.notice.payout":
    "Avant que l’argent quitte votre solde, confirmez que {email} est bien votre adresse\u00a0: suivez le lien que nous y avons envoyé, puis revenez demander le versement.",
  "safety.verify.resend": "Renvoyer le lien",
  "safety.verify.sent":
    "Un nouveau lien est en route vers {email}. Il ne fonctionne qu’une seule fois, pendant 2 jours.",
  "safety.verify.wait":
    "Un lien vient de partir\u00a0: regardez dans votre boîte de réception (et vos courriels indésirables), ou redemandez-le dans quelques minutes.",
  "safety.verify.refused.unverified":
    "Confirmez d’abord votre adresse courriel\u00a0: suivez le lien que nous vous avons envoyé, ou renvoyez-le depuis la page de votre compte.",
  "safety.verify.refused.throttled":
    "Un lien vient de partir. Redemandez-le dans {minutes, plural, one {une minute} other {# minutes}}.",
  "safety.verify.refused.alreadyVerified": "Votre adresse est déjà vérifiée.",
  "safety.verify.refused.invalid":
    "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau depuis la page de votre compte.",
  "safety.verify.page.title": "Confirmez votre adresse courriel",
  "safety.verify.page.lead": "Un clic, et votre adresse est confirmée.",
  "safety.verify.page.confirm": "Confirmer mon adresse",
  "safety.verify.page.done":
    "Votre adresse est confirmée. Vous pouvez maintenant payer des concours et recevoir des versements.",
  "safety.verify.page.next": "Aller à votre tableau de bord",
  "safety.verify.page.again": "Aller à votre compte",
};
