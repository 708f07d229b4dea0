/**
 * The real curated datasets in data/, built in memory the way `npm run data` builds them for the
 * app (nothing is read from public/generated, nothing written).
 */
import { fileURLToPath } from 'node:url';
import type { BuildContext } from '../../scripts/lib/context';

export const curatedBuild: BuildContext = {
  dataDir: fileURLToPath(new URL('../../data', import.meta.url)),
  outDir: '/nonexistent',
  log: () => {},
  resolveSource: () => Promise.reject(new Error('not used')),
};
