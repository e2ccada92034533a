import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/contests.$contestId.edit";

/** What the brief editor's loader sends, as the browser receives it (a type only: nothing is imported). */
export type EditData = ReturnType<typeof useLoaderData<typeof loader>>;
export type DraftEditData = Extract<EditData, { mode: "draft" }>;
export type EditContest = EditData["contest"];
