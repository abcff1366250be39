import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en-gb';
import { en } from './en.ts';
import { formatNumber, isLanguage, type Language } from './format.ts';
import { vi, type Messages } from './vi.ts';
import { zodIssueMessage } from './zodErrors.ts';

const STORAGE_KEY = 'treem.lang';

const catalogues: Record<Language, Messages> = { vi, en };

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Messages;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

/** Applies a language to everything outside React: zod messages, dayjs (date pickers), the document. */
function applyLanguage(language: Language): void {
  const t = catalogues[language];
  z.config({ customError: (issue) => zodIssueMessage(issue, t) });
  dayjs.locale(language === 'vi' ? 'vi' : 'en-gb');
  document.documentElement.lang = language;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = storedLanguage();
    applyLanguage(initial);
    return initial;
  });

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: catalogues[language],
      formatNumber: (n: number) => formatNumber(n, language),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Messages {
  return useI18n().t;
}
