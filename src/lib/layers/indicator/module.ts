import type { LayerModule } from '../types';

export const indicatorLayer: LayerModule = {
  id: 'indicator',
  deckLayers: () => [],
};
