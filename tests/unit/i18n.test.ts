import { describe, expect, it } from 'vitest';
import { messages, LANGUAGES } from '../../src/lib/i18n/messages';
import { formatNumber, languageFromBrowser, translate } from '../../src/lib/i18n/translate';

describe('messages', () => {
  const englishKeys = Object.keys(messages.en).sort();

  it.each(LANGUAGES)('%s has exactly the keys English has, none empty', (lang) => {
    expect(Object.keys(messages[lang]).sort()).toEqual(englishKeys);
    const empty = Object.entries(messages[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English', (lang) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of englishKeys) {
      const k = key as keyof typeof messages.en;
      expect(placeholders(messages[lang][k]), `${lang} ${key}`).toEqual(
        placeholders(messages.en[k]),
      );
    }
  });

  it('Swedish and Norwegian texts are translated, not copies of English', () => {
    // Names and codes may legitimately be equal; sentences must not be.
    const namesOnly = new Set(['era.2024']);
    const long = Object.keys(messages.en).filter(
      (k) => !namesOnly.has(k) && messages.en[k as keyof typeof messages.en].split(' ').length > 3,
    ) as (keyof typeof messages.en)[];
    for (const key of long) {
      expect(messages.sv[key], key).not.toBe(messages.en[key]);
      expect(messages.nb[key], key).not.toBe(messages.en[key]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders as plain text', () => {
    expect(translate('en', 'error.dataLoad', { what: '<b>x</b>' })).toBe(
      'Could not load <b>x</b>. The rest of the map still works.',
    );
    expect(translate('sv', 'search.results', { count: 3 })).toBe('3 träffar');
  });
});

describe('formatNumber', () => {
  it('groups thousands the way each language does', () => {
    // sv and nb group with a (narrow) no-break space, en with a comma.
    expect(formatNumber('sv', 12345.5).replace(/\s/g, ' ')).toBe('12 345,5');
    expect(formatNumber('nb', 12345.5).replace(/\s/g, ' ')).toBe('12 345,5');
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
  });
});

describe('languageFromBrowser', () => {
  it('maps Scandinavian variants and falls back to English', () => {
    expect(languageFromBrowser(['sv-FI', 'en'])).toBe('sv');
    expect(languageFromBrowser(['nn-NO'])).toBe('nb');
    expect(languageFromBrowser(['no'])).toBe('nb');
    expect(languageFromBrowser(['de-DE', 'en-US'])).toBe('en');
    expect(languageFromBrowser(['fr'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});
