import type { enTiers } from "./en-tiers";
/** Français (Québec) : les paliers de concours (qui peut participer) et la part des finalistes. */
export const frTiers: Record<keyof typeof enTiers, string> = {
  "contest.tier.label": "Qui peut participer",
  "contest.tier.value":
    "Concours {tier}\u00a0: {floor, select, mid {ouvert aux designers de niveau intermédiaire et expert dans cette catégorie} top {ouvert aux designers de niveau expert dans cette catégorie} other {ouvert à tous les designers}}. Les designers que le client invite peuvent toujours participer.",
  "contest.tier.share.label": "Les finalistes sont payés",
  "contest.tier.share":
    "{percent} du prix ({amount}) est partagé à parts égales entre les finalistes qui ne gagnent pas, versé en même temps que le prix.",
  "entries.submit.tierLevel":
    "Ce concours est de palier {tier}\u00a0: {floor, select, mid {il est ouvert aux designers de niveau intermédiaire et expert} top {il est ouvert aux designers de niveau expert} other {il est ouvert à tous les designers}} dans sa catégorie, et vous y êtes au {level, select, mid {niveau intermédiaire} top {niveau expert} other {niveau débutant}}. Votre tableau de bord indique ce qu’il faut pour le niveau suivant.",
  "entries.submit.entryCap":
    "Au niveau débutant, vous pouvez participer à {max} concours en {days}\u00a0jours, et vous avez atteint cette limite. Terminez les concours en cours; une victoire vous fait monter de niveau.",
  "dashboard.levels.cap":
    "{overall, select, entry {Au niveau débutant, vous participez à au plus {max} concours en {days}\u00a0jours ({count} jusqu’ici).} other {Vous pouvez participer à autant de concours que vous voulez.}}",
  "wizard.prize.tier.bronze": "Ouvert à tous les designers",
  "wizard.prize.tier.silver": "Ouvert à tous les designers",
  "wizard.prize.tier.gold":
    "Designers de niveau intermédiaire et expert · {percent} partagé entre les finalistes",
  "wizard.prize.tier.platinum":
    "Designers de niveau expert seulement · {percent} partagé entre les finalistes",
  "approval.share":
    "Comme le brief l’annonçait, {shared} du prix est partagé entre {n, plural, one {le ou la finaliste qui n’a pas gagné} other {les # finalistes qui n’ont pas gagné}}; {designer} reçoit {winner}.",
  "handover.share":
    "{designer} reçoit {winner}; {shared} va {n, plural, one {au ou à la finaliste qui n’a pas gagné} other {aux # finalistes qui n’ont pas gagné}}, comme le brief l’annonçait.",
};
