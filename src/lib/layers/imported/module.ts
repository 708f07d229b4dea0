import type { LayerModule } from '../types';

export const importedLayer: LayerModule = {
  id: 'imported',
  deckLayers: () => [],
};
