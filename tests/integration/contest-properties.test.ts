import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~db/index";
import type { ContestStatus, EntryStatus } from "~db/schema";
import { applyContestEvent, loadContest, type Contest } from "~/modules/contests/contests.server";
import { LIVE_STATES, type ContestEvent } from "~/modules/contests/machine";
import { launchContest } from "~/modules/contests/launch.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { submitEntry } from "~/modules/entries/submission.server";
import type { JudgingFailure } from "~/modules/judging/access.server";
import { isRefused } from "~/modules/refusal";
import { rateEntry } from "~/modules/judging/ratings.server";
import { escrowOf, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { SANDBOX_CARDS } from "~/modules/escrow/provider";
import { advanceClock, now } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { isPostgresRun } from "../setup/db-template";
import { makeReadyDraft, makeUser } from "../helpers/fixtures";
import { drainJobs } from "../helpers/jobs";

// Model-based: random sequences of client, designer and clock events against a simple model of what
// must hold. 1,000 runs on SQLite; PostgreSQL (slower per statement) runs 150 of the same kind.
const RUNS = Number(process.env.CONTEST_RUNS ?? (isPostgresRun() ? 150 : 1000));

interface World {
  client: string;
  judge: string;
  designers: string[];
  contests: string[];
  /** What was charged for each contest (prize + fee + tax), by the model's own account. */
  charged: Map<string, number>;
  accepted: number;
  refusedOutsideRound: number;
  /** The stars each rater gave, by "entry rater round", by the model's own account. */
  ratings: Map<string, number>;
  rated: number;
  ratingsRefused: number;
}

type Command = fc.AsyncCommand<object, World>;

const FAKE_IMAGE = {
  ok: true as const,
  format: "png" as const,
  contentType: "image/png",
  width: 8,
  height: 8,
  bytes: 4,
};

async function tolerate(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (!isRefused(error, "contest")) throw error; // refusals are the machine's to make
  }
}

const client = (w: World) => ({ kind: "user" as const, id: w.client });

const BILLING = [{ country: "CA", province: "QC" }, { country: "CA", province: "ON" }, { country: "FR" }];

class Launch implements Command {
  constructor(readonly c: number) {}
  check = () => true;
  async run(_: object, w: World) {
    const id = w.contests[this.c]!;
    const before = await loadContest(db(), id);
    const result = await launchContest({
      contestId: id,
      clientId: w.client,
      card: { number: SANDBOX_CARDS.success, expMonth: 1, expYear: 2031, cvc: "123", name: "P" },
      // Québec (GST and QST), Ontario (HST) or outside Canada (none), by contest.
      billing: BILLING[this.c % BILLING.length]!,
      idempotencyKey: newId(),
    });
    if (before?.status === "draft") {
      expect(result.ok).toBe(true);
      const escrow = await escrowOf(db(), id);
      w.charged.set(id, escrow.prize + escrow.fee + escrow.tax);
    }
  }
  toString = () => `launch(${this.c})`;
}

class Submit implements Command {
  constructor(
    readonly d: number,
    readonly c: number,
  ) {}
  check = () => true;
  async run(_: object, w: World) {
    const id = w.contests[this.c]!;
    const designer = w.designers[this.d]!;
    const contest = (await loadContest(db(), id))!;
    // The model's own rule (not the machine's code): open rounds are qualifying for everyone but the
    // client, and the final round for finalists, until the round's deadline.
    const beforeDeadline = contest.roundEndsAt !== null && now() < contest.roundEndsAt;
    const open =
      beforeDeadline &&
      ((contest.status === "qualifying" && designer !== contest.clientId) ||
        (contest.status === "final_round" && contest.finalists.includes(designer)));
    const active = await db()
      .selectFrom("entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("contest_id", "=", id)
      .where("designer_id", "=", designer)
      .where("status", "in", ["processing", "ready"])
      .executeTakeFirstOrThrow();
    const result = await submitEntry({
      contestId: id,
      designerId: designer,
      file: Buffer.from("png!"),
      image: FAKE_IMAGE,
      title: "",
      note: "",
      aiDeclared: false,
    });
    // The invariant: no entry is accepted outside an open round (and every one inside is, under the limit).
    expect(result.ok).toBe(open && Number(active.n) < 10);
    if (result.ok) w.accepted++;
    else if (!open) w.refusedOutsideRound++;
  }
  toString = () => `submit(d${this.d} → ${this.c})`;
}

class FinishProcessing implements Command {
  check = () => true;
  async run(_: object, w: World) {
    // The image job's outcome, without the images (the pipeline has its own tests).
    const pending = await db()
      .selectFrom("entry_revisions")
      .select(["id", "entry_id"])
      .where("status", "=", "processing")
      .where("contest_id", "in", w.contests)
      .execute();
    for (const r of pending) {
      await db()
        .updateTable("entry_revisions")
        .set({ status: "ready", ready_at: now() })
        .where("id", "=", r.id)
        .execute();
      await db()
        .updateTable("entries")
        .set({ status: "ready", current_revision_id: r.id })
        .where("id", "=", r.entry_id)
        .where("status", "=", "processing")
        .execute();
    }
  }
  toString = () => "finish processing";
}

class Advance implements Command {
  constructor(readonly hours: number) {}
  check = () => true;
  async run() {
    advanceClock(this.hours * HOUR);
    await drainJobs();
  }
  toString = () => `advance(${this.hours}h)`;
}

class ClientAct implements Command {
  constructor(
    readonly c: number,
    readonly kind: "extend" | "refund" | "finalists" | "winner" | "approve" | "cancel",
    readonly pick: number[],
  ) {}
  check = () => true;
  async run(_: object, w: World) {
    const id = w.contests[this.c]!;
    const event = async (
      contest: Parameters<typeof computeVerdict>[1],
      trx: Parameters<typeof computeVerdict>[0],
    ): Promise<ContestEvent> => {
      const verdict = await computeVerdict(trx, contest);
      const pool = verdict.designersWithEntries;
      switch (this.kind) {
        case "extend":
          return { type: "extend_round", days: 1 + (this.pick[0] ?? 0) };
        case "refund":
          return { type: "refund" };
        case "cancel":
          return { type: "cancel" };
        case "approve":
          return { type: "approve_handover", ready: true };
        case "finalists":
          return {
            type: "select_finalists",
            designerIds: [
              ...new Set(this.pick.map((i) => pool[i % Math.max(1, pool.length)]!).filter(Boolean)),
            ],
            verdict,
          };
        case "winner": {
          const designerId = pool[(this.pick[0] ?? 0) % Math.max(1, pool.length)] ?? "nobody";
          const entry = await trx
            .selectFrom("entries")
            .select("id")
            .where("contest_id", "=", contest.id)
            .where("designer_id", "=", designerId)
            .where("status", "=", "ready")
            .executeTakeFirst();
          return { type: "select_winner", designerId, entryId: entry?.id ?? "none", verdict };
        }
      }
    };
    await tolerate(() => applyContestEvent({ contestId: id, actor: client(w), event }));
  }
  toString = () => `${this.kind}(${this.c}${this.pick.length ? ` ${this.pick.join(",")}` : ""})`;
}

/** Who rates: the client, the invited judge, or a designer (who may see the contest but not judge it). */
type Rater = "client" | "judge" | "stranger";

/**
 * The model's own rule for a rating (not the judging module's code), as the refusal a person hears,
 * or null when the rating is accepted. When several refusals apply, the first here is the one given:
 * someone who may not judge learns nothing of the contest's state.
 */
function expectedRatingRefusal(
  contest: Contest,
  rater: Rater,
  entry: { status: EntryStatus; designerId: string } | undefined,
  stars: number,
): JudgingFailure | null {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return "invalid";
  if (contest.status === "draft" || contest.status === "cancelled") return "not_found";
  if (rater === "stranger") return contest.isPrivate ? "not_found" : "forbidden";
  if (modelRound(contest) === null) return "rating_closed";
  if (!entry) return "not_found";
  if (entry.status === "declined") return "entry_declined";
  if (entry.status !== "ready") return "entry_not_ready";
  if (modelRound(contest) === 2 && !contest.finalists.includes(entry.designerId)) return "not_in_round";
  return null;
}

/** Ratings run through both rounds and both selections; a fast-track contest has one round only. */
function modelRound(contest: Contest): 1 | 2 | null {
  if (contest.status === "qualifying" || contest.status === "finalist_selection") return 1;
  if (contest.status === "final_round" || contest.status === "winner_selection")
    return contest.fastTrack ? 1 : 2;
  return null;
}

class Rate implements Command {
  constructor(
    readonly who: Rater,
    readonly c: number,
    readonly e: number,
    readonly stars: number,
  ) {}
  check = () => true;
  async run(_: object, w: World) {
    const id = w.contests[this.c]!;
    const contest = (await loadContest(db(), id))!;
    // Any of the contest's entries, whatever its state; with none, an id that is no entry.
    const entries = await db()
      .selectFrom("entries")
      .select(["id", "status", "designer_id as designerId"])
      .where("contest_id", "=", id)
      .orderBy("number")
      .execute();
    const entry = entries[this.e % Math.max(1, entries.length)];
    const raterId = { client: w.client, judge: w.judge, stranger: w.designers[0]! }[this.who];
    const expected = expectedRatingRefusal(contest, this.who, entry, this.stars);
    let refusal: JudgingFailure | null = null;
    let result: Awaited<ReturnType<typeof rateEntry>> | null = null;
    try {
      result = await rateEntry({
        contestId: id,
        entryId: entry?.id ?? "no-such-entry",
        raterId,
        stars: this.stars,
      });
    } catch (error) {
      if (!isRefused(error, "judging")) throw error;
      refusal = error.reason;
    }
    // The invariant: a rating is accepted exactly when the model says so, and a refusal gives the
    // model's reason.
    expect(refusal, `${this.toString()} in ${contest.status}`).toBe(expected);
    if (refusal) {
      w.ratingsRefused++;
      return;
    }
    // Accepted: in the model's round, replacing this person's earlier stars there if any.
    const round = modelRound(contest)!;
    const key = (rater: string) => `${entry!.id} ${rater} ${round}`;
    expect(result).toEqual({ stars: this.stars, round, replaced: w.ratings.has(key(raterId)) });
    w.ratings.set(key(raterId), this.stars);
    w.rated++;
    // The entry's tally for the round is the model's: one rating per person, the latest stars.
    const given = [w.client, w.judge].filter((r) => w.ratings.has(key(r))).map((r) => w.ratings.get(key(r))!);
    const stats = await db()
      .selectFrom("entry_round_stats")
      .select(["ratings_count", "stars_sum", "client_stars"])
      .where("entry_id", "=", entry!.id)
      .where("round", "=", round)
      .executeTakeFirstOrThrow();
    expect(stats).toEqual({
      ratings_count: given.length,
      stars_sum: given.reduce((a, b) => a + b, 0),
      client_stars: w.ratings.get(key(w.client)) ?? null,
    });
  }
  toString = () => `${this.who} rates(${this.c}#${this.e} ${this.stars}★)`;
}

/** The invariants, checked after every command against the database. */
async function invariants(w: World) {
  const rows = await db()
    .selectFrom("contests")
    .select(["id", "status", "prize_minor", "winner_id"])
    .where("id", "in", w.contests)
    .execute();
  for (const c of rows) {
    const escrow = await escrowOf(db(), c.id);
    const expected: Record<ContestStatus, string> = {
      draft: "none",
      cancelled: "none",
      qualifying: "held",
      finalist_selection: "held",
      final_round: "held",
      winner_selection: "held",
      handover: "held",
      completed: "awarded",
      refunded: "refunded",
    };
    // Escrow holds exactly the prizes of live contests; each ended one is resolved.
    expect(escrow.status, `contest ${c.id} in ${c.status}`).toBe(expected[c.status]);
    if (LIVE_STATES.includes(c.status)) expect(escrow.prize).toBe(c.prize_minor);
    // Money is conserved: what came in for the contest is what its escrow held.
    if (w.charged.has(c.id)) expect(escrow.prize + escrow.fee + escrow.tax).toBe(w.charged.get(c.id));
    // Each escrow resolves at most once.
    const resolutions = await db()
      .selectFrom("escrow_resolutions")
      .select("outcome")
      .where("contest_id", "=", c.id)
      .execute();
    expect(resolutions.length).toBeLessThanOrEqual(1);
    // A contest has at most one winner.
    const picks = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", c.id)
      .where("kind", "in", ["winner_selected", "awarded_by_rule"])
      .execute();
    expect(picks.length).toBeLessThanOrEqual(1);
    if (picks.length === 1 && picks[0]!.kind === "winner_selected") expect(c.winner_id).not.toBeNull();
  }
  expect((await trialBalance(db())).balanced).toBe(true);
}

const commands = [
  fc.integer({ min: 0, max: 1 }).map((c) => new Launch(c)),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })).map(([d, c]) => new Submit(d, c)),
  fc.constant(new FinishProcessing()),
  fc
    .tuple(
      fc.constantFrom<Rater>("client", "judge", "stranger"),
      fc.integer({ min: 0, max: 1 }),
      fc.nat(6),
      // Mostly valid stars, sometimes out of range.
      fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 5 }, fc.constantFrom(0, 6)),
    )
    .map(([who, c, e, stars]) => new Rate(who, c, e, stars)),
  fc.constantFrom(6, 30, 80, 200).map((h) => new Advance(h)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 1 }),
      fc.constantFrom("extend", "refund", "finalists", "winner", "approve", "cancel" as const),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
    )
    .map(([c, kind, pick]) => new ClientAct(c, kind as ClientAct["kind"], pick)),
];

const sequences = fc.commands(commands, { maxCommands: 12 });
/** Where a sequence begins: two drafts, or both contests launched with two ready entries each. */
const start = fc.constantFrom("drafts", "contests with entries");

describe("contests under random sequences of events", () => {
  it(`keep money conserved, escrow = live prizes, each escrow resolved once, entries only in open rounds, ratings exactly as the model allows, at most one winner (${RUNS} runs)`, async () => {
    const client = await makeUser("Property client", "client");
    const judge = await makeUser("Property judge", "client");
    let accepted = 0;
    let refused = 0;
    let rated = 0;
    let ratingsRefused = 0;
    await fc.assert(
      fc.asyncProperty(sequences, fc.boolean(), start, async (cmds, guaranteed, from) => {
        // New designers for each run: what they did in earlier runs (their contests in the last 28
        // days, their wins) would otherwise decide their level and limits here (ADR 0039).
        const designers = [await makeUser("D0"), await makeUser("D1"), await makeUser("D2")];
        const world: World = {
          client,
          judge,
          designers,
          contests: [
            await makeReadyDraft(client, { guaranteed }),
            await makeReadyDraft(client, { fastTrack: true }),
          ],
          charged: new Map(),
          accepted: 0,
          refusedOutsideRound: 0,
          ratings: new Map(),
          rated: 0,
          ratingsRefused: 0,
        };
        for (const contestId of world.contests) {
          await db()
            .insertInto("contest_members")
            .values({ contest_id: contestId, user_id: judge, role: "judge", created_at: now() })
            .execute();
        }
        // Starting from two contests with entries, a short sequence reaches the judging rules too.
        if (from === "contests with entries") {
          const prelude = [0, 1].flatMap((c) => [new Launch(c), new Submit(1, c), new Submit(2, c)]);
          for (const cmd of [...prelude, new FinishProcessing()]) await cmd.run({}, world);
          await invariants(world);
        }
        await fc.asyncModelRun(
          () => ({
            model: {},
            real: world,
          }),
          [...cmds].map((cmd) => ({
            check: () => true,
            run: async (m: object, r: World) => {
              await cmd.run(m, r);
              await invariants(r);
            },
            toString: () => cmd.toString(),
          })),
        );
        accepted += world.accepted;
        refused += world.refusedOutsideRound;
        rated += world.rated;
        ratingsRefused += world.ratingsRefused;
      }),
      { numRuns: RUNS },
    );
    // The sequences did reach both sides of the entry rule.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    // And both sides of the rating rule.
    expect(rated).toBeGreaterThan(0);
    expect(ratingsRefused).toBeGreaterThan(0);
  }, 600_000);
});
