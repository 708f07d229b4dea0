/**
 * The benchmark's floor: the least JavaScript this stack can ship. MapLibre, and deck.gl core,
 * layers and mapbox (interleaved, as in the app) drawing one arc. The app's initial JS is compared
 * with this page's.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ArcLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#d6e4ee' } }],
  },
  center: [12.4, 60.6],
  zoom: 5.3,
  attributionControl: false,
});
(window as unknown as { __gransatlasMap: MapLibreMap }).__gransatlasMap = map;

// Karlstad to Oslo.
const arcs = [{ from: [13.5, 59.38], to: [10.75, 59.91] }];
map.addControl(
  new MapboxOverlay({
    interleaved: true,
    layers: [
      new ArcLayer({
        id: 'arc',
        data: arcs,
        coordinateSystem: COORDINATE_SYSTEM.LNGLAT,
        getSourcePosition: (d) => d.from as [number, number],
        getTargetPosition: (d) => d.to as [number, number],
        getWidth: 3,
      }),
    ],
  }),
);
map.once('load', () => (document.documentElement.dataset.mapData = 'ready'));
