import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Kbd } from "~/components/judging";
import { useT } from "~/i18n/react";
import { COMMENT_MAX, DECLINE_REASONS } from "~/modules/judging/limits";
import type { PanelProps, ViewerAction } from "./types";

/** The client's decline (a reason, a note) and, below it, removing the designer from the contest. */
export function DeclinePanel({ innerRef, entry, filter, hydrated }: PanelProps) {
  const t = useT();
  const fetcher = useFetcher<ViewerAction>();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && innerRef.current) innerRef.current.open = false;
  }, [fetcher.state, fetcher.data, innerRef]);
  return (
    <details ref={innerRef} className="viewer__panel" id="decline">
      <summary className="viewer__button">
        {t("judging.decline.submit")} <Kbd>D</Kbd>
      </summary>
      <div className="viewer__sheet">
        <fetcher.Form method="post" ref={formRef} className="stack" preventScrollReset>
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <fieldset className="viewer__reasons">
            <legend>{t("judging.decline.reason")}</legend>
            {DECLINE_REASONS.map((reason, i) => (
              <label key={reason} className="viewer__reason">
                <input type="radio" name="reason" value={reason} required defaultChecked={i === 0} />
                {t(`judging.decline.reasonLabel.${reason}`)}
              </label>
            ))}
          </fieldset>
          <label className="viewer__label" htmlFor={`decline-note-${entry.id}`}>
            {t("judging.decline.note")}
          </label>
          <textarea
            id={`decline-note-${entry.id}`}
            name="note"
            rows={2}
            maxLength={COMMENT_MAX}
            className="viewer__textarea"
          />
          <p className="viewer__muted">{t("judging.decline.lead")}</p>
          <button type="submit" className="viewer__button viewer__button--danger">
            {t("judging.decline.submit")}
          </button>
        </fetcher.Form>
        {entry.designerId ? (
          <Form method="post" className="viewer__eliminate" preventScrollReset>
            <input type="hidden" name="intent" value={entry.eliminated ? "reinstate" : "eliminate"} />
            <input type="hidden" name="designerId" value={entry.designerId} />
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="filter" value={filter} />
            {!entry.eliminated ? (
              <p className="viewer__muted">
                {t("judging.eliminate.hint", { name: entry.designerName ?? "" })}
              </p>
            ) : null}
            <button type="submit" className="viewer__linkbutton">
              {entry.eliminated
                ? t("judging.eliminate.undo", { name: entry.designerName ?? "" })
                : t("judging.eliminate.submit", { name: entry.designerName ?? "" })}
            </button>
          </Form>
        ) : null}
      </div>
    </details>
  );
}
