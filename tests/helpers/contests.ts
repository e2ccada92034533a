import { expect } from "vitest";
import { db } from "~db/index";
import { launchContest } from "~/modules/contests/launch.server";
import { SANDBOX_CARDS } from "~/modules/escrow/provider";
import { loadContest } from "~/modules/contests/contests.server";
import { saveDraftStep, startDraft } from "~/modules/contests/drafts.server";
import { NEUTRAL_STYLE, type Category } from "~/modules/contests/brief";
import { aiAllowedByDefault } from "~/modules/contests/generative-ai";
import { newId } from "~/utils/ids.server";
import { now } from "~/utils/clock.server";
import type { TestClient } from "./http-client";

/**
 * A person signed up over HTTP (the client keeps their session cookie); returns their user id. The
 * address counts as verified (as if they had followed the mail's link) unless a test says
 * `{ verified: false }`: money moves only for verified addresses (ADR 0042).
 */
export async function signUpAs(
  client: TestClient,
  name: string,
  role: "client" | "designer" = "client",
  { verified = true }: { verified?: boolean } = {},
) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${newId()}@example.com`;
  const res = await client.post("/signup", {
    displayName: name,
    email,
    password: "a long enough passphrase",
    role,
  });
  expect(res.status, "sign-up redirects").toBe(302);
  const user = await db()
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  if (verified) {
    await db().updateTable("users").set({ email_verified_at: now() }).where("id", "=", user.id).execute();
  }
  return { id: user.id, email };
}

/** The text of the inline error with this id (conform: `<form>-<field>-error`), or null. */
export function fieldError(html: string, errorId: string): string | null {
  const m = new RegExp(`<p class="field__error" id="${errorId}"[^>]*>([^<]*)</p>`).exec(html);
  return m ? decode(m[1]!) : null;
}

/** The form-level error (FormError), or null. */
export function formError(html: string): string | null {
  const m = /<div class="notice notice--error" role="alert"[^>]*>([^<]*)<\/div>/.exec(html);
  return m ? decode(m[1]!) : null;
}

/** The value an input with this id shows (what the person typed is kept), or null. */
export function inputValue(html: string, id: string): string | null {
  const tag = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  const m = /value="([^"]*)"/.exec(tag);
  return m ? decode(m[1]!) : "";
}

export function textareaValue(html: string, id: string): string | null {
  const m = new RegExp(`<textarea[^>]*id="${id}"[^>]*>([^<]*)</textarea>`).exec(html);
  return m ? decode(m[1]!) : null;
}

/** Is the control with this id marked invalid and described by its error? */
export function isMarkedInvalid(html: string, id: string): boolean {
  const tag = new RegExp(`<(input|textarea|select)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? "";
  return tag.includes('aria-invalid="true"') && tag.includes(`${id}-error`);
}

export function decode(s: string) {
  return s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Contest ids of the cards on a list page, in order. */
export function cardIds(html: string): string[] {
  return [...html.matchAll(/<a class="contest-card__link"[^>]*href="\/contests\/([a-z0-9]+)"/g)].map(
    (m) => m[1]!,
  );
}

export const GOOD_BRIEF = {
  description: "We bake bread every morning in a small shop and need a warm, crafted mark.",
  industry: "Food and drink",
  audience: "Neighbours and families",
  mustHaves: "The name must be readable from across the street.",
};

/**
 * A draft with every step saved through the module (the HTTP steps have their own tests), ready
 * for the review step.
 */
export async function makeCompleteDraft(
  clientId: string,
  options: {
    title?: string;
    category?: Category;
    prize?: number;
    isPrivate?: boolean;
    ndaText?: string;
    guaranteed?: boolean;
    description?: string;
    aiAllowed?: boolean;
  } = {},
) {
  const id = await startDraft(
    clientId,
    {
      category: options.category ?? "logo",
      title: options.title ?? "Logo for a bakery",
      businessName: "Pain d'Or",
    },
    "USD",
  );
  await saveDraftStep({
    locale: "en",
    contestId: id,
    clientId,
    step: 2,
    values: { ...GOOD_BRIEF, description: options.description ?? GOOD_BRIEF.description },
  });
  await saveDraftStep({
    locale: "en",
    contestId: id,
    clientId,
    step: 3,
    values: { ...NEUTRAL_STYLE, colorsUse: ["#C8553D"], colorsAvoid: [], deliverables: ["svg", "png"] },
  });
  const saved = await saveDraftStep({
    locale: "en",
    contestId: id,
    clientId,
    step: 4,
    values: {
      currency: "USD",
      prizeChoice: "custom",
      prize: options.prize ?? 49_900,
      qualifyingDays: 4,
      selectionDays: 4,
      finalDays: 3,
      winnerDays: 14,
      guaranteed: options.guaranteed ?? false,
      blind: false,
      isPrivate: options.isPrivate ?? false,
      fastTrack: false,
      portfolioOptOut: false,
      // The wizard's starting point for the category unless a test chooses (ADR 0041).
      aiAllowed: options.aiAllowed ?? aiAllowedByDefault(options.category ?? "logo"),
      ndaText: options.ndaText ?? "",
    },
  });
  expect(saved.ok).toBe(true);
  return id;
}

/**
 * Launch a complete draft the real way: paid with the sandbox's test card, held in escrow. Billed
 * outside Canada unless a test names a region (no sales tax: the amounts are the prize and the fee).
 */
export async function launch(
  contestId: string,
  clientId: string,
  billing: { country: string; province?: string } = { country: "US" },
) {
  const result = await launchContest({
    contestId,
    clientId,
    card: { number: SANDBOX_CARDS.success, expMonth: 12, expYear: 2040, cvc: "123", name: "Test Client" },
    billing,
    idempotencyKey: newId(),
  });
  if (!result.ok) throw new Error(`launch failed: ${JSON.stringify(result)}`);
  return result.contest;
}

export async function makeLiveContest(
  clientId: string,
  options: Parameters<typeof makeCompleteDraft>[1] = {},
) {
  const id = await makeCompleteDraft(clientId, options);
  await launch(id, clientId);
  return id;
}

export async function contestRow(id: string) {
  return (await loadContest(db(), id))!;
}
