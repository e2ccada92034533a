// The baseline of bench:gallery: the same contest page components over the same data (the same
// module calls, per request), rendered with plain React renderToString behind a bare Node server.
import http from "node:http";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { ContestPage } from "~/components/contest-page";
import { briefChangesOf, getContestForViewer, listContestEvents } from "~/modules/contests/queries.server";
import { now } from "~/utils/clock.server";

const port = Number(process.env.PORT);
const contestId = process.env.BENCH_CONTEST_ID!;

async function render(url: string) {
  const view = await getContestForViewer({ contestId, viewer: null });
  if (!view) return null;
  const events = (await listContestEvents({ contestId, viewer: null })) ?? [];
  const html = renderToString(
    <StaticRouter location={url}>
      <ContestPage
        contest={view.contest}
        role={view.access.role}
        canSeeBrief={view.access.canSeeBrief}
        clientName={view.clientName}
        entryCount={view.entryCount}
        references={view.references}
        events={events}
        changes={briefChangesOf(events)}
        serverNow={now()}
        gallery={view.gallery}
        actions={null}
      />
    </StaticRouter>,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>${view.contest.title}</title></head><body>${html}</body></html>`;
}

http
  .createServer((req, res) => {
    render(req.url ?? "/").then(
      (html) => {
        res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
        res.end(html ?? "Not found");
      },
      (error) => {
        res.writeHead(500);
        res.end(String(error));
      },
    );
  })
  .listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
