/// <reference types="vite-plugin-pwa/client" />
/**
 * Offline: registers the service worker (vite-plugin-pwa, generateSW) that precaches the app shell,
 * the fonts and the generated map data. Updates never reload a page on their own while it is in use:
 * a new version found while the page is just loading is taken at once (that is "the next load"); one
 * found later waits, offered by a button in the top bar, which is hidden while presenting.
 */
import { stories } from '../../state/stories.svelte';

export const appUpdate = $state({ ready: false, apply: () => undefined as void });

/** How long after start a waiting version may still be taken without asking. */
const STARTUP_MS = 4000;

export function registerOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const startedAt = performance.now();
  import('virtual:pwa-register')
    .then(({ registerSW }) => {
      const update = registerSW({
        immediate: true,
        onNeedRefresh() {
          if (performance.now() - startedAt < STARTUP_MS && stories.presenting === null) {
            void update(true);
            return;
          }
          appUpdate.apply = () => void update(true);
          appUpdate.ready = true;
        },
        onRegisterError(error: unknown) {
          console.warn('Gränsatlas: offline mode unavailable', error);
        },
      });
    })
    .catch(() => undefined);
}
