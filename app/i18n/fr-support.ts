import type { enSupport } from "./en-support";

/** Confiance et sécurité : la console du soutien, les suspensions et le journal d’audit (issue 14). */
export const frSupport: Record<keyof typeof enSupport, string> = {
  "entries.status.hidden": "Masquée par le soutien",
  "auth.login.suspended":
    "Ce compte est suspendu. Écrivez à support@concours.example si vous croyez à une erreur.",
  "support.refusal.reasonRequired":
    "Écrivez la raison de cette décision\u00a0: les personnes concernées la liront.",
};
