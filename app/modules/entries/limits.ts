// Entry limits, free of server code so the upload form and the server read the same rules.

/** Longest note a designer sends with an entry. */
export const ENTRY_NOTE_MAX = 2000;
