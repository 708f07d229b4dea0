/** Every layer, in drawing order (later ones on top). Implementations load on demand. */
import type { LayerDescriptor } from './types';
import { boundariesLayer } from './boundaries/module';

export const LAYERS: readonly LayerDescriptor[] = [
  {
    id: 'boundaries',
    titleKey: 'layer.boundaries',
    selects: ['area'],
    // The default view: bundled with the app, not a separate chunk.
    load: async () => boundariesLayer,
  },
  {
    id: 'indicator',
    titleKey: 'indicator.layer',
    selects: [],
    load: async () => (await import('./indicator/module')).indicatorLayer,
  },
  {
    id: 'commuting',
    titleKey: 'commuting.layer',
    selects: [],
    load: async () => (await import('./commuting/module')).commutingLayer,
  },
  {
    id: 'trade',
    titleKey: 'trade.layer',
    selects: ['crossing'],
    searchable: true,
    load: async () => (await import('./trade/module')).tradeLayer,
  },
  {
    id: 'projects',
    titleKey: 'projects.layer',
    selects: ['project'],
    searchable: true,
    load: async () => (await import('./projects/module')).projectsLayer,
  },
  {
    id: 'imported',
    titleKey: 'imported.layer',
    selects: [],
    load: async () => (await import('./imported/module')).importedLayer,
  },
];
