import { createHash } from "node:crypto";
import { db, transaction, type DB, type Trx } from "~db/index";
import { attachmentDisposition } from "~storage/index";
import type { AgreementParty, AgreementSignature, TransferAgreement } from "~db/schema";
import { catalogue, otherLocale, translator, type Locale } from "~/i18n";
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
 * The agreement's text for this contest, as it would be signed at `at`, in `locale`: the text in
 * the language the first signer chose is the one stored and signed by both.
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

/** One language's text of the agreement. */
export interface AgreementVersion {
  locale: Locale;
  text: string;
}

export interface AgreementView {
  /**
   * Before anyone signed, both texts as they would be signed today, the French first (Québec's
   * Charter of the French language: a contract of adhesion is offered in French first). Once stored,
   * the signed text first, then the other language's, composed for the same date: a translation, for
   * information only.
   */
  versions: [AgreementVersion, AgreementVersion];
  /** The language the first signer chose; null until someone signed. */
  locale: Locale | null;
  /** Set once the text is stored (at the first signature). */
  sha256: string | null;
  signatures: Partial<Record<AgreementParty, SignatureView>>;
  complete: boolean;
}

/** The languages an agreement is offered in, in the order they are offered: French first. */
export const AGREEMENT_LOCALES = ["fr-CA", "en"] as const satisfies readonly Locale[];

/**
 * The language of a stored agreement. Rows stored before migration 0013 do not say; their text
 * was composed in the first signer's language, and its title (the template's first line) tells.
 */
export function storedLocale(agreement: Pick<TransferAgreement, "locale" | "text">): Locale {
  if (agreement.locale) return agreement.locale;
  const frenchTitle = catalogue("fr-CA")["agreement.text"].split("\n")[0]!;
  return agreement.text.startsWith(frenchTitle) ? "fr-CA" : "en";
}

/** The agreement: before anyone signed, its two texts as they would be signed today. */
export async function getAgreement(
  executor: DB | Trx,
  contest: HandoverParty["contest"],
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
  let versions: AgreementView["versions"];
  let locale: Locale | null = null;
  if (stored) {
    locale = storedLocale(stored);
    const other = otherLocale(locale);
    versions = [
      { locale, text: stored.text },
      { locale: other, text: await composeText(executor, contest, stored.created_at, other) },
    ];
  } else {
    const at = now();
    const [fr, en] = await Promise.all(AGREEMENT_LOCALES.map((l) => composeText(executor, contest, at, l)));
    versions = [
      { locale: "fr-CA", text: fr! },
      { locale: "en", text: en! },
    ];
  }
  return {
    versions,
    locale,
    sha256: stored?.text_sha256 ?? null,
    signatures,
    complete: !!signatures.client && !!signatures.designer,
  };
}

export type AgreementRefusalReason = "not_found" | "already_signed" | "not_signed" | "language_fixed";

export type SignResult =
  { ok: true; complete: boolean } | Refusal<"agreement", "not_found" | "already_signed" | "language_fixed">;

/**
 * One party signs by typing their legal name, in the language they chose. The first signature
 * fixes the language: it stores the text in that language, the language and the text's SHA-256;
 * every signature names that digest (a foreign key holds it to the stored text). A second signer
 * whose form chose the other language (they read the other text, before the first signature
 * landed) is refused with the language now fixed, rather than signed onto a text they did not
 * choose. Rows are append-only: the database refuses to change or delete them.
 */
export async function signAgreement(input: {
  contestId: string;
  userId: string;
  legalName: string;
  ip: string;
  userAgent: string;
  /** The language of the text the signer read and signs. */
  language: Locale;
}): Promise<SignResult> {
  const result = await transaction(async (trx): Promise<SignResult> => {
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
    const existing = await trx
      .selectFrom("agreement_signatures")
      .select("party")
      .where("contest_id", "=", input.contestId)
      .execute();
    if (existing.some((s) => s.party === role)) return refusal("agreement", "already_signed");
    if (agreement && storedLocale(agreement) !== input.language) {
      return refusal("agreement", "language_fixed", { language: languageVar(storedLocale(agreement)) });
    }
    if (!agreement) {
      const text = await composeText(trx, party.contest, at, input.language);
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
          locale: input.language,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
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

/** A language as a message's select value ("fr" / "en": ICU select keys are plain words). */
export const languageVar = (locale: Locale) => (locale === "fr-CA" ? "fr" : "en");

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
    lang: storedLocale(record.agreement),
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
