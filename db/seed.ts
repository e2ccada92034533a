import { hashPassword } from "../app/modules/auth/passwords.server";
import { now } from "../app/utils/clock.server";
import { newId } from "../app/utils/ids.server";
import { handleFromName } from "../app/modules/people/profiles";
import { db, transaction } from "./index";
import type { UserRole } from "./schema";

export const DEMO_PASSWORD = "concours-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole; what: string }[] = [
  { email: "client@demo.concours", name: "Camille Tremblay", role: "client", what: "client" },
  { email: "ana@demo.concours", name: "Ana Souza", role: "designer", what: "designer" },
  { email: "ben@demo.concours", name: "Ben Okafor", role: "designer", what: "designer" },
  { email: "chloe@demo.concours", name: "Chloé Martin", role: "designer", what: "designer" },
  { email: "judge@demo.concours", name: "Jules Gagnon", role: "client", what: "judge" },
];

/** The demo designers' public profiles (their own words, as they would write them). */
const DEMO_PROFILES: Record<
  string,
  { bio: string; location: string; languages: string[]; categories: string[] }
> = {
  "ana@demo.concours": {
    bio: "Designer graphique à Montréal depuis dix ans. J'aime les logos simples qui tiennent sur une enseigne comme sur une icône.",
    location: "Montréal, Québec",
    languages: ["fr", "pt", "en"],
    categories: ["logo", "brand_identity"],
  },
  "ben@demo.concours": {
    bio: "Illustrator and packaging designer. Bold shapes, warm colours, and type you can read from across the street.",
    location: "Montréal, Québec",
    languages: ["en", "fr"],
    categories: ["logo", "illustration", "business_card"],
  },
  "chloe@demo.concours": {
    bio: "Identités visuelles pour les commerces de quartier : boulangeries, cafés, librairies.",
    location: "Québec, Québec",
    languages: ["fr", "en", "es"],
    categories: ["brand_identity", "web_page"],
  },
};

/**
 * Demo artwork, drawn from raw pixels (no fonts, no decoder needed): a soft ground and a bold mark
 * whose shape and colours depend on `n`, so the gallery shows distinct designs.
 */
async function demoArtwork(n: number): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const size = 900;
  const palette = [
    [
      [252, 238, 224],
      [196, 92, 38],
      [62, 39, 35],
    ],
    [
      [232, 240, 236],
      [36, 110, 90],
      [240, 196, 80],
    ],
    [
      [236, 236, 248],
      [70, 60, 180],
      [250, 170, 60],
    ],
    [
      [250, 244, 230],
      [150, 40, 60],
      [245, 220, 180],
    ],
    [
      [228, 238, 246],
      [30, 70, 120],
      [240, 120, 90],
    ],
    [
      [244, 240, 232],
      [40, 40, 40],
      [214, 160, 60],
    ],
  ][n % 6]!;
  const [ground, mark, accent] = palette as [number[], number[], number[]];
  const data = Buffer.alloc(size * size * 3);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - c;
      const dy = y - c;
      const r = Math.hypot(dx, dy);
      const inside =
        n % 3 === 0
          ? r < 250 // a disc
          : n % 3 === 1
            ? Math.abs(dx) + Math.abs(dy) < 280 // a diamond
            : y > 200 && y < 700 && Math.abs(dx) < (y - 200) * 0.6; // a triangle
      const inner = r < 90 + (n % 4) * 12;
      const colour = inner && inside ? accent : inside ? mark : ground;
      const i = (y * size + x) * 3;
      data[i] = colour[0]!;
      data[i + 1] = colour[1]!;
      data[i + 2] = colour[2]!;
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/**
 * A live demo contest: launched and paid with the sandbox's test card, the demo judge invited, and
 * six drafts from the three designers sent through the real upload path (the worker makes their
 * watermarked previews as soon as the app runs).
 */
async function seedDemoContest(ids: Record<string, string>) {
  // Loaded only when seeding: the image module blocks sharp's other decoders for the whole process.
  const { REVIEW_STEP } = await import("../app/modules/contests/brief");
  const { createDraft } = await import("../app/modules/contests/contests.server");
  const { launchContest } = await import("../app/modules/contests/launch.server");
  const { inspectImage } = await import("../app/modules/entries/images.server");
  const { submitEntry } = await import("../app/modules/entries/submission.server");
  const client = ids["client@demo.concours"]!;
  const contestId = await createDraft({
    clientId: client,
    category: "logo",
    title: "A logo for Boulangerie Pain d'Or",
    businessName: "Pain d'Or",
    // A Montréal bakery pays in Canadian dollars.
    currency: "CAD",
  });
  await db()
    .updateTable("contests")
    .set({
      description:
        "A neighbourhood boulangerie on Montréal's Plateau, open since 1987, is opening a second shop. We want a warm, confident mark that works on paper bags, the shop sign and Instagram.",
      industry: "Food and drink",
      audience: "Families and commuters on their way to work; people who care where their bread comes from.",
      must_haves: "The name Pain d'Or. Works in one colour. Legible at 2 cm.",
      colors_use: JSON.stringify(["#c45c26", "#f4e2c8"]),
      colors_avoid: JSON.stringify(["neon green"]),
      deliverables: JSON.stringify(["svg", "pdf", "png"]),
      style: JSON.stringify({
        classic_modern: 40,
        playful_serious: 45,
        simple_detailed: 30,
        feminine_masculine: 50,
        economical_luxurious: 55,
      }),
      draft_step: REVIEW_STEP,
    })
    .where("id", "=", contestId)
    .execute();
  const launched = await launchContest({
    contestId,
    clientId: client,
    card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123", name: "Camille Tremblay" },
    billing: { country: "CA", province: "QC" },
    idempotencyKey: `demo-launch-${contestId}`,
  });
  if (!launched.ok) return null;
  await db()
    .insertInto("contest_members")
    .values({ contest_id: contestId, user_id: ids["judge@demo.concours"]!, role: "judge", created_at: now() })
    .execute();
  const designers = ["ana@demo.concours", "ben@demo.concours", "chloe@demo.concours"];
  const titles = ["Golden crust", "Morning loaf", "Wheat sheaf", "Sun bakery", "Plateau stamp", "Hearth"];
  for (let n = 0; n < 6; n++) {
    const bytes = await demoArtwork(n);
    const image = await inspectImage(bytes);
    if (!image.ok) continue;
    await submitEntry({
      contestId,
      designerId: ids[designers[n % 3]!]!,
      file: bytes,
      image,
      title: titles[n]!,
      note: "A first idea; happy to take it further.",
      // Every demo designer declares (ADR 0041): drawn by hand, no generative AI.
      aiDeclared: false,
    });
  }
  return contestId;
}

/**
 * Two finished contests of Camille's, both won by Ana, through the real paths: launched and paid,
 * entered, the winner chosen, a final file handed over, the agreement signed by both, the handover
 * approved (the prize released), then reviewed; Ana answers one. So the demo shows a designer's
 * record, level and reviews as they come to be.
 */
async function seedDemoHistory(ids: Record<string, string>) {
  const { REVIEW_STEP } = await import("../app/modules/contests/brief");
  const { applyContestEvent, createDraft } = await import("../app/modules/contests/contests.server");
  const { computeVerdict } = await import("../app/modules/contests/verdict.server");
  const { launchContest } = await import("../app/modules/contests/launch.server");
  const { inspectImage } = await import("../app/modules/entries/images.server");
  const { submitEntry } = await import("../app/modules/entries/submission.server");
  const { receiveFinalFile } = await import("../app/modules/handover/files.server");
  const { signAgreement } = await import("../app/modules/handover/agreement.server");
  const { approveHandover } = await import("../app/modules/handover/approval.server");
  const { answerReview, writeReview } = await import("../app/modules/people/reviews.server");
  const { registerAllJobHandlers } = await import("../app/modules/jobs/handlers.server");
  const { runDueJobs } = await import("../app/modules/jobs/queue.server");
  const client = ids["client@demo.concours"]!;
  const ana = ids["ana@demo.concours"]!;
  const past = [
    {
      title: "Café Rivière: a logo for a riverside café",
      business: "Café Rivière",
      review: {
        stars: 5,
        body: "Ana understood the place at once. Three rounds, each better; the sign is up.",
      },
      answer: "Merci Camille! Drawing the river into the cup was a joy.",
    },
    {
      title: "Épicerie Lafleur: a shop sign and logo",
      business: "Épicerie Lafleur",
      review: { stars: 4, body: "Lovely lettering, and quick. The one-colour version took a second try." },
      answer: null,
    },
  ];
  for (const [i, p] of past.entries()) {
    const contestId = await createDraft({
      clientId: client,
      category: "logo",
      title: p.title,
      businessName: p.business,
      currency: "CAD",
    });
    await db()
      .updateTable("contests")
      .set({
        description: `A mark for ${p.business}, a Montréal shop, for its sign, bags and cups.`,
        deliverables: JSON.stringify(["svg", "png"]),
        draft_step: REVIEW_STEP,
      })
      .where("id", "=", contestId)
      .execute();
    const launched = await launchContest({
      contestId,
      clientId: client,
      card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123", name: "Camille Tremblay" },
      billing: { country: "CA", province: "QC" },
      idempotencyKey: `demo-history-${contestId}`,
    });
    if (!launched.ok) continue;
    let winning: string | null = null;
    for (const [n, email] of ["ana@demo.concours", "ben@demo.concours"].entries()) {
      const bytes = await demoArtwork(i * 2 + n + 2);
      const image = await inspectImage(bytes);
      if (!image.ok) continue;
      const sent = await submitEntry({
        contestId,
        designerId: ids[email]!,
        file: bytes,
        image,
        title: n === 0 ? `${p.business} mark` : "A first idea",
        note: "",
        aiDeclared: false,
      });
      if (sent.ok && n === 0) winning = sent.entryId;
    }
    if (!winning) continue;
    const entryId = winning;
    // The entries' previews are made now (the worker's job, run here): only ready entries can win.
    registerAllJobHandlers();
    await runDueJobs();
    await applyContestEvent({
      contestId,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_winner",
        designerId: ana,
        entryId,
        verdict: await computeVerdict(trx, c),
      }),
    });
    const form = new FormData();
    form.set("file", new Blob([DEMO_FINAL_SVG], { type: "image/svg+xml" }), "logo.svg");
    await receiveFinalFile(new Request("http://demo.invalid/upload", { method: "POST", body: form }), {
      contestId,
      userId: ana,
    });
    for (const [userId, legalName] of [
      [ana, "Ana Souza"],
      [client, "Camille Tremblay"],
    ] as const) {
      await signAgreement({
        contestId,
        userId,
        legalName,
        ip: "127.0.0.1",
        userAgent: "demo",
        language: "fr-CA",
      });
    }
    const approved = await approveHandover({ contestId, clientId: client });
    if (!approved.ok) continue;
    await writeReview({ contestId, userId: client, review: p.review });
    if (p.answer) await answerReview({ contestId, userId: ana, answer: p.answer });
  }
}

const DEMO_FINAL_SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#c45c26"/></svg>\n';

/** A conversation about the demo contest: the client writes to Ana, who answers (direct messages). */
async function seedDemoConversation(ids: Record<string, string>, contestId: string | null) {
  const { sendMessage, writeTo } = await import("../app/modules/people/messages/conversations.server");
  const about = contestId ? { kind: "contest" as const, id: contestId } : null;
  const opened = await writeTo({
    senderId: ids["client@demo.concours"]!,
    handle: handleFromName("Ana Souza"),
    draft: {
      body: "Bonjour Ana! J'aime beaucoup le style de vos logos. Pourriez-vous proposer une version en une seule couleur pour nos sacs en papier?",
      about,
      attachment: null,
    },
  });
  if (!opened.ok) return;
  await sendMessage({
    conversationId: opened.conversationId,
    senderId: ids["ana@demo.concours"]!,
    draft: {
      body: "Avec plaisir! Je vous envoie une nouvelle version d'ici demain.",
      about: null,
      attachment: null,
    },
  });
}

/** A few pieces of Ana's own work on her profile, through the real path (the worker marks them). */
async function seedDemoPieces(designerId: string) {
  const { inspectImage } = await import("../app/modules/entries/images.server");
  const { addPiece } = await import("../app/modules/people/pieces.server");
  const pieces = [
    { title: "Café Saint-Denis", category: "logo", description: "A mark for a corner café, in one colour." },
    { title: "Librairie du Parc", category: "brand_identity", description: "Sign, bookmarks and bags." },
    { title: "Fromagerie Lemieux", category: "logo", description: "" },
  ] as const;
  const { default: sharp } = await import("sharp");
  for (const [i, piece] of pieces.entries()) {
    // The contest's artwork in negative: distinct designs, not near-copies of the demo entries.
    const bytes = await sharp(await demoArtwork(i + 1))
      .negate()
      .png()
      .toBuffer();
    const image = await inspectImage(bytes);
    if (image.ok) await addPiece({ ...piece, designerId, file: bytes, image });
  }
}

function profileColumns(profile: (typeof DEMO_PROFILES)[string] | undefined) {
  if (!profile) return {};
  return {
    bio: profile.bio,
    location: profile.location,
    languages: JSON.stringify(profile.languages),
    categories: JSON.stringify(profile.categories),
  };
}

/** Demo data on first run only: does nothing once any account exists. Returns whether it seeded. */
export async function seedDemo(): Promise<boolean> {
  const any = await db().selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now();
  const ids: Record<string, string> = {};
  await transaction(async (trx) => {
    for (const account of DEMO_ACCOUNTS) {
      ids[account.email] = newId();
      await trx
        .insertInto("users")
        .values({
          id: ids[account.email]!,
          email: account.email,
          display_name: account.name,
          handle: handleFromName(account.name),
          ...profileColumns(DEMO_PROFILES[account.email]),
          password_hash: passwordHash,
          role: account.role,
          created_at: at,
          password_changed_at: at,
          // The demo works at once: its addresses count as verified (ADR 0042).
          email_verified_at: at,
        })
        .execute();
    }
  });
  await seedDemoHistory(ids);
  const contestId = await seedDemoContest(ids);
  await seedDemoConversation(ids, contestId);
  await seedDemoPieces(ids["ana@demo.concours"]!);
  // The demo accounts were written straight into the table: give the directory their records.
  const { refreshAllDesignerRecords } = await import("../app/modules/people/designer-records.server");
  await refreshAllDesignerRecords();
  return true;
}

/** Whether the demo accounts are there (to print their passwords at start). */
export async function hasDemoAccounts() {
  const row = await db()
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_ACCOUNTS[0]!.email)
    .executeTakeFirst();
  return !!row;
}
