/**
 * Camera moves that other parts of the UI ask of the map (search results, details, stories), and
 * the map image the PNG export reads. The map registers the implementation when it mounts; before
 * that the requests are ignored.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from './viewState';

export type Bounds = [west: number, south: number, east: number, north: number];

/** The map drawn at a pixel ratio, copied out of WebGL, with what the export needs to frame it. */
export interface MapSnapshot {
  image: HTMLCanvasElement;
  /** Pixel ratio the map was actually drawn at (MapLibre may clamp a very large canvas). */
  ratio: number;
  /** CSS size of the map. */
  width: number;
  height: number;
  zoom: number;
  lat: number;
}

export const mapActions = {
  flyToBounds: (_bounds: Bounds): void => undefined,
  /** Fly to a camera (a jump when the user prefers reduced motion). */
  flyTo: (_camera: Camera): void => undefined,
  snapshot: async (_pixelRatio: number): Promise<MapSnapshot | null> => null,
};

function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => requestAnimationFrame(() => resolve()));
    map.triggerRepaint();
  });
}

/**
 * The deck.gl overlay, as far as the export needs it. Interleaved, deck.gl draws into the map's
 * canvas but keeps its own record of the drawing-buffer size (it does not follow a pixel-ratio
 * change that leaves the CSS size alone): without updating it, deck layers land in a corner at
 * the wrong scale. This reaches into deck.gl/luma.gl internals (optional chaining throughout): if
 * a release renames them, the export still works but deck layers are misplaced in it.
 */
interface PixelRatioOverlay {
  _deck?: {
    device?: { canvasContext?: { setDrawingBufferSize(w: number, h: number): void } | null };
  } | null;
}

/** Called once by the map view: the presenter's camera flights and the export snapshot. */
export function registerPresenterActions(map: MapLibreMap, deckOverlay?: () => unknown): void {
  // The overlay may be created after the map (a second step); `_deck` is private in its types.
  const overlayOf = () => deckOverlay?.() as PixelRatioOverlay | null | undefined;
  mapActions.flyTo = (camera) => {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const target = { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom };
    // The layout may just have changed (presenting hides the top bar): measure before flying.
    map.resize();
    if (reduce) map.jumpTo(target);
    else map.flyTo({ ...target, duration: 1600, essential: false });
  };
  mapActions.snapshot = async (pixelRatio) => {
    const previous = map.getPixelRatio();
    const canvas = map.getCanvas();
    const syncDeck = () =>
      overlayOf()?._deck?.device?.canvasContext?.setDrawingBufferSize(canvas.width, canvas.height);
    try {
      if (pixelRatio !== previous) {
        map.setPixelRatio(pixelRatio);
        syncDeck();
      }
      await idle(map);
      const image = document.createElement('canvas');
      image.width = canvas.width;
      image.height = canvas.height;
      image.getContext('2d')!.drawImage(canvas, 0, 0);
      const width = canvas.clientWidth;
      const center = map.getCenter();
      return {
        image,
        ratio: canvas.width / width,
        width,
        height: canvas.clientHeight,
        zoom: map.getZoom(),
        lat: center.lat,
      };
    } finally {
      if (map.getPixelRatio() !== previous) {
        map.setPixelRatio(previous);
        syncDeck();
        map.triggerRepaint();
      }
    }
  };
}
