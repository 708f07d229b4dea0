/** Translation and number formatting in the view's current language (reactive in templates). */
import { view } from './view.svelte';
import { formatNumber, translate, type MessageKey, type Params } from '../i18n/translate';

export function t(key: MessageKey, params?: Params): string {
  return translate(view.lang, key, params);
}

export function fmt(value: number, options?: Intl.NumberFormatOptions): string {
  return formatNumber(view.lang, value, options);
}
