import type { LayerModule } from '../types';

export const tradeLayer: LayerModule = {
  id: 'trade',
  deckLayers: () => [],
};
