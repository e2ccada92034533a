import { describe, expect, it } from "vitest";
import { refusal, Refused, isRefused } from "~/modules/refusal";
import { refusalMessage, refusalStatus, refuseOrRethrow } from "~/utils/refusals.server";

describe("refusals at the HTTP edge", () => {
  it("answers what the viewer may not know exists with 404, in the area's words", () => {
    expect(refusalStatus(refusal("contest", "not_found"))).toBe(404);
    expect(refusalStatus(refusal("judging", "not_found"))).toBe(404);
    expect(refusalStatus(refusal("invitation", "not_found"))).toBe(404);
    expect(refusalMessage(refusal("contest", "not_found"), "en")).toBe("This contest does not exist.");
  });

  it("gives a thrown refusal the same answer as a returned one", () => {
    const thrown = new Refused("judging", "rating_closed");
    expect(refusalStatus(thrown)).toBe(409);
    expect(refusalMessage(thrown, "en")).toBe(refusalMessage(refusal("judging", "rating_closed"), "en"));
    expect(isRefused(thrown, "judging", "rating_closed")).toBe(true);
    expect(isRefused(thrown, "contest")).toBe(false);
    expect(isRefused(thrown, "judging", "invalid")).toBe(false);
  });

  it("says what changed only when it knows the contest's state now", () => {
    expect(refusalMessage(refusal("contest", "wrong_state"), "en")).toBe(
      "The contest is not at a stage where this can be done. Reload to see where it is.",
    );
    expect(refusalMessage(refusal("contest", "wrong_state", { status: "final_round" }), "en")).toBe(
      "This contest changed while you were deciding: the finalists have been picked.",
    );
  });

  it("turns a refusal into a Response and lets any other error through", async () => {
    let answered: unknown;
    try {
      refuseOrRethrow(new Refused("contest", "not_owner"), "en");
    } catch (response) {
      answered = response;
    }
    expect(answered).toBeInstanceOf(Response);
    expect((answered as Response).status).toBe(403);
    expect(await (answered as Response).text()).toBe("Only the client who runs this contest can do that.");
    const other = new Error("database down");
    expect(() => refuseOrRethrow(other, "en")).toThrow(other);
  });
});

describe("upload, image and final-file refusals at the edge", () => {
  it("answers a file over the cap with 413 and the limit in words", () => {
    const tooLarge = new Refused("upload", "too_large", { limit: 25 * 1024 * 1024 });
    expect(refusalStatus(tooLarge)).toBe(413);
    expect(refusalMessage(tooLarge, "en")).toBe(
      "This file is larger than 25 MB; upload a file of 25 MB or less.",
    );
  });

  it("names the image type the bytes showed, in the reader's language", () => {
    const gif = refusal("image", "unsupported_type", { type: "gif" });
    expect(refusalStatus(gif)).toBe(415);
    expect(refusalMessage(gif, "en")).toBe("This file is a GIF; upload a JPEG, PNG or WebP.");
  });

  it("names the final file's claimed format and what its bytes are", () => {
    const mismatch = refusal("handover", "mismatch", { ext: "png", detected: "pdf", format: "png" });
    expect(refusalStatus(mismatch)).toBe(415);
    expect(refusalMessage(mismatch, "en")).toBe(
      "This file is named .png but it is a PDF. Export it again as PNG, or give it the right extension.",
    );
    const notAsked = refusal("handover", "not_asked", { formats: "svg,png", ext: "gif" });
    expect(refusalMessage(notAsked, "en")).toBe(
      "The brief asks for SVG or PNG; this file is a .gif. Put anything else in a .zip.",
    );
    expect(refusalStatus(refusal("handover", "closed"))).toBe(409);
    expect(refusalMessage(refusal("handover", "not_winner"), "en")).toBe(
      "Only the winning designer uploads the final files.",
    );
  });
});
