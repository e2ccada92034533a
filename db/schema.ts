import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The database as Kysely sees it. Conventions that hold on both SQLite and PostgreSQL:
 * ids are text, times are integer epoch milliseconds (bigint), flags are integers 0/1,
 * money is integer minor units beside a currency, JSON is text.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  email_verifications: EmailVerificationsTable;
  login_attempts: LoginAttemptsTable;
  trusted_devices: TrustedDevicesTable;
  outbox_mail: OutboxMailTable;
  jobs: JobsTable;
  contests: ContestsTable;
  contest_events: ContestEventsTable;
  contest_references: ContestReferencesTable;
  contest_finalists: ContestFinalistsTable;
  contest_members: ContestMembersTable;
  contest_invitations: ContestInvitationsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  entries: EntriesTable;
  entry_revisions: EntryRevisionsTable;
  similarity_flags: SimilarityFlagsTable;
  ratings: RatingsTable;
  entry_round_stats: EntryRoundStatsTable;
  entry_comments: EntryCommentsTable;
  judge_notes: JudgeNotesTable;
  polls: PollsTable;
  poll_entries: PollEntriesTable;
  poll_votes: PollVotesTable;
  image_descriptors: ImageDescriptorsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transfers: LedgerTransfersTable;
  escrows: EscrowsTable;
  escrow_resolutions: EscrowResolutionsTable;
  payment_intents: PaymentIntentsTable;
  payment_refunds: PaymentRefundsTable;
  payouts: PayoutsTable;
  sandbox_operations: SandboxOperationsTable;
  handover_files: HandoverFilesTable;
  handover_file_versions: HandoverFileVersionsTable;
  handover_messages: HandoverMessagesTable;
  transfer_agreements: TransferAgreementsTable;
  agreement_signatures: AgreementSignaturesTable;
  reviews: ReviewsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  conversation_reads: ConversationReadsTable;
  message_attachments: MessageAttachmentsTable;
  user_blocks: UserBlocksTable;
  portfolio_pieces: PortfolioPiecesTable;
  favourite_designers: FavouriteDesignersTable;
  designer_follows: DesignerFollowsTable;
  designer_invitations: DesignerInvitationsTable;
  designer_records: DesignerRecordsTable;
  audit_log: AuditLogTable;
  prize_holds: PrizeHoldsTable;
  reports: ReportsTable;
}

export type UserRole = "client" | "designer";

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** How the person started; any account may act as client and designer. */
  role: UserRole;
  is_admin: Generated<number>;
  created_at: number;
  password_changed_at: number;
  /** The language they chose, "fr-CA" or "en"; null until they choose (0010). */
  locale: string | null;
  /** The profile's address, /designers/:handle: unique, [a-z0-9-]{3,30} (0014). */
  handle: string | null;
  bio: Generated<string>;
  location: Generated<string>;
  /** JSON array of language codes ("fr", "en", …). */
  languages: Generated<string>;
  /** JSON array of contest categories (CATEGORY_KEYS). */
  categories: Generated<string>;
  /** The current avatar's id (its crops: keys.avatar); null shows the initials (0017). */
  avatar_id: string | null;
  /** Since when the account is support staff; null for everyone else. Set by a command (0021). */
  support_since: number | null;
  /** A suspended account cannot log in; its live entries leave galleries; its money stays held (0021). */
  suspended_at: number | null;
  /** When the address was proven to reach its owner; null until then: no money moves (0023). */
  email_verified_at: number | null;
}
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  /** Idle expiry, pushed forward as the session is used (never past absolute_expires_at). */
  expires_at: number;
  absolute_expires_at: number;
  ip: string | null;
  user_agent: string | null;
}
export type Session = Selectable<SessionsTable>;

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A link proving an address reaches its owner (0023): single use, only its hash stored. */
export interface EmailVerificationsTable {
  token_hash: string;
  user_id: string;
  /** The address the link was sent to: it verifies that address only. */
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginAttemptsTable {
  id: string;
  ip: string;
  email: string;
  user_id: string | null;
  succeeded: number;
  /** The attempt carried a valid trusted-device cookie for this account. */
  trusted: number;
  created_at: number;
}

export interface TrustedDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  last_used_at: number;
}

export interface OutboxMailTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: number;
  sent_at: number | null;
  attempts: Generated<number>;
  last_error: string | null;
}
export type OutboxMail = Selectable<OutboxMailTable>;

export type JobStatus = "pending" | "running" | "done" | "failed";

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  /** At most one job per key (a deadline, a mail): enqueuing twice is a no-op. */
  unique_key: string | null;
  created_at: number;
  updated_at: number;
}
export type Job = Selectable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;

export type ContestStatus =
  | "draft"
  | "qualifying"
  | "finalist_selection"
  | "final_round"
  | "winner_selection"
  | "handover"
  | "completed"
  | "cancelled"
  | "refunded";

export interface ContestsTable {
  id: string;
  client_id: string;
  status: ContestStatus;
  /** Bumped by every transition; the compare-and-set key with status. */
  version: number;
  category: string;
  title: string;
  business_name: Generated<string>;
  description: Generated<string>;
  industry: Generated<string>;
  audience: Generated<string>;
  /** JSON: slider positions 0–100 by axis. */
  style: Generated<string>;
  /** JSON arrays of colours (hex or words). */
  colors_use: Generated<string>;
  colors_avoid: Generated<string>;
  must_haves: Generated<string>;
  /** JSON array of file formats. */
  deliverables: Generated<string>;
  prize_minor: number;
  fee_minor: Generated<number>;
  currency: string;
  qualifying_ms: number;
  selection_ms: number;
  final_ms: number;
  winner_ms: number;
  guaranteed: Generated<number>;
  blind: Generated<number>;
  is_private: Generated<number>;
  fast_track: Generated<number>;
  nda_text: string | null;
  draft_step: Generated<number>;
  round_ends_at: number | null;
  extensions_used: Generated<number>;
  launched_at: number | null;
  ended_at: number | null;
  winner_id: string | null;
  winning_entry_id: string | null;
  created_at: number;
  updated_at: number;
  /** The tier it launched at (migration 0020; a draft's follows its prize until launch). */
  tier: Generated<"bronze" | "silver" | "gold" | "platinum">;
  /** The part of the prize its non-winning finalists share, in basis points, fixed at launch. */
  finalist_share_bps: Generated<number>;
  /** 1: the client keeps the winning design out of the winner's portfolio (0017). */
  portfolio_opt_out: Generated<number>;
  /** 1: entries made with generative AI are accepted; 0: not; null: a draft's category default (0023). */
  ai_allowed: number | null;
}
export type ContestRow = Selectable<ContestsTable>;
export type NewContestRow = Insertable<ContestsTable>;

export interface ContestEventsTable {
  id: string;
  contest_id: string;
  /** The contest's version after this event. */
  version: number;
  kind: string;
  /** Null when the system acted (a deadline). */
  actor_id: string | null;
  data: Generated<string>;
  created_at: number;
}
export type ContestEventRow = Selectable<ContestEventsTable>;

export interface ContestReferencesTable {
  id: string;
  contest_id: string;
  blob_key: string;
  filename: string;
  content_type: string;
  width: number;
  height: number;
  created_at: number;
}

export interface ContestFinalistsTable {
  contest_id: string;
  designer_id: string;
  created_at: number;
}

export type ContestMemberRole = "designer" | "judge";

export interface ContestMembersTable {
  contest_id: string;
  user_id: string;
  role: ContestMemberRole;
  nda_accepted_at: number | null;
  eliminated_at: number | null;
  created_at: number;
}

export interface ContestInvitationsTable {
  id: string;
  contest_id: string;
  email: string;
  role: ContestMemberRole;
  token_hash: string;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
  created_at: number;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  contest_id: string | null;
  entry_id: string | null;
  data: Generated<string>;
  created_at: number;
  read_at: number | null;
  /** When it went out by mail, alone or in a digest (0007). */
  mailed_at: number | null;
}

/** A person's choice for one kind of mail (0007); no row means the default. */
export interface NotificationPreferencesTable {
  user_id: string;
  category: string;
  delivery: string;
  updated_at: number;
}

/** "hidden": support took the entry out of the galleries (0021); only its designer still sees it. */
export type EntryStatus = "processing" | "ready" | "rejected" | "withdrawn" | "declined" | "hidden";

export interface EntriesTable {
  id: string;
  contest_id: string;
  designer_id: string;
  number: number;
  title: Generated<string>;
  note: Generated<string>;
  status: EntryStatus;
  current_revision_id: string | null;
  revision_count: Generated<number>;
  reject_reason: string | null;
  decline_reason: string | null;
  /** The client's own words on a decline (0005). */
  decline_note: string | null;
  declined_at: number | null;
  withdrawn_at: number | null;
  created_at: number;
  updated_at: number;
  /** Support hid the entry (an audit row says who and why): it leaves every gallery (0021). */
  hidden_at: number | null;
  /** Its current version's declaration: 1 made with generative AI, 0 not, null sent before 0023. */
  ai_declared: number | null;
}
export type EntryRow = Selectable<EntriesTable>;

export type RevisionStatus = "processing" | "ready" | "rejected";

export interface EntryRevisionsTable {
  id: string;
  entry_id: string;
  contest_id: string;
  designer_id: string;
  version: number;
  status: RevisionStatus;
  original_key: string;
  original_format: string;
  original_bytes: number;
  width: number | null;
  height: number | null;
  preview_key: string | null;
  thumbnail_key: string | null;
  phash: string | null;
  reject_reason: string | null;
  created_at: number;
  ready_at: number | null;
  /** Which watermark the preview and thumbnail carry (see WATERMARK_VERSION in images.server.ts). */
  watermark_version: Generated<number>;
  /** The designer's declaration with this version: 1 generative AI, 0 none, null before 0023. */
  ai_declared: number | null;
}
export type EntryRevisionRow = Selectable<EntryRevisionsTable>;

export interface SimilarityFlagsTable {
  id: string;
  revision_id: string;
  entry_id: string;
  contest_id: string;
  earlier_revision_id: string;
  earlier_entry_id: string;
  earlier_contest_id: string;
  /** How far apart the two images are: 100 − the share (%) of the earlier one's edges found again. */
  distance: number;
  created_at: number;
  /** Set when the earlier image is a portfolio piece (the earlier_* entry columns then hold its id). */
  earlier_piece_id: string | null;
  /** The client reviewed the pair and found no copy (the flag leaves their gallery and viewer). */
  dismissed_at: number | null;
  dismissed_by: string | null;
}

/** 1: qualifying and finalist selection; 2: the final round and winner selection. */
export type RatingRound = 1 | 2;

export interface RatingsTable {
  entry_id: string;
  rater_id: string;
  round: RatingRound;
  contest_id: string;
  stars: number;
  created_at: number;
  updated_at: number;
}
export type RatingRow = Selectable<RatingsTable>;

export interface EntryRoundStatsTable {
  entry_id: string;
  round: RatingRound;
  contest_id: string;
  ratings_count: Generated<number>;
  stars_sum: Generated<number>;
  client_stars: number | null;
  updated_at: number;
}

export interface EntryCommentsTable {
  id: string;
  entry_id: string;
  contest_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export interface JudgeNotesTable {
  entry_id: string;
  judge_id: string;
  contest_id: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface PollsTable {
  id: string;
  contest_id: string;
  created_by: string;
  slug: string;
  question: string;
  closed_at: number | null;
  created_at: number;
}

export interface PollEntriesTable {
  poll_id: string;
  entry_id: string;
  position: number;
}

export interface PollVotesTable {
  poll_id: string;
  voter_hash: string;
  entry_id: string;
  comment: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** Copy detection's features of one image (0022, decision 40). */
export interface ImageDescriptorsTable {
  seq: Generated<number>;
  subject_kind: "revision" | "piece";
  subject_id: string;
  designer_id: string;
  version: number;
  voting: string;
  features: string;
  created_at: number;
}
// Escrow (0003). The ledger tables (accounts, transfers, escrows, resolutions) are append-only:
// database triggers refuse UPDATE and DELETE on them.

export type LedgerAccountKind =
  | "client_payments"
  | "contest_escrow"
  | "designer_balance"
  | "platform_fees"
  | "payouts"
  | "refunds_out"
  | "taxes_collected";

export interface LedgerAccountsTable {
  id: string;
  kind: LedgerAccountKind;
  /** The client, contest or designer id; "platform" for the platform's own accounts. */
  owner_id: string;
  currency: string;
  created_at: number;
}
export type LedgerAccount = Selectable<LedgerAccountsTable>;

/** TigerBeetle's two-phase transfers: a pending transfer is later posted or voided, once. */
export type TransferPhase = "single" | "pending" | "post" | "void";

export interface LedgerTransfersTable {
  id: string;
  /** Unique; derived from the idempotency key of the command that wrote it. */
  key: string;
  debit_account_id: string;
  credit_account_id: string;
  currency: string;
  /** Integer minor units, always positive; the direction is debit → credit. */
  amount: number;
  phase: TransferPhase;
  /** For a post or void: the pending transfer it resolves (unique). */
  pending_id: string | null;
  code: string;
  contest_id: string | null;
  created_at: number;
}
export type LedgerTransfer = Selectable<LedgerTransfersTable>;
export type NewLedgerTransfer = Insertable<LedgerTransfersTable>;

export interface EscrowsTable {
  contest_id: string;
  client_id: string;
  currency: string;
  prize: number;
  fee: number;
  /** Sales taxes charged on the fee (minor units), the sum of tax_lines' amounts. */
  tax: Generated<number>;
  /** The client's billing region the taxes were computed for ("CA-QC", "FR"); null before 0012. */
  tax_region: string | null;
  /** JSON text: the receipt's tax lines (`ChargedTaxLine[]` in ~/modules/tax/charge). */
  tax_lines: Generated<string>;
  hold_key: string;
  /** The provider's reference of the charge that brought the money in. */
  payment_ref: string;
  pending_transfer_id: string;
  created_at: number;
}
export type Escrow = Selectable<EscrowsTable>;

export type EscrowOutcome = "awarded" | "refunded";

export interface EscrowResolutionsTable {
  contest_id: string;
  pending_transfer_id: string;
  outcome: EscrowOutcome;
  idempotency_key: string;
  created_at: number;
}
export type EscrowResolution = Selectable<EscrowResolutionsTable>;

export type PaymentIntentStatus = "pending" | "succeeded" | "declined" | "duplicate" | "needs_review";

export interface PaymentIntentsTable {
  id: string;
  idempotency_key: string;
  contest_id: string;
  client_id: string;
  prize: number;
  fee: number;
  /** Sales taxes on the fee (minor units); amount = prize + fee + tax. */
  tax: Generated<number>;
  tax_region: string | null;
  /** JSON text: the tax lines charged (`ChargedTaxLine[]` in ~/modules/tax/charge). */
  tax_lines: Generated<string>;
  amount: number;
  currency: string;
  /** What the provider needs to replay the call: a payment method id or a sandbox test card. */
  payment_method: string | null;
  method_label: string;
  status: PaymentIntentStatus;
  provider_ref: string | null;
  failure_code: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}
export type PaymentIntent = Selectable<PaymentIntentsTable>;

export type ProviderCallStatus = "pending" | "succeeded" | "failed" | "needs_review";

export interface PaymentRefundsTable {
  id: string;
  idempotency_key: string;
  intent_id: string;
  contest_id: string;
  reason: "contest_refunded" | "duplicate_charge";
  amount: number;
  currency: string;
  status: ProviderCallStatus;
  provider_ref: string | null;
  failure_code: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}
export type PaymentRefund = Selectable<PaymentRefundsTable>;

export type PayoutStatus = "pending" | "paid" | "failed" | "needs_review";

export interface PayoutsTable {
  id: string;
  idempotency_key: string;
  designer_id: string;
  amount: number;
  currency: string;
  destination: string;
  pending_transfer_id: string;
  status: PayoutStatus;
  provider_ref: string | null;
  failure_code: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}
export type Payout = Selectable<PayoutsTable>;

export interface SandboxOperationsTable {
  id: string;
  idempotency_key: string;
  kind: "charge" | "refund" | "payout";
  fingerprint: string;
  amount: number;
  currency: string;
  charge_id: string | null;
  outcome: "succeeded" | "declined";
  decline_code: string | null;
  created_at: number;
}
export type SandboxOperation = Selectable<SandboxOperationsTable>;

// Handover (0006). Agreements and their signatures are append-only (database triggers).

export interface HandoverFilesTable {
  id: string;
  contest_id: string;
  designer_id: string;
  current_version_id: string;
  version_count: number;
  created_at: number;
  updated_at: number;
}

export type FinalFormat = "svg" | "ai" | "eps" | "pdf" | "png" | "jpg" | "psd" | "figma" | "zip";

export interface HandoverFileVersionsTable {
  id: string;
  file_id: string;
  contest_id: string;
  version: number;
  blob_key: string;
  file_name: string;
  format: FinalFormat;
  content_type: string;
  bytes: number;
  sha256: string;
  uploaded_by: string;
  created_at: number;
}
export type HandoverFileVersion = Selectable<HandoverFileVersionsTable>;

export interface HandoverMessagesTable {
  id: string;
  contest_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export interface TransferAgreementsTable {
  contest_id: string;
  client_id: string;
  designer_id: string;
  entry_id: string;
  template: string;
  text: string;
  text_sha256: string;
  created_at: number;
  /** The language the text is in, chosen by the first signer; null before migration 0013. */
  locale: "fr-CA" | "en" | null;
}
export type TransferAgreement = Selectable<TransferAgreementsTable>;

export type AgreementParty = "client" | "designer";

export interface AgreementSignaturesTable {
  contest_id: string;
  party: AgreementParty;
  user_id: string;
  legal_name: string;
  text_sha256: string;
  ip: string;
  user_agent: string;
  signed_at: number;
}
export type AgreementSignature = Selectable<AgreementSignaturesTable>;

/** A client's review of the designer who won their contest, and the designer's answer (one each). */
export interface ReviewsTable {
  contest_id: string;
  client_id: string;
  designer_id: string;
  stars: number;
  body: string;
  created_at: number;
  edited_at: number | null;
  answer: string | null;
  answered_at: number | null;
  answer_edited_at: number | null;
}
export type Review = Selectable<ReviewsTable>;
// ---- direct messages (0016) ----

/** One conversation per pair of people (`user_low` < `user_high`), opened by `started_by`. */
export interface ConversationsTable {
  id: string;
  user_low: string;
  user_high: string;
  started_by: string;
  /** The last message's number in this conversation (messages are numbered 1, 2, 3…). */
  last_seq: Generated<number>;
  last_message_at: number;
  created_at: number;
}
export type ConversationRow = Selectable<ConversationsTable>;

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  body: string;
  about_contest_id: string | null;
  about_entry_id: string | null;
  created_at: number;
}
export type MessageRow = Selectable<MessagesTable>;

/** How far one participant has read (`read_seq`) and been mailed about (`mailed_seq`). */
export interface ConversationReadsTable {
  conversation_id: string;
  user_id: string;
  read_seq: Generated<number>;
  read_at: number | null;
  mailed_seq: Generated<number>;
}

export interface MessageAttachmentsTable {
  id: string;
  message_id: string;
  conversation_id: string;
  blob_key: string;
  file_name: string;
  content_type: string;
  bytes: number;
  width: number;
  height: number;
  created_at: number;
}

export interface UserBlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: number;
}
/** Work a designer uploads to their profile, processed like an entry (0017). */
export interface PortfolioPiecesTable {
  id: string;
  designer_id: string;
  title: string;
  category: string;
  description: Generated<string>;
  status: RevisionStatus;
  original_key: string;
  original_format: string;
  original_bytes: number;
  width: number | null;
  height: number | null;
  preview_key: string | null;
  thumbnail_key: string | null;
  preview_width: number | null;
  preview_height: number | null;
  watermark_version: Generated<number>;
  phash: string | null;
  /** A stored rejection (entries/rejection.server.ts), when processing refused the image. */
  reject_reason: string | null;
  created_at: number;
  ready_at: number | null;
  /** Off the portfolio after a report (support upheld it, or its designer withdrew it) (0025). */
  hidden_at: number | null;
}
export type PortfolioPieceRow = Selectable<PortfolioPiecesTable>;

// ---- a client's network (0019) ----

/** A designer a person keeps in "my designers". */
export interface FavouriteDesignersTable {
  client_id: string;
  designer_id: string;
  created_at: number;
}

/** A person who follows a designer: told of each new portfolio piece. */
export interface DesignerFollowsTable {
  follower_id: string;
  designer_id: string;
  created_at: number;
}

/** A client invited a designer they know to one of their contests (once per contest and designer). */
export interface DesignerInvitationsTable {
  id: string;
  contest_id: string;
  designer_id: string;
  client_id: string;
  created_at: number;
}

/**
 * What the designers directory filters and sorts on, one row per designer and category and one
 * with category "all" (0018), written only by `refreshDesignerRecords` (ADR 0037).
 */
export interface DesignerRecordsTable {
  designer_id: string;
  /** A contest category (CATEGORY_KEYS), or "all" for the designer overall. */
  category: string;
  /** 1: shown in the directory (a handle, and a designer or someone with a public entry on record). */
  listed: number;
  /** Contests won that are completed and not private (ADR 0033): what the directory shows. */
  public_wins: number;
  /** Contests won that are completed, private ones too: what the level counts (ADR 0034). */
  level_wins: number;
  reviews: number;
  /** The sum of the reviews' stars. */
  stars: number;
  /** levelOf(...) for a category; the best category's level for "all". */
  level: string;
  /** The rating sort's key: average in hundredths and review count (DIRECTORY rules, directory.ts). */
  rating_key: number;
  /** The latest public fact: a completed public contest entered, a review received, or sign-up. */
  last_active_at: number;
  /** Name, handle and bio, folded for search (foldForSearch). */
  search_text: string;
  /** The location, folded. */
  location_text: string;
  /** A copy of users.languages (JSON array of codes). */
  languages: string;
  updated_at: number;
}
export type DesignerRecordRow = Selectable<DesignerRecordsTable>;

/**
 * What support did, who, why and when (0021, ADR 0043). Append-only: triggers refuse an update or a
 * delete on both databases. A row naming a contest is shown on that contest's timeline to its parties.
 */
export interface AuditLogTable {
  id: string;
  /** The support account that acted; null for the command line or the system. */
  actor_id: string | null;
  action: string;
  subject_kind: string;
  subject_id: string;
  contest_id: string | null;
  user_id: string | null;
  reason: string;
  data: Generated<string>;
  created_at: number;
}
export type AuditRow = Selectable<AuditLogTable>;

/** A prize not released until support checks its winner (0024, ADR 0046). */
export interface PrizeHoldsTable {
  id: string;
  contest_id: string;
  designer_id: string;
  /** JSON text: `HoldReason[]`. */
  reasons: string;
  held_by_event: string;
  created_at: number;
  resolved_at: number | null;
  resolution: "released" | "refunded" | null;
  resolved_by: string | null;
}
export type PrizeHoldRow = Selectable<PrizeHoldsTable>;

/**
 * A report with due process (0025, ADR 0045): the reported person answers or withdraws within 24
 * hours, then support decides. An upheld report is a strike on the reported account.
 */
export interface ReportsTable {
  id: string;
  reporter_id: string;
  reported_id: string;
  subject_kind: string;
  subject_id: string;
  contest_id: string | null;
  reason: string;
  body: string;
  original_url: string | null;
  original_entry_id: string | null;
  flag_id: string | null;
  status: string;
  answer_due_at: number;
  answer: string | null;
  answer_url: string | null;
  answered_at: number | null;
  withdrawn_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: number;
}
export type ReportRow = Selectable<ReportsTable>;
