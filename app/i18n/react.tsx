import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_LOCALE, translator, type Locale, type T } from "./index";
import { DEFAULT_TIME_ZONE } from "./zone";

interface I18n {
  locale: Locale;
  timeZone: string;
}

const I18nContext = createContext<I18n>({ locale: DEFAULT_LOCALE, timeZone: DEFAULT_TIME_ZONE });

/** Given once, by the root layout, from the root loader: the same values on the server and after hydration. */
export function I18nProvider({ locale, timeZone, children }: I18n & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, timeZone }), [locale, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The reader's language and time zone. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** `t` in the reader's language: `const t = useT();` at the top of a component. */
export function useT(): T {
  return translator(useContext(I18nContext).locale);
}
