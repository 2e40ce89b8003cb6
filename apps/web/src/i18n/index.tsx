import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

// The language setting: zh-CN by default, English second. antd's locale and dayjs follow it.

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'zg.lang';
const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: zhCN, setLang: () => undefined });

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
    return {
      lang,
      t: MESSAGES[lang],
      setLang: (next) => {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        setLangState(next);
      },
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}

/** The messages of the current language. */
export function useT(): Messages {
  return useContext(I18nContext).t;
}

export type { Messages };
