import type { LayerModule } from '../types';

export const projectsLayer: LayerModule = {
  id: 'projects',
  deckLayers: () => [],
};
