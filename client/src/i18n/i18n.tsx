// The UI language: current locale (remembered in localStorage), t() with {placeholders}, and a context for components.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { catalogues } from './catalogues';
import { LOCALES, type Locale } from './define';
import { setApiHeader } from '../app/api';

const STORAGE_KEY = 'serviceflow.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LOCALES as string[]).includes(saved)) return saved as Locale;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Locale = initialLocale();
// The UI language goes with every API call, so the server's form messages come in it.
setApiHeader('Accept-Language', current);
const tables: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
for (const c of catalogues) for (const l of LOCALES) Object.assign(tables[l], c[l]);

/** Translates `key` in `locale` (default: the current one); `{name}` placeholders are filled from `params`. */
export function translate(key: string, params?: Record<string, string | number>, locale: Locale = current): string {
  const text = tables[locale][key] ?? tables.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function currentLocale(): Locale {
  return current;
}

export interface I18n {
  locale: Locale;
  t: (key: string, params?: Record<string, string | number>) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setState] = useState<Locale>(current);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(key, params, locale),
      setLocale: (next) => {
        current = next;
        setApiHeader('Accept-Language', next);
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setState(next);
      },
    }),
    [locale],
  );
  document.documentElement.lang = locale;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
