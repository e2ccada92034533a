import { DEFAULT_LOCALE, isLocale, translator, type T } from "./index";

/**
 * `t` for a route's `meta` (no hooks there): the root loader's language, from the matches Remix
 * passes. `export const meta: MetaFunction = ({ matches }) => { const t = metaT(matches); … }`.
 */
export function metaT(matches: readonly { id: string; data?: unknown }[]): T {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return translator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
}
