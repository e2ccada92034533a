import { en, type MessageKey } from "./en";

export type { MessageKey };
export type Locale = "en";
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Locale, Messages> = { en };

/** Look up a message and fill its {placeholders}. French will be another catalogue, not a rewrite. */
export function t(
  key: MessageKey,
  vars: Record<string, string | number> = {},
  locale: Locale = "en",
): string {
  const template = catalogues[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in vars ? String(vars[name]) : `{${name}}`,
  );
}
