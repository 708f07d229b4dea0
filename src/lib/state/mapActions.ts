/**
 * Camera moves that other parts of the UI ask of the map (search results, details). The map
 * registers the implementation when it mounts; before that the requests are ignored.
 */
export type Bounds = [west: number, south: number, east: number, north: number];

export const mapActions = {
  flyToBounds: (_bounds: Bounds): void => undefined,
};
