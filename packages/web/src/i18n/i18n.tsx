// Locale state for the whole app: Swedish by default, English second. The chosen locale is
// remembered in localStorage and mirrored to <html lang> so screen readers pronounce text right.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { type MessageKey, sv } from './sv.ts';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sv, en };
const storageKey = 'stegvis.locale';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatDateTime: (iso: string) => string;
  /** Öre as whole kronor where possible: "10 720 kr" (sv), "SEK 10,720" (en). */
  formatMoney: (ore: number) => string;
  /** A calendar month "2026-11" as words: "november 2026". */
  formatMonth: (month: string) => string;
  /** A count with the locale's digit grouping: "13 024" (sv), "13,024" (en). */
  formatNumber: (value: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale];
    const dateTime = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const tag = locale === 'sv' ? 'sv-SE' : 'en-GB';
    const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    const monthName = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(dictionary[key], params),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      formatMoney: (ore) =>
        locale === 'sv' ? `${number.format(ore / 100)} kr` : `SEK ${number.format(ore / 100)}`,
      formatMonth: (month) => {
        const [year, monthNumber] = month.split('-').map(Number);
        if (!year || !monthNumber) return month;
        return monthName.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
      },
      formatNumber: (value) => number.format(value),
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'sv' || stored === 'en') return stored;
  } catch {
    // Fall through to the default.
  }
  return 'sv';
}
