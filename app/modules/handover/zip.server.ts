import { Readable } from "node:stream";
import yazl from "yazl";
import { db } from "~db/index";
import { attachmentDisposition, blobStore } from "~storage/index";
import { log } from "~/utils/log.server";
import { loadHandoverParty } from "./access.server";
import { authorizeDownload, slug, type DownloadTarget } from "./downloads.server";
import { listFinalFiles } from "./files.server";

/** Formats that are compressed already: stored as they are, deflating them again wastes time. */
const STORED = /\.(png|jpe?g|webp|gif|zip|gz|mp4|mov|woff2?)$/i;

/**
 * Everything this viewer may download from a handover, in one zip: the current version of each
 * final file under `final/`, and for the client of a completed contest every original of the
 * winning entry under `originals/`. Each file passes `authorizeDownload` (the one download rule);
 * null when nothing does (answer 403). The zip is streamed, one blob at a time.
 */
export async function handoverZip(input: {
  contestId: string;
  viewerId: string | null;
}): Promise<{ fileName: string; contentDisposition: string; body: Readable } | null> {
  const party = await loadHandoverParty(db(), input.contestId, input.viewerId);
  if (!party) return null;
  const [files, revisions] = await Promise.all([
    listFinalFiles(db(), party.contest.id),
    db()
      .selectFrom("entry_revisions")
      .select("id")
      .where("entry_id", "=", party.contest.winningEntryId)
      .orderBy("version")
      .execute(),
  ]);
  const targets: Array<{ folder: string; target: DownloadTarget }> = [
    ...files.map((f) => ({ folder: "final", target: { kind: "final", versionId: f.current.id } as const })),
    ...revisions.map((r) => ({
      folder: "originals",
      target: { kind: "original", revisionId: r.id } as const,
    })),
  ];
  const entries: Array<{ path: string; key: string }> = [];
  const taken = new Set<string>();
  for (const { folder, target } of targets) {
    const grant = await authorizeDownload({ contestId: party.contest.id, viewerId: input.viewerId, target });
    if (!grant) continue;
    entries.push({ path: uniquePath(`${folder}/${grant.fileName}`, taken), key: grant.key });
  }
  if (entries.length === 0) return null;

  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { compress: !STORED.test(entry.path) }, (done) => {
      blobStore()
        .get(entry.key)
        .then(
          (blob) =>
            done(blob ? null : new Error(`No blob under ${entry.key}`), blob?.body ?? Readable.from([])),
          (error: unknown) => done(error, Readable.from([])),
        );
    });
  }
  zip.end();
  const body = zip.outputStream as Readable;
  zip.on("error", (error: Error) => {
    log("error", "handover.zip.failed", { contestId: party.contest.id, error: error.message });
    body.destroy(error);
  });
  const fileName = `${slug(party.contest.title)}-files.zip`;
  return { fileName, contentDisposition: attachmentDisposition(fileName), body };
}

/** `final/logo.png`, then `final/logo (2).png` for a second file of the same name. */
function uniquePath(path: string, taken: Set<string>): string {
  let candidate = path;
  const dot = path.lastIndexOf(".");
  const [stem, ext] = dot > path.lastIndexOf("/") ? [path.slice(0, dot), path.slice(dot)] : [path, ""];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
