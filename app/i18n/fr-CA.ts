import type { Messages } from "./index";
import { frContests } from "./fr-contests";
import { frJudging } from "./fr-judging";
import { frEntries } from "./fr-entries";
import { frHandover } from "./fr-handover";
import { frDashboard } from "./fr-dashboard";
import { frNotify } from "./fr-notify";
import { frCommon } from "./fr-common";
import { frLegal } from "./fr-legal";
import { frPeople } from "./fr-people";
import { frMessages } from "./fr-messages";
import { frPortfolio } from "./fr-portfolio";
import { frTiers } from "./fr-tiers";
import { frNetwork } from "./fr-network";
import { frDirectory } from "./fr-directory";
import { frSupport } from "./fr-support";
import { frSafety } from "./fr-safety";
import { frReports } from "./fr-reports";
import { frSimilarity } from "./fr-similarity";

/**
 * Québec French: every key of the English reference (a missing or extra key does not compile), in
 * the terms and tone of `shared/FRENCH.md`, written for the reader rather than rendered word for word.
 */
export const frCA: Messages = {
  ...frContests,
  ...frJudging,
  ...frEntries,
  ...frHandover,
  ...frDashboard,
  ...frNotify,
  ...frCommon,
  ...frLegal,
  ...frPeople,
  ...frMessages,
  ...frPortfolio,
  ...frTiers,
  ...frNetwork,
  ...frDirectory,
  ...frSupport,
  ...frSafety,
  ...frReports,
  ...frSimilarity,
};
