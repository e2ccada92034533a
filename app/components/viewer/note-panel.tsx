import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { Kbd } from "~/components/judging";
import { useT } from "~/i18n/react";
import { NOTE_MAX } from "~/modules/judging/limits";
import type { Feedback, PanelProps, ViewerAction } from "./types";

/** A judge's note on the entry: the client reads it, the other judges never do. */
export function NotePanel({
  innerRef,
  entry,
  feedback,
  filter,
  hydrated,
}: PanelProps & { feedback: Feedback }) {
  const t = useT();
  const fetcher = useFetcher<ViewerAction>();
  const saved = fetcher.state === "idle" && fetcher.data?.ok;
  // The saved note arrives with the entry's data, perhaps after the judge has started typing
  // (C right after →): it fills the box only while the judge has typed nothing there.
  const savedNote = feedback?.mine?.note ?? "";
  const [draft, setDraft] = useState<{ entryId: string; text: string; edited: boolean }>({
    entryId: entry.id,
    text: savedNote,
    edited: false,
  });
  const text = draft.entryId !== entry.id || !draft.edited ? savedNote : draft.text;
  return (
    <details ref={innerRef} className="viewer__panel" id="note">
      <summary className="viewer__button">
        {t("judging.notes.title")} {feedback?.mine?.note ? "•" : null} <Kbd>C</Kbd>
      </summary>
      <div className="viewer__sheet">
        <fetcher.Form method="post" className="stack" preventScrollReset key={entry.id}>
          <input type="hidden" name="intent" value="note" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <label className="viewer__label" htmlFor={`note-${entry.id}`}>
            {t("judging.notes.label")}
          </label>
          <span className="viewer__muted" id={`note-hint-${entry.id}`}>
            {t("judging.notes.hint")}
          </span>
          <textarea
            id={`note-${entry.id}`}
            name="body"
            rows={3}
            maxLength={NOTE_MAX}
            className="viewer__textarea"
            value={text}
            onChange={(e) => setDraft({ entryId: entry.id, text: e.target.value, edited: true })}
            aria-describedby={`note-hint-${entry.id}`}
          />
          <div className="row">
            <button type="submit" className="viewer__button viewer__button--primary">
              {t("judging.notes.submit")}
            </button>
            {saved ? (
              <span className="viewer__muted" role="status">
                {t("judging.notes.saved")}
              </span>
            ) : null}
          </div>
        </fetcher.Form>
      </div>
    </details>
  );
}
