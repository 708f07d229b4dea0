import type { LayerModule } from '../types';

export const commutingLayer: LayerModule = {
  id: 'commuting',
  deckLayers: () => [],
};
