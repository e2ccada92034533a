import { createHash } from "node:crypto";
import { db, transaction, type DB, type Trx } from "~db/index";
import { attachmentDisposition } from "~storage/index";
import type { AgreementParty, AgreementSignature, TransferAgreement } from "~db/schema";
import { translator, type Locale } from "~/i18n";
import { formatDate } from "~/i18n/dates";
import { DEFAULT_TIME_ZONE } from "~/i18n/zone";
import { now } from "~/utils/clock.server";
import { formatPrize } from "../money/money";
import { notifyUsers } from "../notify/notifications.server";
import { refusal, type Refusal } from "../refusal";
import { loadHandoverParty, type HandoverParty, type HandoverRole } from "./access.server";
import { renderPdf, type PdfBlock } from "./pdf";

/** The template's name: stored with each agreement, so a later wording never rewrites an old one. */
export const AGREEMENT_TEMPLATE = "transfer-v1";

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const partyOf = (role: HandoverRole): AgreementParty => (role === "client" ? "client" : "designer");

/** "November 29, 2026" / "29 novembre 2026", in Québec's time: the same words on every server. */
export function agreementDate(at: number, locale: Locale) {
  return formatDate(at, locale, DEFAULT_TIME_ZONE, "long");
}

/**
 * The agreement's text for this contest, as it would be signed at `at`, in `locale`: the text the
 * first signer reads is the one stored and signed by both.
 */
async function composeText(
  executor: DB | Trx,
  contest: HandoverParty["contest"],
  at: number,
  locale: Locale,
) {
  const t = translator(locale);
  const [people, entry] = await Promise.all([
    executor
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "in", [contest.clientId, contest.winnerId])
      .execute(),
    executor
      .selectFrom("entries")
      .select(["number", "title"])
      .where("id", "=", contest.winningEntryId)
      .executeTakeFirstOrThrow(),
  ]);
  const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? "";
  return t("agreement.text", {
    date: agreementDate(at, locale),
    contest: contest.title,
    contestId: contest.id,
    client: name(contest.clientId),
    designer: name(contest.winnerId),
    number: entry.number,
    entry: entry.title || t("entries.untitled"),
    prize: formatPrize(contest.prize, contest.currency, locale),
  });
}

export interface SignatureView {
  party: AgreementParty;
  legalName: string;
  signedAt: number;
}

export interface AgreementView {
  /** The stored text once someone signed; before that, the text as it would be signed today. */
  text: string;
  /** Set once the text is stored (at the first signature). */
  sha256: string | null;
  signatures: Partial<Record<AgreementParty, SignatureView>>;
  complete: boolean;
}

/** The agreement; before anyone signed, its text as it would be signed today in the reader's `locale`. */
export async function getAgreement(
  executor: DB | Trx,
  contest: HandoverParty["contest"],
  locale: Locale,
): Promise<AgreementView> {
  const stored = await executor
    .selectFrom("transfer_agreements")
    .selectAll()
    .where("contest_id", "=", contest.id)
    .executeTakeFirst();
  const rows = stored
    ? await executor
        .selectFrom("agreement_signatures")
        .selectAll()
        .where("contest_id", "=", contest.id)
        .execute()
    : [];
  const signatures: AgreementView["signatures"] = {};
  for (const r of rows)
    signatures[r.party] = { party: r.party, legalName: r.legal_name, signedAt: r.signed_at };
  return {
    text: stored?.text ?? (await composeText(executor, contest, now(), locale)),
    sha256: stored?.text_sha256 ?? null,
    signatures,
    complete: !!signatures.client && !!signatures.designer,
  };
}

export type AgreementRefusalReason = "not_found" | "already_signed" | "not_signed";

export type SignResult =
  { ok: true; complete: boolean } | Refusal<"agreement", "not_found" | "already_signed">;

/**
 * One party signs by typing their legal name. The first signature stores the agreement's text and
 * its SHA-256; every signature names that digest (a foreign key holds it to the stored text). Rows
 * are append-only: the database refuses to change or delete them. The text is stored in `locale`,
 * the first signer's language (the one they read and signed).
 */
export async function signAgreement(input: {
  contestId: string;
  userId: string;
  legalName: string;
  ip: string;
  userAgent: string;
  locale: Locale;
}): Promise<SignResult> {
  const result = await transaction(async (trx): Promise<SignResult & { notify?: string[] }> => {
    // The contest's row lock orders two first signatures: one stores the text, the other signs it.
    const party = await loadHandoverParty(trx, input.contestId, input.userId, { lock: true });
    if (!party) return refusal("agreement", "not_found");
    const role = partyOf(party.role);
    const at = now();
    let agreement = await trx
      .selectFrom("transfer_agreements")
      .selectAll()
      .where("contest_id", "=", input.contestId)
      .executeTakeFirst();
    if (!agreement) {
      const text = await composeText(trx, party.contest, at, input.locale);
      agreement = await trx
        .insertInto("transfer_agreements")
        .values({
          contest_id: party.contest.id,
          client_id: party.contest.clientId,
          designer_id: party.contest.winnerId,
          entry_id: party.contest.winningEntryId,
          template: AGREEMENT_TEMPLATE,
          text,
          text_sha256: sha256Hex(text),
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    const existing = await trx
      .selectFrom("agreement_signatures")
      .select("party")
      .where("contest_id", "=", input.contestId)
      .execute();
    if (existing.some((s) => s.party === role)) return refusal("agreement", "already_signed");
    await trx
      .insertInto("agreement_signatures")
      .values({
        contest_id: input.contestId,
        party: role,
        user_id: input.userId,
        legal_name: input.legalName,
        text_sha256: agreement.text_sha256,
        ip: input.ip.slice(0, 64),
        user_agent: input.userAgent.slice(0, 512),
        signed_at: at,
      })
      .execute();
    const other = party.role === "client" ? party.contest.winnerId : party.contest.clientId;
    const name = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", input.userId)
      .executeTakeFirstOrThrow();
    await notifyUsers(trx, [other], {
      kind: "handover.signed",
      contestId: input.contestId,
      data: { name: name.display_name },
    });
    return { ok: true, complete: existing.length + 1 === 2 };
  });
  return result;
}

export interface AgreementRecord {
  agreement: TransferAgreement;
  signatures: AgreementSignature[];
  contestTitle: string;
}

export type AgreementDownload =
  | { ok: true; record: AgreementRecord }
  /** not_found: to anyone but its two parties the agreement does not exist, signed or not. */
  | Refusal<"agreement", "not_found" | "not_signed">;

/** The stored agreement and its signatures, for either party once someone signed; nothing to others. */
export async function agreementRecord(
  contestId: string,
  viewerId: string | null,
): Promise<AgreementDownload> {
  const party = await loadHandoverParty(db(), contestId, viewerId);
  if (!party) return refusal("agreement", "not_found");
  const agreement = await db()
    .selectFrom("transfer_agreements")
    .selectAll()
    .where("contest_id", "=", party.contest.id)
    .executeTakeFirst();
  if (!agreement) return refusal("agreement", "not_signed");
  const signatures = await db()
    .selectFrom("agreement_signatures")
    .selectAll()
    .where("contest_id", "=", party.contest.id)
    .orderBy("signed_at")
    .execute();
  return { ok: true, record: { agreement, signatures, contestTitle: party.contest.title } };
}

const PARTIES: AgreementParty[] = ["client", "designer"];

/**
 * The agreement as a PDF: its text (as stored, in the language it was signed in), then each
 * signature with its time, address and browser, and the digest, in the reader's `locale`.
 */
export function agreementPdf(record: AgreementRecord, locale: Locale): Uint8Array<ArrayBuffer> {
  const t = translator(locale);
  const [title, ...rest] = record.agreement.text.split("\n");
  const blocks: PdfBlock[] = [{ kind: "title", text: title ?? t("agreement.title") }];
  for (const paragraph of rest.join("\n").split(/\n{2,}/)) {
    if (paragraph.trim()) blocks.push({ kind: "paragraph", text: paragraph.trim() });
  }
  blocks.push({ kind: "space" }, { kind: "heading", text: t("agreement.pdf.signatures") });
  for (const party of PARTIES) {
    const s = record.signatures.find((x) => x.party === party);
    const label = t(`agreement.party.${party}`);
    if (!s) {
      blocks.push({ kind: "paragraph", text: t("agreement.pdf.unsigned", { party: label }) });
      continue;
    }
    blocks.push({
      kind: "paragraph",
      text: t("agreement.pdf.signedAs", {
        party: label,
        name: s.legal_name,
        date: new Date(s.signed_at).toISOString().slice(0, 19).replace("T", " "),
        ip: s.ip,
      }),
    });
    blocks.push({ kind: "small", text: t("agreement.pdf.userAgent", { ua: s.user_agent || "—" }) });
  }
  blocks.push(
    { kind: "space" },
    { kind: "small", text: t("agreement.pdf.digest", { digest: record.agreement.text_sha256 }) },
    { kind: "small", text: t("agreement.pdf.verify") },
  );
  return renderPdf(blocks, {
    title: `${t("agreement.title")} · ${record.contestTitle}`,
    footer: `${t("agreement.title")} · ${record.agreement.text_sha256.slice(0, 16)}… · ${t("agreement.pdf.page", { n: "{n}", total: "{total}" })}`,
    createdAt: record.agreement.created_at,
  });
}

/** The Content-Disposition of the agreement's downloads. */
export function agreementDisposition(record: AgreementRecord, ext: "pdf" | "txt") {
  return attachmentDisposition(agreementFileName(record, ext));
}

function agreementFileName(record: AgreementRecord, ext: "pdf" | "txt") {
  const slug = record.contestTitle
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 48);
  return `design-transfer-agreement-${slug || record.agreement.contest_id}.${ext}`;
}
