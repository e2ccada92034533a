import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_contests";
import * as m0003 from "./0003_escrow";
import * as m0004 from "./0004_entries";
import * as m0005 from "./0005_judging";
import * as m0006 from "./0006_handover";
import * as m0007 from "./0007_notify_preferences";
import * as m0008 from "./0008_images_watermark_version";
import * as m0009 from "./0009_gallery_similarity_review";
import * as m0010 from "./0010_languages";
import * as m0011 from "./0011_contest_search";
import * as m0012 from "./0012_taxes";
import * as m0013 from "./0013_agreement_language";
import * as m0014 from "./0014_profiles";
import * as m0015 from "./0015_reviews";
import * as m0016 from "./0016_messages";
import * as m0017 from "./0017_portfolio";
import * as m0018 from "./0018_designer_records";
import * as m0019 from "./0019_network";
import * as m0020 from "./0020_contest_tiers";
import * as m0021 from "./0021_support";
import * as m0022 from "./0022_image_descriptors";
import * as m0023 from "./0023_declared_ai_and_verified_email";
import * as m0024 from "./0024_prize_holds";
import * as m0025 from "./0025_reports";

/** Every migration, registered by hand (bundler-safe, no directory scan). Names sort in run order. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_contests": m0002,
  "0003_escrow": m0003,
  "0004_entries": m0004,
  "0005_judging": m0005,
  "0006_handover": m0006,
  "0007_notify_preferences": m0007,
  "0008_images_watermark_version": m0008,
  "0009_gallery_similarity_review": m0009,
  "0010_languages": m0010,
  "0011_contest_search": m0011,
  "0012_taxes": m0012,
  "0013_agreement_language": m0013,
  "0014_profiles": m0014,
  "0015_reviews": m0015,
  "0016_messages": m0016,
  "0017_portfolio": m0017,
  "0018_designer_records": m0018,
  "0019_network": m0019,
  "0020_contest_tiers": m0020,
  "0021_support": m0021,
  "0022_image_descriptors": m0022,
  "0023_declared_ai_and_verified_email": m0023,
  "0024_prize_holds": m0024,
  "0025_reports": m0025,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
