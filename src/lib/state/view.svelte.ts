/**
 * The live view state (Svelte runes) and its two-way link with the address bar and the remembered
 * language. Components read and write `view`; nothing else holds view state.
 */
import {
  defaultView,
  sameExceptCamera,
  viewFromSearch,
  viewToSearch,
  type ViewState,
} from './viewState';
import { isLanguage, languageFromBrowser, type Language } from '../i18n/translate';

const LANGUAGE_KEY = 'gransatlas.lang';

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode, embedded iframes): fall back to the browser language.
  }
  return languageFromBrowser(navigator.languages ?? [navigator.language]);
}

export const view: ViewState = $state(
  viewFromSearch(location.search, defaultView(rememberedLanguage())),
);

/**
 * Keep the URL a serialisation of `view`: camera moves replace the history entry, every other change
 * pushes one, so back/forward steps through what the user did. Returns a cleanup function.
 */
export function syncViewWithUrl(): () => void {
  history.replaceState(null, '', viewToSearch(view) + location.hash);

  const stopEffects = $effect.root(() => {
    $effect(() => {
      const next = viewToSearch(view);
      if (next === location.search) return;
      const previous = viewFromSearch(location.search, view);
      const method = sameExceptCamera(previous, view) ? 'replaceState' : 'pushState';
      history[method](null, '', next + location.hash);
    });
    $effect(() => {
      document.documentElement.lang = view.lang === 'nb' ? 'nb' : view.lang;
      try {
        localStorage.setItem(LANGUAGE_KEY, view.lang);
      } catch {
        // Not remembered; the URL still carries the language.
      }
    });
  });

  const onPopState = () => {
    Object.assign(view, viewFromSearch(location.search, defaultView(view.lang)));
  };
  addEventListener('popstate', onPopState);
  return () => {
    removeEventListener('popstate', onPopState);
    stopEffects();
  };
}
