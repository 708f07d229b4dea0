import { LANGUAGES, messages, type Language, type MessageKey } from './messages';

export type { Language, MessageKey };
export { LANGUAGES };

export type Params = Record<string, string | number>;

/** Message in `lang` with `{name}` placeholders filled. Parameters are plain text, never markup. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = messages[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** BCP 47 tag used for number and date formatting. */
export const LOCALE: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

/** The one number formatter per locale (grouping, decimal sign) used for every number on screen. */
export function formatNumber(
  lang: Language,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string {
  const cacheKey = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], options);
    numberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Pick the interface language from the browser's preferences: Swedish and Norwegian variants
 * (nb, nn, no) map to sv / nb; anything else falls back to English.
 */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}
