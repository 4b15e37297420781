import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en.ts';
import { LOCALES } from './signIn.ts';
import { zh } from './zh.ts';

// Chinese first; the language switch in the app bar offers English.
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : zh),
  'zh',
  LOCALES,
  { allowMissing: false },
);
