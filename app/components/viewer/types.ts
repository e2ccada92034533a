import type { RefObject } from "react";
import type { useLoaderData } from "@remix-run/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import type { action, loader } from "~/routes/contests_.$contestId_.judge";

/** What the viewer's loader sends, as the browser receives it (a type only: nothing is imported). */
export type ViewerData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Entry = ViewerData["entries"][number];
export type Feedback = ViewerData["feedback"];
/** The viewer's action, for its fetchers' answers. */
export type ViewerAction = typeof action;

export type PanelProps = {
  innerRef: RefObject<HTMLDetailsElement>;
  entry: Entry;
  filter: ViewerFilter;
  hydrated: boolean;
};
