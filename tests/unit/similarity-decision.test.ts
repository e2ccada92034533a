import { beforeAll, describe, expect, it } from "vitest";
import {
  decodeFeatures,
  describeImage,
  describeQuery,
  encodeFeatures,
  isCopy,
  scoreQuery,
  votingDescriptors,
  type ImageFeatures,
} from "~/modules/similarity/features";
import { openCv, type OpenCv } from "~/modules/similarity/opencv";
import { VoteIndex } from "~/modules/similarity/vote-index";
import {
  asUploaded,
  COPY_COMBOS,
  COPY_KINDS,
  drawDesign,
  genuineDesigns,
  makeCopy,
  random,
  type Design,
} from "../../scripts/similarity-corpus";

// The decision on fixed images: designs drawn from a fixed seed (scripts/similarity-corpus.ts), a
// copy of each kind, and the look-alikes of the same family (same template, other initials).

let cv: OpenCv;
let family: Design[];
let original: ImageFeatures;
beforeAll(async () => {
  cv = await openCv();
  // The first family of five in this seed's corpus.
  const designs = genuineDesigns(20261203, 60);
  const first = designs.find((d) => designs.filter((o) => o.family === d.family).length === 5)!;
  family = designs.filter((d) => d.family === first.family);
  original = await describeImage(drawDesign(family[0]!));
}, 60_000);

describe("the copy decision", () => {
  const kinds = [...COPY_KINDS.map((k) => [k]), ...COPY_COMBOS];
  it.each(kinds.map((k) => [k.join(" + "), k] as const))("flags a copy: %s", async (_, steps) => {
    const copy = await asUploaded(await makeCopy(drawDesign(family[0]!), steps, random(7)));
    const score = scoreQuery(cv, await describeQuery(copy), original);
    expect(score, JSON.stringify(score)).not.toBeNull();
    expect(isCopy(score), JSON.stringify(score)).toBe(true);
  });

  it("does not flag a look-alike: the same template with other initials and colours", async () => {
    for (const lookAlike of family.slice(1)) {
      expect(lookAlike.initials).not.toBe(family[0]!.initials);
      const score = scoreQuery(cv, await describeQuery(drawDesign(lookAlike)), original);
      expect(isCopy(score), `${lookAlike.initials}: ${JSON.stringify(score)}`).toBe(false);
    }
  });

  it("keeps features through their stored form unchanged", () => {
    const back = decodeFeatures(encodeFeatures(original));
    expect(back).toEqual(original);
  });
});

describe("the vote index", () => {
  it("puts the original first among the candidates of its copy, and leaves out what keep refuses", async () => {
    const index = new VoteIndex<string>();
    const designs = genuineDesigns(5, 12);
    for (const d of designs) index.add(d.id, votingDescriptors(await describeImage(drawDesign(d))));
    index.add("original", votingDescriptors(original));
    const copy = await describeQuery(
      await asUploaded(await makeCopy(drawDesign(family[0]!), ["crop", "rotate"], random(3))),
    );
    const found = index.candidates(votingDescriptors(copy.plain), 8, () => true);
    expect(found[0]?.item).toBe("original");
    const without = index.candidates(votingDescriptors(copy.plain), 8, (id) => id !== "original");
    expect(without.map((c) => c.item)).not.toContain("original");
  }, 60_000);
});
