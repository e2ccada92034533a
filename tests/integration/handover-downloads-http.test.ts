import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { approveHandover } from "~/modules/handover/approval.server";
import { signDownloadToken, verifyDownloadToken } from "~/modules/handover/downloads.server";
import { advanceClock, now } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { appSecret } from "~/utils/secret.server";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";
import {
  FILES,
  ORIGINAL,
  finalVersions,
  handoverSetup,
  loginAs,
  sign,
  uploadFinal,
  type HandoverSetup,
} from "../helpers/handover";
import { decode } from "../helpers/contests";
import { multipartBody } from "../helpers/multipart";
import yauzl from "yauzl";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Role = "client" | "winner" | "other" | "judge" | "stranger" | "visitor";
const ROLES: Role[] = ["client", "winner", "other", "judge", "stranger", "visitor"];

async function clients(s: HandoverSetup): Promise<Record<Role, TestClient>> {
  return {
    client: await loginAs(server, s.client),
    winner: await loginAs(server, s.winner),
    other: await loginAs(server, s.other),
    judge: await loginAs(server, s.judge),
    stranger: await loginAs(server, s.stranger),
    visitor: server.client(),
  };
}

/** A handover with a final file and both signatures; approved when `completed`. */
async function deliveredHandover(completed: boolean) {
  const s = await handoverSetup();
  const asWinner = await loginAs(server, s.winner);
  expect((await uploadFinal(asWinner, s.contestId, "Pain d'Or — logo.svg", FILES.svg)).status).toBe(201);
  await sign(asWinner, s.contestId, "Ana Souza");
  await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay");
  if (completed)
    expect(await approveHandover({ contestId: s.contestId, clientId: s.client })).toMatchObject({ ok: true });
  const [version] = await finalVersions(s.contestId);
  return { s, version: version! };
}

/** Follow a download route's redirect to the short-lived link, and fetch it as the same person. */
async function download(client: TestClient, path: string) {
  const first = await client.get(path);
  if (first.status !== 302) return { status: first.status, link: null, res: first };
  const link = first.headers.get("location")!;
  expect(first.headers.get("cache-control")).toBe("private, no-store");
  return { status: 302, link, res: await client.get(link) };
}

/** The entries of a zip, name → bytes (read with yauzl, an independent reader). */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on("error", reject);
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return out;
}

describe("downloads of the original and the final files", () => {
  it("gives the client, once the contest is completed, the final files and every original, as attachments with the right bytes", async () => {
    const { s, version } = await deliveredHandover(true);
    const asClient = await loginAs(server, s.client);

    const final = await download(asClient, `/contests/${s.contestId}/handover/files/${version.id}`);
    expect(final.link).toMatch(/^\/downloads\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(final.res.status).toBe(200);
    expect(final.res.headers.get("content-type")).toBe("image/svg+xml");
    expect(final.res.headers.get("content-disposition")).toBe(
      `attachment; filename="Pain d'Or _ logo.svg"; filename*=UTF-8''Pain%20d%27Or%20%E2%80%94%20logo.svg`,
    );
    // Never rendered, whatever it holds: an attachment, with a sandboxing policy besides the app's own.
    expect(final.res.headers.get("content-security-policy")).toContain("default-src 'none'; sandbox");
    expect(Buffer.from(await final.res.arrayBuffer())).toEqual(FILES.svg);

    for (const [i, revisionId] of s.revisions.entries()) {
      const original = await download(asClient, `/contests/${s.contestId}/handover/originals/${revisionId}`);
      expect(original.res.status).toBe(200);
      // The fixture's first version was a PNG, the second a JPEG: each keeps its own type and extension.
      const [type, ext] = i === 0 ? ["image/png", "png"] : ["image/jpeg", "jpg"];
      expect(original.res.headers.get("content-type")).toBe(type);
      expect(original.res.headers.get("content-disposition")).toContain(
        `attachment; filename="logo-for-pain-d-or-entry-1-v${i + 1}.${ext}"`,
      );
      expect(Buffer.from(await original.res.arrayBuffer())).toEqual(
        Buffer.concat([ORIGINAL, Buffer.from(` v${i + 1}`)]),
      );
    }
    const page = await (await asClient.get(`/contests/${s.contestId}/handover`)).text();
    expect(page).toContain('data-testid="originals"');
  });

  it("lets the client open the final files during the handover, before approving (every version, and as a zip); the originals wait for the approval; nobody else gets anything", async () => {
    const { s, version } = await deliveredHandover(false);
    const as = await clients(s);
    const replaced = Buffer.concat([FILES.svg, Buffer.from("<!-- v2 -->\n")]);
    expect(
      (await uploadFinal(as.winner, s.contestId, "logo-v2.svg", replaced, { replace: version.file_id }))
        .status,
    ).toBe(201);
    const second = (await finalVersions(s.contestId)).find((v) => v.version === 2)!;
    const finalPath = (id: string) => `/contests/${s.contestId}/handover/files/${id}`;

    for (const [id, bytes] of [
      [version.id, FILES.svg],
      [second.id, replaced],
    ] as const) {
      const forClient = await download(as.client, finalPath(id));
      expect(forClient.status, "the client, during the handover").toBe(302);
      expect(forClient.res.status).toBe(200);
      expect(forClient.res.headers.get("content-disposition")).toMatch(/^attachment; /);
      expect(Buffer.from(await forClient.res.arrayBuffer())).toEqual(bytes);
      const forWinner = await download(as.winner, finalPath(id));
      expect(forWinner.res.status).toBe(200);
      for (const role of ["other", "judge", "stranger", "visitor"] as const) {
        expect((await as[role].get(finalPath(id))).status, `${role}: final file`).toBe(404);
      }
    }
    // The link the client was given is theirs alone.
    const link = (await as.client.get(finalPath(version.id))).headers.get("location")!;
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      expect((await as[role].get(link)).status, `${role} with the client's link`).toBe(403);
    }

    // The zip holds the final files only; the originals of the entry come with the approval.
    const zipPath = `/contests/${s.contestId}/handover/files.zip`;
    const zip = await as.client.get(zipPath);
    expect(zip.status).toBe(200);
    const inZip = await unzip(Buffer.from(await zip.arrayBuffer()));
    expect([...inZip.keys()]).toEqual(["final/logo-v2.svg"]);
    expect(inZip.get("final/logo-v2.svg")).toEqual(replaced);
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      expect((await as[role].get(zipPath)).status, `${role}: zip`).toBe(404);
    }
    for (const role of ROLES) {
      const original = await as[role].get(`/contests/${s.contestId}/handover/originals/${s.revisions[1]}`);
      expect(original.status, `${role}: original during the handover`).toBe(404);
    }
    expect((await loadContest(db(), s.contestId))!.status).toBe("handover");

    // The page gives the client the download buttons, and no longer says they are locked.
    const page = decode(await (await as.client.get(`/contests/${s.contestId}/handover`)).text());
    expect(page).toContain(`href="${finalPath(second.id)}"`);
    expect(page).toContain(`href="${finalPath(version.id)}"`);
    expect(page).toContain(`href="${zipPath}"`);
    expect(page).not.toContain("Downloads open when you approve");
    expect(page).not.toContain('data-testid="originals"');
  });

  it("hands over everything as one zip: the final files to both parties any time, with the originals for the client once completed; 404 to everyone else (they may not know there is a handover)", async () => {
    const { s } = await deliveredHandover(false);
    const as = await clients(s);
    const asWinner = as.winner;
    expect((await uploadFinal(asWinner, s.contestId, "logo.pdf", FILES.pdf)).status).toBe(201);
    const zipPath = `/contests/${s.contestId}/handover/files.zip`;
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      expect((await as[role].get(zipPath)).status, `${role} before completion`).toBe(404);
    }
    const forWinner = await asWinner.get(zipPath);
    expect(forWinner.status).toBe(200);
    expect(forWinner.headers.get("content-type")).toBe("application/zip");
    expect([...(await unzip(Buffer.from(await forWinner.arrayBuffer()))).keys()]).toEqual([
      "final/Pain d'Or — logo.svg",
      "final/logo.pdf",
    ]);

    expect(await approveHandover({ contestId: s.contestId, clientId: s.client })).toMatchObject({ ok: true });
    const res = await as.client.get(zipPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(
      'attachment; filename="logo-for-pain-d-or-files.zip"',
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()]).toEqual([
      "final/Pain d'Or — logo.svg",
      "final/logo.pdf",
      "originals/logo-for-pain-d-or-entry-1-v1.png",
      "originals/logo-for-pain-d-or-entry-1-v2.jpg",
    ]);
    expect(files.get("final/Pain d'Or — logo.svg")).toEqual(FILES.svg);
    expect(files.get("final/logo.pdf")).toEqual(FILES.pdf);
    expect(files.get("originals/logo-for-pain-d-or-entry-1-v2.jpg")).toEqual(
      Buffer.concat([ORIGINAL, Buffer.from(" v2")]),
    );
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      expect((await as[role].get(zipPath)).status, `${role} after completion`).toBe(404);
    }
    const page = await (await as.client.get(`/contests/${s.contestId}/handover`)).text();
    expect(page).toContain(`href="${zipPath}"`);
  });

  it("answers 404 to the other designer, a judge, a stranger and a logged-out visitor, and the originals to the client before completion", async () => {
    const { s, version } = await deliveredHandover(false);
    const as = await clients(s);
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      const final = await as[role].get(`/contests/${s.contestId}/handover/files/${version.id}`);
      expect(final.status, `${role}: final file`).toBe(404);
    }
    for (const role of ["client", "other", "judge", "stranger", "visitor"] as const) {
      const original = await as[role].get(`/contests/${s.contestId}/handover/originals/${s.revisions[0]}`);
      expect(original.status, `${role}: original`).toBe(404);
    }
    // The winner may take their own final files at any time.
    const own = await download(as.winner, `/contests/${s.contestId}/handover/files/${version.id}`);
    expect(own.res.status).toBe(200);
    expect(Buffer.from(await own.res.arrayBuffer())).toEqual(FILES.svg);

    await approveHandover({ contestId: s.contestId, clientId: s.client });
    for (const role of ["other", "judge", "stranger", "visitor"] as const) {
      expect((await as[role].get(`/contests/${s.contestId}/handover/files/${version.id}`)).status, role).toBe(
        404,
      );
      expect(
        (await as[role].get(`/contests/${s.contestId}/handover/originals/${s.revisions[1]}`)).status,
        role,
      ).toBe(404);
    }
    // Another contest's revision id, or a made-up one, is no way in either.
    expect((await as.client.get(`/contests/${s.contestId}/handover/originals/notarevision00`)).status).toBe(
      404,
    );
    const elsewhere = await handoverSetup();
    expect(
      (await as.client.get(`/contests/${s.contestId}/handover/originals/${elsewhere.revisions[0]}`)).status,
    ).toBe(404);
  });

  it("refuses an expired link, an altered link, and a link used by someone it was not issued to", async () => {
    const { s, version } = await deliveredHandover(true);
    const asClient = await loginAs(server, s.client);
    const issue = async () =>
      (await asClient.get(`/contests/${s.contestId}/handover/files/${version.id}`)).headers.get("location")!;

    const link = await issue();
    // Altered: any change to the claims or the signature.
    const [payload, signature] = link.slice("/downloads/".length).split(".") as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    for (const altered of [
      `${flip(payload, 5)}.${signature}`,
      `${payload}.${flip(signature, 3)}`,
      `${payload}.`,
      payload,
    ]) {
      const res = await asClient.get(`/downloads/${altered}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toBe(
        "This download link has expired or is not valid. Go back to the handover page for a new one.",
      );
    }
    // Claims rewritten to another blob, signed with another secret: refused.
    const forged = Buffer.from(
      JSON.stringify({
        k: `private/originals/x/y/z`,
        n: "x.jpg",
        t: "image/jpeg",
        u: s.client,
        e: now() + MINUTE,
      }),
    ).toString("base64url");
    expect((await asClient.get(`/downloads/${forged}.${signature}`)).status).toBe(403);

    // Someone else holding the link (logged in or not).
    expect((await (await loginAs(server, s.stranger)).get(link)).status).toBe(403);
    expect((await server.client().get(link)).status).toBe(403);
    expect((await (await loginAs(server, s.winner)).get(link)).status).toBe(403);

    // Expired: links work for minutes.
    expect((await asClient.get(link)).status).toBe(200);
    advanceClock(5 * MINUTE + 1000);
    expect((await asClient.get(link)).status).toBe(403);
    // A fresh one from the page works again.
    expect((await asClient.get(await issue())).status).toBe(200);
  });

  it("signs with a secret generated once and kept in DATA_DIR (owner-only) when APP_SECRET is not set", () => {
    const file = path.join(config().dataDir, "app-secret");
    const secret = appSecret();
    expect(fs.readFileSync(file, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(secret.toString("utf8")).toBe(fs.readFileSync(file, "utf8"));
  });

  it("verifies tokens by signature, expiry, user and key prefix", () => {
    const claims = {
      key: "private/finals/c/v",
      fileName: "a.svg",
      contentType: "image/svg+xml",
      userId: "u1",
    };
    const token = signDownloadToken({ ...claims, expiresAt: now() + MINUTE });
    expect(verifyDownloadToken(token, "u1")).toMatchObject(claims);
    expect(verifyDownloadToken(token, "u2")).toBeNull();
    expect(verifyDownloadToken(token, null)).toBeNull();
    expect(verifyDownloadToken(signDownloadToken({ ...claims, expiresAt: now() - 1 }), "u1")).toBeNull();
    expect(
      verifyDownloadToken(
        signDownloadToken({ ...claims, key: "public/previews/x", expiresAt: now() + MINUTE }),
        "u1",
      ),
    ).toBeNull();
  });
});

describe("who may do what in a handover (role × action, over HTTP)", () => {
  it("gives each role exactly its part, before and after completion", async () => {
    const { s, version } = await deliveredHandover(false);
    const as = await clients(s);
    const id = s.contestId;
    const file = () => {
      const { body, contentType } = multipartBody([{ name: "file", fileName: "logo.png", bytes: FILES.png }]);
      return { method: "POST", body, headers: { "Content-Type": contentType } };
    };
    type Check = [string, (c: TestClient) => Promise<Response>, Record<Role, number>];
    const loginRedirect = 302;
    const during: Check[] = [
      [
        "view the handover page",
        (c) => c.get(`/contests/${id}/handover`),
        { client: 200, winner: 200, other: 404, judge: 404, stranger: 404, visitor: loginRedirect },
      ],
      [
        "read its data",
        (c) => c.get(`/contests/${id}/handover.data`), // Single fetch answers a redirect to the login page as a 202 with the redirect in its payload.
        { client: 200, winner: 200, other: 404, judge: 404, stranger: 404, visitor: 202 },
      ],
      [
        "post a message",
        (c) => c.post(`/contests/${id}/handover`, { intent: "message", body: "Hello" }),
        { client: 302, winner: 302, other: 404, judge: 404, stranger: 404, visitor: loginRedirect },
      ],
      [
        "upload a final file",
        (c) => c.request(`/api/contests/${id}/handover/files`, file()),
        { client: 403, winner: 201, other: 404, judge: 404, stranger: 404, visitor: 401 },
      ],
      [
        "open the approval page",
        (c) => c.get(`/contests/${id}/handover/approve`),
        { client: 200, winner: 403, other: 404, judge: 404, stranger: 404, visitor: loginRedirect },
      ],
      [
        "download a final file",
        (c) => c.get(`/contests/${id}/handover/files/${version.id}`),
        { client: 302, winner: 302, other: 404, judge: 404, stranger: 404, visitor: 404 },
      ],
      [
        "download the original",
        (c) => c.get(`/contests/${id}/handover/originals/${s.revisions[0]}`),
        { client: 404, winner: 404, other: 404, judge: 404, stranger: 404, visitor: 404 },
      ],
      [
        "download the agreement",
        (c) => c.get(`/contests/${id}/handover/agreement.pdf`),
        { client: 200, winner: 200, other: 404, judge: 404, stranger: 404, visitor: 404 },
      ],
      [
        "approve",
        (c) => c.post(`/contests/${id}/handover/approve`, { confirm: "on" }),
        { client: 302, winner: 403, other: 404, judge: 404, stranger: 404, visitor: loginRedirect },
      ],
    ];
    // The approval runs last (the client's check completes the contest); then the "after" table.
    for (const [what, act, expected] of during) {
      for (const role of ROLES) {
        expect((await act(as[role])).status, `${role} may ${what}? (during the handover)`).toBe(
          expected[role],
        );
      }
    }
    const after: Check[] = [
      [
        "download a final file",
        (c) => c.get(`/contests/${id}/handover/files/${version.id}`),
        { client: 302, winner: 302, other: 404, judge: 404, stranger: 404, visitor: 404 },
      ],
      [
        "download the original",
        (c) => c.get(`/contests/${id}/handover/originals/${s.revisions[1]}`),
        { client: 302, winner: 404, other: 404, judge: 404, stranger: 404, visitor: 404 },
      ],
      [
        "upload a final file",
        (c) => c.request(`/api/contests/${id}/handover/files`, file()),
        { client: 403, winner: 409, other: 404, judge: 404, stranger: 404, visitor: 401 },
      ],
      [
        "view the handover page",
        (c) => c.get(`/contests/${id}/handover`),
        { client: 200, winner: 200, other: 404, judge: 404, stranger: 404, visitor: loginRedirect },
      ],
    ];
    for (const [what, act, expected] of after) {
      for (const role of ROLES) {
        expect((await act(as[role])).status, `${role} may ${what}? (after completion)`).toBe(expected[role]);
      }
    }
    // The approval by the client was the only one: one resolution.
    const resolutions = await db()
      .selectFrom("escrow_resolutions")
      .select("contest_id")
      .where("contest_id", "=", id)
      .execute();
    expect(resolutions).toHaveLength(1);
  });
});
