import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/field";
import { Preview } from "~/components/judging";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { readCookie } from "~/modules/auth/sessions.server";
import { POLL_COMMENT_MAX, voteSchema } from "~/modules/judging/forms";
import {
  castVote,
  getPollForVoter,
  isVoterToken,
  VOTER_COOKIE,
  voterCookie,
} from "~/modules/judging/polls.server";
import { generateToken } from "~/modules/auth/tokens.server";
import { refusal } from "~/modules/refusal";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import { pollPaths } from "~/modules/judging/poll-paths";
import "./polls.$slug.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: data?.poll ? `${data.poll.question} · ${t("app.name")}` : t("app.name") },
    { name: "referrer", content: "no-referrer" },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = readCookie(request, VOTER_COOKIE);
  const poll = await getPollForVoter({
    slug: params.slug ?? "",
    voterToken: isVoterToken(token) ? token : null,
  });
  if (!poll) refuse(refusal("poll", "not_found"), context.locale);
  return { poll };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const submission = parseWithZod(await request.formData(), { schema: voteSchema(t) });
  if (submission.status !== "success") return data({ error: t("polls.vote.choose") }, { status: 400 });
  const existing = readCookie(request, VOTER_COOKIE);
  const token = isVoterToken(existing) ? existing : generateToken();
  const result = await castVote({
    slug: params.slug ?? "",
    voterToken: token,
    entryId: submission.value.entryId,
    comment: submission.value.comment,
  });
  if (!result.ok) {
    if (result.reason === "not_found") refuse(result, context.locale);
    return data({ error: refusalMessage(result, context.locale) }, { status: refusalStatus(result) });
  }
  const headers = existing === token ? undefined : { "Set-Cookie": voterCookie(token) };
  return redirect(pollPaths.voted(params.slug!), { headers });
}

export default function PollVote() {
  const t = useT();
  const { poll } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="container page judging-page">
      <div>
        <h1>{poll.question}</h1>
        <p className="lead" style={{ margin: 0 }}>
          {t("polls.vote.lead", { client: poll.clientName, contest: poll.contestTitle })}
        </p>
      </div>
      {params.get("voted") && poll.myVote ? <Notice tone="success">{t("polls.vote.thanks")}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}
      {poll.closed ? (
        <Notice>{t("polls.vote.closed")}</Notice>
      ) : (
        <Form method="post" className="form">
          <fieldset className="choices">
            <legend className="visually-hidden">{poll.question}</legend>
            <ul className="poll-picks vote-grid">
              {poll.entries.map((e) => (
                <li key={e.id}>
                  <label className="poll-pick">
                    <span className="poll-pick__frame">
                      <Preview
                        src={e.previewUrl}
                        alt={t("polls.vote.entryAlt", { number: e.number })}
                        number={e.number}
                      />
                    </span>
                    <span className="poll-pick__label">
                      <input
                        type="radio"
                        name="entryId"
                        value={e.id}
                        required
                        defaultChecked={poll.myVote?.entryId === e.id}
                      />
                      {t("polls.vote.pick", { number: e.number })}
                      {poll.myVote?.entryId === e.id ? (
                        <span className="badge badge--accent">{t("polls.vote.yours")}</span>
                      ) : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="vote-comment">
              {t("polls.vote.comment")}
            </label>
            <textarea
              id="vote-comment"
              name="comment"
              className="input"
              rows={3}
              maxLength={POLL_COMMENT_MAX}
              defaultValue={poll.myVote?.comment ?? ""}
            />
          </div>
          <div>
            <button type="submit" className="btn btn--primary">
              {poll.myVote ? t("polls.vote.change") : t("polls.vote.submit")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
