import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { i18nProvider } from './i18nProvider.ts';
import { LOCALES, SIGN_IN_KEYS, SIGN_IN_MESSAGES, type SignInMessages } from './signIn.ts';
import { zh } from './zh.ts';

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      messages,
    );
}

describe('the sign-in page strings', () => {
  it.each([
    ['zh', zh],
    ['en', en],
  ] as const)('are the %s dictionary’s own strings, key by key', (locale, messages) => {
    for (const [name, key] of Object.entries(SIGN_IN_KEYS)) {
      expect(SIGN_IN_MESSAGES[locale][name as keyof SignInMessages], key).toBe(
        lookup(messages, key),
      );
    }
  });

  it('offers the languages the dashboard offers', () => {
    expect(i18nProvider.getLocales?.()).toEqual(LOCALES);
  });
});
