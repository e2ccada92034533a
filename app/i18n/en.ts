import { enContests } from "./en-contests";
import { enJudging } from "./en-judging";
import { enEntries } from "./en-entries";
import { enHandover } from "./en-handover";
import { enDashboard } from "./en-dashboard";
import { enNotify } from "./en-notify";
import { enCommon } from "./en-common";
import { enLegal } from "./en-legal";
import { enPeople } from "./en-people";
import { enMessages } from "./en-messages";
import { enPortfolio } from "./en-portfolio";
import { enTiers } from "./en-tiers";
import { enNetwork } from "./en-network";
import { enDirectory } from "./en-directory";
import { enSupport } from "./en-support";
import { enSafety } from "./en-safety";
import { enReports } from "./en-reports";
import { enSimilarity } from "./en-similarity";

/** English, the reference catalogue: every user-facing string of the app, by key. */
export const en = {
  ...enContests,
  ...enJudging,
  ...enEntries,
  ...enHandover,
  ...enDashboard,
  ...enNotify,
  ...enCommon,
  ...enLegal,
  ...enPeople,
  ...enMessages,
  ...enPortfolio,
  ...enTiers,
  ...enNetwork,
  ...enDirectory,
  ...enSupport,
  ...enSafety,
  ...enReports,
  ...enSimilarity,
} as const;

export type MessageKey = keyof typeof en;
