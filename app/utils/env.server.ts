import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import type { TaxRegistrations } from "~/modules/tax/tax";

const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["0", "false", "no", "off"];
const bool = <F extends boolean | undefined>(fallback: F) =>
  z
    .enum([...TRUE_WORDS, ...FALSE_WORDS, ""], {
      error: "must be true or false (1/0, yes/no, on/off)",
    })
    .optional()
    .transform((v): boolean | F => (v === undefined || v === "" ? fallback : TRUE_WORDS.includes(v)));

const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];
/** An address, a subnet (address/prefix) or one of Express's names for a range. */
function isProxyAddress(entry: string) {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length || !address || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
}

/**
 * Which proxies in front of the app may say who the visitor is (X-Forwarded-For/-Host/-Proto):
 * off, the number of proxies, or their addresses. `true` trusts any sender, which lets anyone pick
 * the address the login throttle sees: only for an app that is reachable solely through its proxy.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): boolean | number | string[] => {
    const value = (v ?? "").trim().toLowerCase();
    if (value === "" || FALSE_WORDS.includes(value)) return false;
    if (["true", "yes", "on"].includes(value)) return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((e) => e.trim());
    if (entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: "custom",
      message:
        "must be false, true, the number of proxies in front of the app (e.g. 1), or their addresses " +
        "(e.g. 10.0.0.0/8, loopback)",
    });
    return z.NEVER;
  });

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int({ error: "must be a whole number" })
    .positive({
      error: "must be more than 0",
    });

const url = (what: string) =>
  z.url({ error: `must be a full URL for ${what}, such as http://localhost:3000` });

/** A registration number, spaces optional on input, written back in its usual form "digits PREFIXNNNN". */
const registration = (digits: number, program: string, example: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^\\d{${digits}} ?${program}\\d{4}$`), { error: `must look like ${example}` })
    .transform((v) => `${v.slice(0, digits)} ${v.slice(-6)}`);

const EnvSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "must be development, production or test" })
    .default("development"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 65535" })
    .max(65535, { error: "must be between 1 and 65535" })
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1, { error: "must be a folder path" }).default("data"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^(postgres(ql)?:\/\/|file:|sqlite:)/.test(v), {
      error: "must start with postgres:// (PostgreSQL) or file: (an SQLite file path)",
    }),
  APP_URL: url("the public address of the app").optional(),
  BLOB_DRIVER: z.enum(["fs", "s3"], { error: "must be fs or s3" }).default("fs"),
  S3_ENDPOINT: url("the S3 endpoint").optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().default("concours"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool(true),
  /** Attempts per S3 request (1 = no retries), with exponential backoff and full jitter between. */
  S3_MAX_ATTEMPTS: positiveInt("a number of attempts").default(4),
  S3_RETRY_BASE_MS: positiveInt("a number of milliseconds").default(100),
  /** One attempt that has not finished after this long is abandoned (and retried). */
  S3_REQUEST_TIMEOUT_MS: positiveInt("a number of milliseconds").default(60_000),
  /** Largest accepted upload, in bytes (25 MB). */
  UPLOAD_MAX_BYTES: positiveInt("a number of bytes").default(25 * 1024 * 1024),
  /** Largest accepted final file of a handover, in bytes (200 MB); enforced while it streams. */
  HANDOVER_MAX_BYTES: positiveInt("a number of bytes").default(200 * 1024 * 1024),
  /** How long a download link of an original or a final file works, in seconds (5 minutes). */
  DOWNLOAD_LINK_SECONDS: positiveInt("a number of seconds").default(300),
  /**
   * Signs download links (HMAC). Generated once and kept in DATA_DIR when unset; set it (the same
   * value everywhere) when several app processes serve the same users.
   */
  APP_SECRET: z
    .string()
    .min(32, { error: "must be at least 32 characters (e.g. openssl rand -hex 32)" })
    .optional(),
  /** Images with more pixels than this are refused before decoding (50 megapixels). */
  IMAGE_MAX_PIXELS: positiveInt("a number of pixels").default(50_000_000),
  MAIL_TRANSPORT: z.enum(["file", "smtp"], { error: "must be file or smtp" }).default("file"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().default("Concours <hello@concours.local>"),
  SEED_DEMO: bool(true),
  RUN_WORKER: bool(true),
  TRUST_PROXY: trustProxy,
  /**
   * The development mailbox (/dev/mailbox) shows every mail to whoever opens it, reset links
   * included: on by default outside production, refused in production.
   */
  DEV_MAILBOX: bool(undefined),
  LOG_LEVEL: z
    .enum(["silent", "error", "info", "debug"], { error: "must be silent, error, info or debug" })
    .default("info"),
  ENABLE_TEST_HOOKS: bool(false),
  ENTRY_LIMIT: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .default(10),
  PAYMENT_PROVIDER: z.enum(["sandbox", "stripe"], { error: "must be sandbox or stripe" }).default("sandbox"),
  STRIPE_API_BASE: url("the Stripe API").default("https://api.stripe.com"),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, { error: "must be a Stripe secret or restricted key (sk_… or rk_…)" })
    .optional(),
  PAYMENT_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int({ error: "must be a whole number" })
    .min(100, { error: "must be between 100 and 120000" })
    .max(120_000, { error: "must be between 100 and 120000" })
    .default(20_000),
  /**
   * The platform's GST/HST and QST registration numbers, printed on receipts beside those taxes.
   * Never a default with a real payment provider: a made-up number on a real receipt is worse than
   * none, and a launch that would charge a tax without its number is refused (ADR 0032).
   */
  GST_NUMBER: registration(9, "RT", "123456789 RT0001").optional(),
  QST_NUMBER: registration(10, "TQ", "1234567890 TQ0001").optional(),
  /**
   * While payments go to the sandbox (no real money, so no real receipt), a number left unset is
   * the sandbox's made-up one (all zeros), printed as such on receipts, so the demo launches a
   * Québec contest with no setting; refused with a real provider. Set it to false to see the launch
   * refused for a missing number.
   */
  TAX_SANDBOX_NUMBERS: bool(undefined),
});

export type Env = z.infer<typeof EnvSchema>;

export type Config = Env & {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Where the database lives: an SQLite file path or a PostgreSQL URL. */
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  appUrl: string;
  isProduction: boolean;
  /** Whether /dev/mailbox exists: never in production, and only while mail goes to files. */
  devMailbox: boolean;
  /** Whether unset registration numbers are the sandbox's: only while payments are the sandbox's. */
  taxSandboxNumbers: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Concours cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment; every bad value gets its own line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = cleaned[name];
        // A secret is never echoed, not even a malformed one.
        const got =
          /SECRET/.test(name) && value
            ? `a value of ${value.length} characters`
            : JSON.stringify(value ?? null);
        return `${issue.path.join(".")}: ${issue.message} (got ${got})`;
      }),
    );
  }
  const env = result.data;
  const problems: string[] = [];
  if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL)
    problems.push("SMTP_URL: is required when MAIL_TRANSPORT=smtp");
  if (env.BLOB_DRIVER === "s3" && !env.S3_ENDPOINT)
    problems.push("S3_ENDPOINT: is required when BLOB_DRIVER=s3");
  if (env.PAYMENT_PROVIDER === "stripe" && !env.STRIPE_SECRET_KEY)
    problems.push("STRIPE_SECRET_KEY: is required when PAYMENT_PROVIDER=stripe");
  const isProduction = env.NODE_ENV === "production";
  if (isProduction && env.DEV_MAILBOX)
    problems.push(
      "DEV_MAILBOX: the development mailbox shows every mail to anyone and cannot be turned on in production (mail is written under DATA_DIR/mail)",
    );
  if (env.PAYMENT_PROVIDER !== "sandbox" && env.TAX_SANDBOX_NUMBERS)
    problems.push(
      "TAX_SANDBOX_NUMBERS: made-up registration numbers cannot be printed on receipts of real payments (set GST_NUMBER and QST_NUMBER)",
    );
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, env.DATA_DIR);
  const dbUrl = env.DATABASE_URL;
  const database: Config["database"] =
    dbUrl && /^postgres(ql)?:\/\//.test(dbUrl)
      ? { kind: "postgres", url: dbUrl }
      : {
          kind: "sqlite",
          file: dbUrl
            ? path.resolve(dataDir, dbUrl.replace(/^(file|sqlite):(\/\/)?/, ""))
            : path.join(dataDir, "concours.sqlite"),
        };
  return {
    ...env,
    dataDir,
    database,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    isProduction,
    devMailbox: (env.DEV_MAILBOX ?? !isProduction) && env.MAIL_TRANSPORT === "file",
    taxSandboxNumbers: env.TAX_SANDBOX_NUMBERS ?? env.PAYMENT_PROVIDER === "sandbox",
  };
}

const CONFIG = Symbol.for("concours.config");
type Holder = { [CONFIG]?: Config };

/** The process's configuration, parsed once (shared by the app bundle and scripts). */
export function config(): Config {
  const g = globalThis as Holder;
  return (g[CONFIG] ??= parseEnv(process.env));
}

/** The sandbox's registration numbers: the right shape, all zeros, never a real account. */
export const SANDBOX_GST_NUMBER = "000000000 RT0000";
export const SANDBOX_QST_NUMBER = "0000000000 TQ0000";

/**
 * The registration numbers configured, null where none is (with the sandbox payment provider, the
 * sandbox's where none is, unless TAX_SANDBOX_NUMBERS=false). A tax line whose number is missing is not charged
 * silently: see `unregisteredTaxes` in ~/modules/tax/tax.
 */
export function taxRegistrations(c: Config = config()): TaxRegistrations {
  if (c.taxSandboxNumbers && (!c.GST_NUMBER || !c.QST_NUMBER)) {
    // Real and made-up numbers are never mixed on one receipt: both sandbox, or as configured.
    return { gst: SANDBOX_GST_NUMBER, qst: SANDBOX_QST_NUMBER, sandbox: true };
  }
  return { gst: c.GST_NUMBER ?? null, qst: c.QST_NUMBER ?? null, sandbox: false };
}

/** Forget the parsed config so the next call re-reads process.env (tests). */
export function resetConfig() {
  delete (globalThis as Holder)[CONFIG];
}
