import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from 'antd/es/locale';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { LazySections } from './lazy-sections.ts';
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
// Each page's own words come with the page: its messages.ts registers them when its chunk loads,
// before any of its components renders, and they are merged into the section of that name.
type Sections = Record<string, object>;
const englishParts: Sections = {};
let englishMessages: Sections | null = null;

function merge(messages: Sections, section: string, part: object) {
  messages[section] = { ...messages[section], ...part };
}

export function registerMessages<K extends keyof LazySections>(
  section: K,
  zh: LazySections[K],
  en: LazySections[K],
) {
  merge(zhCN as unknown as Sections, section, zh);
  englishParts[section] = en;
  if (englishMessages) merge(englishMessages, section, en);
}

let english: Promise<Bundle> | null = null;
function loadEnglish(): Promise<Bundle> {
  english ??= Promise.all([import('./en.ts'), import('antd/locale/en_US')]).then(([m, a]) => {
    englishMessages = m.en as unknown as Sections;
    for (const [section, part] of Object.entries(englishParts)) merge(englishMessages, section, part);
    return { t: m.en as unknown as Messages, antd: a.default };
  });
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
