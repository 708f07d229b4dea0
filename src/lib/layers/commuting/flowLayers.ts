/**
 * deck.gl layers of the commuting flows: @flowmap.gl's FlowmapLayer (width by persons, location
 * totals, clustering at low zoom, top-N, optional animation). Compare mode draws growth and decline
 * as two FlowmapLayers locked to one magnitude scale, so widths stay comparable.
 */
import { FlowmapLayer } from '@flowmap.gl/layers';
import { LocationFilterMode } from '@flowmap.gl/data';
import type { Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import pointOnFeature from '@turf/point-on-feature';
import { endKey, type CommuterFlow, type FlowDifference } from '../../domain/commuting';
import type { AreaRef } from '../../domain/areas';
import type { AreaFeature } from '../../data/boundaries';
import {
  FLOWMAP_ACCESSORS,
  type FlowDatum,
  type FlowLocation,
  type FlowmapInput,
} from '../flows/flowmapData';
import { WorkerFlowmapProvider } from '../flows/WorkerFlowmapProvider';

/**
 * Where a whole country's figure is drawn: inland points on each side of the border (not a capital,
 * which would read as "Oslo" or "Stockholm"). The tooltip and details say "whole country".
 */
export const COUNTRY_ANCHORS: Record<'SE' | 'NO', [number, number]> = {
  SE: [14.6, 59.6],
  NO: [9.9, 60.9],
};

/** Colour-blind-safe, one hue each (from ColorBrewer via d3-scale-chromatic), light → dark. */
export const FLOW_COLOURS = ['#bfd3e6', '#9ebcda', '#8c96c6', '#8c6bb1', '#88419d'];
/** Growth dark blue, decline light orange: hue and lightness both differ (no red–green). */
export const GROWTH_COLOURS = ['#4292c6', '#2171b5', '#08519c', '#08306b'];
export const DECLINE_COLOURS = ['#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913'];
/**
 * The hover highlight: the golden yellow the other layers' hover uses (projects, crossings), one
 * look for "under the pointer". None of the palettes above is yellow, and it stays apart from the
 * orange of a decline, where flowmap.gl's amber (#f0a202) nearly vanished.
 */
export const HIGHLIGHT_RGB: [number, number, number] = [255, 200, 0];
/**
 * Mostly opaque, so it stands out on every flow colour; the tooltip gives the hovered figure, so
 * hiding the size class while hovered loses nothing.
 */
const HIGHLIGHT_ALPHA = 200;

const positions = new WeakMap<AreaFeature, [number, number]>();

/** A point on the area's surface (inside, unlike a centroid of a bent area), computed once. */
export function areaPosition(
  area: AreaRef,
  feature: AreaFeature | undefined,
): [number, number] | null {
  if (area.level === 'country') return COUNTRY_ANCHORS[area.country];
  if (!feature) return null;
  let p = positions.get(feature);
  if (!p) {
    p = pointOnFeature(feature).geometry.coordinates as [number, number];
    positions.set(feature, p);
  }
  return p;
}

/** Locations and flows for FlowmapLayer; flows whose end has no position are left out. */
export function flowmapData(
  pairs: readonly { origin: AreaRef; destination: AreaRef; count: number }[],
  locate: (area: AreaRef) => FlowLocation | null,
): { locations: FlowLocation[]; flows: FlowDatum[] } {
  const locations = new Map<string, FlowLocation>();
  const flows: FlowDatum[] = [];
  for (const p of pairs) {
    const a = locations.get(endKey(p.origin)) ?? locate(p.origin);
    const b = locations.get(endKey(p.destination)) ?? locate(p.destination);
    if (!a || !b || p.count <= 0) continue;
    locations.set(a.id, a);
    locations.set(b.id, b);
    flows.push({ origin: a.id, dest: b.id, count: p.count });
  }
  return { locations: [...locations.values()], flows };
}

export const flowPairs = (flows: readonly CommuterFlow[]) =>
  flows.map((f) => ({ origin: f.origin, destination: f.destination, count: f.persons }));

export function differencePairs(diffs: readonly FlowDifference[], sign: 1 | -1) {
  return diffs
    .filter((d) => d.change !== null && Math.sign(d.change) === sign)
    .map((d) => ({
      origin: d.origin as AreaRef,
      destination: d.destination as AreaRef,
      count: Math.abs(d.change!),
    }));
}

interface LayerOptions {
  id: string;
  data: FlowmapInput;
  visible: boolean;
  topN: number;
  animate: boolean;
  colours: string[];
  selected: string | null;
  /** Lock the width scale to [0, max] (compare mode: growth and decline on one scale). */
  maxMagnitude?: number;
}

/** One worker-backed data provider per FlowmapLayer id, kept across redraws. */
const providers = new Map<string, WorkerFlowmapProvider>();

function providerFor(id: string, data: FlowmapInput): WorkerFlowmapProvider {
  let p = providers.get(id);
  if (!p) providers.set(id, (p = new WorkerFlowmapProvider(id)));
  p.setData(data);
  return p;
}

export function flowmapLayer(o: LayerOptions): Layer {
  const hasSelected = o.selected !== null && o.data.locations.some((l) => l.id === o.selected);
  return new FlowmapLayer<FlowLocation, FlowDatum>({
    id: o.id,
    // A new data object tells the layer to ask again; the provider does the work in a worker.
    data: o.data,
    dataProvider: providerFor(o.id, o.data),
    visible: o.visible,
    pickable: true,
    ...FLOWMAP_ACCESSORS,
    locationTotalsEnabled: true,
    clusteringEnabled: true,
    clusteringAuto: true,
    fadeEnabled: false,
    maxTopFlowsDisplayNum: o.topN,
    flowLinesRenderingMode: o.animate ? 'animated-straight' : 'straight',
    colorScheme: o.colours,
    highlightColor: [...HIGHLIGHT_RGB, 255],
    filter: hasSelected
      ? { selectedLocations: [o.selected!], locationFilterMode: LocationFilterMode.ALL }
      : undefined,
    ...(o.maxMagnitude !== undefined
      ? {
          adaptiveScalesEnabled: false,
          scaleLock: { enabled: true, domains: { flowMagnitude: [0, o.maxMagnitude] } },
        }
      : {}),
  }) as unknown as Layer;
}

/** What a pick layer hands to `select`/`tooltip`: the same shape FlowmapLayer's picking gives. */
export interface PickFlow {
  type: 'flow';
  origin: FlowLocation;
  dest: FlowLocation;
  count: number;
}
export interface PickLocation {
  type: 'location';
  id: string;
  name: string;
  position: [number, number];
  totals: { incomingCount: number; outgoingCount: number };
}

/**
 * Invisible, pickable copies of the flows and locations. @flowmap.gl/layers 9.4's shaders read the
 * `instancePickingColors` attribute, which deck.gl 9.4 no longer fills (it picks by instance id), so
 * FlowmapLayer draws but cannot be clicked or hovered. These layers answer for it until it can.
 *
 * They also draw its hover highlight, which FlowmapLayer only draws for what it picked itself:
 * deck.gl's `autoHighlight` swaps the colour of the hovered object for `highlightColor` in the
 * shader, so the transparent band or circle under the pointer turns yellow and nothing else does.
 * Deck tracks the hovered object per layer on the GPU: no state, no new layers on hover, and
 * compare mode and every other caller get it with the pick layers.
 */
export function pickLayers(
  id: string,
  data: { locations: FlowLocation[]; flows: FlowDatum[] },
  visible: boolean,
  selected: string | null = null,
): Layer[] {
  const byId = new Map(data.locations.map((l) => [l.id, l]));
  const totals = new Map(data.locations.map((l) => [l.id, { incomingCount: 0, outgoingCount: 0 }]));
  const max = Math.max(1, ...data.flows.map((f) => f.count));
  const flows: PickFlow[] = [];
  // With an area selected, FlowmapLayer shows only its flows; only those answer clicks.
  const touches = selected !== null && byId.has(selected);
  for (const f of data.flows) {
    if (touches && f.origin !== selected && f.dest !== selected) continue;
    const origin = byId.get(f.origin)!;
    const dest = byId.get(f.dest)!;
    totals.get(f.origin)!.outgoingCount += f.count;
    totals.get(f.dest)!.incomingCount += f.count;
    flows.push({ type: 'flow', origin, dest, count: f.count });
  }
  const locations: PickLocation[] = data.locations.map((l) => ({
    type: 'location',
    id: l.id,
    name: l.name,
    position: [l.lon, l.lat],
    totals: totals.get(l.id)!,
  }));
  const transparent: [number, number, number, number] = [0, 0, 0, 0];
  return [
    new LineLayer<PickFlow>({
      id: `${id}-pick-lines`,
      data: flows,
      visible,
      pickable: true,
      getSourcePosition: (f) => [f.origin.lon, f.origin.lat],
      getTargetPosition: (f) => [f.dest.lon, f.dest.lat],
      getColor: transparent,
      getWidth: (f) => 6 + 18 * Math.sqrt(f.count / max),
      widthUnits: 'pixels',
      autoHighlight: true,
      highlightColor: [...HIGHLIGHT_RGB, HIGHLIGHT_ALPHA],
    }),
    new ScatterplotLayer<PickLocation>({
      id: `${id}-pick-locations`,
      data: locations,
      visible,
      pickable: true,
      getPosition: (l) => l.position,
      getFillColor: transparent,
      getRadius: 10,
      radiusUnits: 'pixels',
      autoHighlight: true,
      highlightColor: [...HIGHLIGHT_RGB, HIGHLIGHT_ALPHA],
    }),
  ];
}
