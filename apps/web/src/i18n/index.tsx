import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from 'antd/es/locale';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type Messages } from './zh-CN.ts';

// The language setting: zh-CN by default, English second. antd's locale and dayjs follow it.
// English (our messages and antd's) is downloaded only when someone switches to it.

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'zg.lang';

interface Bundle {
  t: Messages;
  antd: Locale;
}

const ZH: Bundle = { t: zhCN, antd: zhCNLocale };
let english: Promise<Bundle> | null = null;
function loadEnglish(): Promise<Bundle> {
  english ??= Promise.all([import('./en.ts'), import('antd/locale/en_US')]).then(([m, a]) => ({
    t: m.en,
    antd: a.default,
  }));
  return english;
}

interface I18n {
  lang: Lang;
  t: Messages;
  antdLocale: Locale;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  t: zhCN,
  antdLocale: zhCNLocale,
  setLang: () => undefined,
});

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ lang: Lang; bundle: Bundle }>({ lang: 'zh-CN', bundle: ZH });

  const choose = (next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    if (next === 'zh-CN') setState({ lang: next, bundle: ZH });
    else void loadEnglish().then((bundle) => setState({ lang: 'en', bundle }));
  };

  useEffect(() => {
    if (storedLang() === 'en') void loadEnglish().then((bundle) => setState({ lang: 'en', bundle }));
  }, []);

  const value = useMemo<I18n>(() => {
    dayjs.locale(state.lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = state.lang;
    return { lang: state.lang, t: state.bundle.t, antdLocale: state.bundle.antd, setLang: choose };
  }, [state]);
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
