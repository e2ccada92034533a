import { db } from "~db/index";
import type { Locale } from "~/i18n";
import { winnerAwards } from "../escrow/ledger";
import { config } from "~/utils/env.server";
import { formatBytes } from "~/i18n/sizes";
import { mediaUrl } from "../entries/media";
import { loadHandoverParty, type HandoverRole } from "./access.server";
import { getAgreement, type AgreementView } from "./agreement.server";
import { handoverMissing, type MissingStep } from "./approval.server";
import { linkSeconds } from "./downloads.server";
import { listFinalFiles, type FinalFileView } from "./files.server";
import { acceptAttribute, acceptedFormats, type FinalFormat } from "./formats";
import { listMessages, type HandoverMessage } from "./thread.server";

export interface OriginalView {
  revisionId: string;
  version: number;
  format: string;
  bytes: number;
}

export interface HandoverView {
  role: HandoverRole;
  contest: {
    id: string;
    title: string;
    status: "handover" | "completed";
    prize: number;
    currency: string;
    /** When the handover is approved automatically (null until the first file). */
    autoApproveAt: number | null;
    endedAt: number | null;
    /** How the prize is paid when released: the winner's part and the finalists' share (ADR 0039). */
    payout: { winner: number; shared: number; finalists: number };
    /** The prize waits for a check by support before it is released (ADR 0046). */
    held: boolean;
  };
  clientName: string;
  winnerName: string;
  entry: { id: string; number: number; title: string; previewUrl: string | null };
  files: FinalFileView[];
  accepted: FinalFormat[];
  accept: string;
  limit: string;
  maxBytes: number;
  agreement: AgreementView;
  messages: HandoverMessage[];
  missing: MissingStep[];
  /** The winning entry's originals, every version (the client, once completed). */
  originals: OriginalView[];
  linkMinutes: number;
}

function payoutOf(prize: number, winnerId: string, finalists: string[], shareBps: number) {
  const awards = winnerAwards(prize, winnerId, finalists, shareBps);
  const winner = awards[0]!.amount;
  return { winner, shared: prize - winner, finalists: awards.length - 1 };
}

/** Everything the handover page shows, for its client or its winner; null to anyone else (404). */
export async function getHandoverView(
  contestId: string,
  viewerId: string | null,
  locale: Locale,
): Promise<HandoverView | null> {
  const party = await loadHandoverParty(db(), contestId, viewerId);
  if (!party) return null;
  const { contest, role } = party;
  const completed = contest.status === "completed";
  const [people, entry, files, agreement, messages, missing] = await Promise.all([
    db()
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "in", [contest.clientId, contest.winnerId])
      .execute(),
    db()
      .selectFrom("entries")
      .leftJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select(["entries.id", "entries.number", "entries.title", "entry_revisions.preview_key"])
      .where("entries.id", "=", contest.winningEntryId)
      .executeTakeFirstOrThrow(),
    listFinalFiles(db(), contest.id),
    getAgreement(db(), contest),
    listMessages(contest.id),
    handoverMissing(db(), contest.id),
  ]);
  const originals =
    role === "client" && completed
      ? await db()
          .selectFrom("entry_revisions")
          .select(["id", "version", "original_format", "original_bytes"])
          .where("entry_id", "=", contest.winningEntryId)
          .where("status", "=", "ready")
          .orderBy("version", "desc")
          .execute()
      : [];
  const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? "";
  const accepted = acceptedFormats(contest.deliverables);
  const maxBytes = config().HANDOVER_MAX_BYTES;
  return {
    role,
    contest: {
      id: contest.id,
      title: contest.title,
      status: contest.status as "handover" | "completed",
      prize: contest.prize,
      currency: contest.currency,
      autoApproveAt: contest.status === "handover" ? contest.roundEndsAt : null,
      endedAt: contest.endedAt,
      payout: payoutOf(contest.prize, contest.winnerId, contest.finalists, contest.finalistShareBps),
      held: contest.prizeHeld,
    },
    clientName: name(contest.clientId),
    winnerName: name(contest.winnerId),
    entry: {
      id: entry.id,
      number: entry.number,
      title: entry.title,
      previewUrl: entry.preview_key ? mediaUrl(entry.preview_key) : null,
    },
    files,
    accepted,
    accept: acceptAttribute(accepted),
    limit: formatBytes(maxBytes, locale),
    maxBytes,
    agreement,
    messages,
    missing,
    originals: originals.map((o) => ({
      revisionId: o.id,
      version: o.version,
      format: o.original_format,
      bytes: o.original_bytes,
    })),
    linkMinutes: Math.max(1, Math.round(linkSeconds() / 60)),
  };
}
