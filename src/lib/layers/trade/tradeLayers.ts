/**
 * deck.gl layers of the trade layer: the two national flows as curved arrows (width by value) and
 * the border crossings as proportional circles. Pure: model values in, layers out.
 */
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Crossing, CrossingValue, FlowForYear } from '../../domain/trade';
import { flowShape, flowWidth, type FlowShape } from './geometry';
import { CROSSING_COLOUR, DIRECTION_COLOURS } from './style';

export interface CrossingSymbol {
  crossing: Crossing & { position: [number, number] };
  value: CrossingValue | null;
}

export interface FlowDatum {
  kind: 'flow';
  flow: FlowForYear;
  shape: FlowShape;
}

export interface CrossingDatum extends CrossingSymbol {
  kind: 'crossing';
  radius: number;
  older: boolean;
}

export const MAX_SYMBOL_RADIUS_PX = 26;
const MIN_SYMBOL_RADIUS_PX = 3.5;

export function flowData(flows: readonly FlowForYear[], maxValue: number): FlowDatum[] {
  return flows.flatMap((flow) => {
    const width = flowWidth(flow.quantity.value, maxValue);
    return width > 0
      ? [{ kind: 'flow' as const, flow, shape: flowShape(flow.direction, width) }]
      : [];
  });
}

/** Circle area proportional to the value; crossings without a figure stay as small hollow dots. */
export function crossingData(
  symbols: readonly CrossingSymbol[],
  maxValue: number,
): CrossingDatum[] {
  return symbols
    .map((s) => {
      const v = s.value?.observation.quantity.value ?? null;
      const radius =
        v !== null && maxValue > 0
          ? Math.max(MIN_SYMBOL_RADIUS_PX, MAX_SYMBOL_RADIUS_PX * Math.sqrt(v / maxValue))
          : MIN_SYMBOL_RADIUS_PX;
      return { ...s, kind: 'crossing' as const, radius, older: s.value?.isSelectedYear === false };
    })
    .sort((a, b) => b.radius - a.radius); // small circles on top of large ones
}

export interface TradeLayerInput {
  flows: FlowDatum[];
  crossings: CrossingDatum[];
  selectedCrossingId: string | null;
  selectedDirection: string | null;
  visible: boolean;
}

export function tradeLayers({
  flows,
  crossings,
  selectedCrossingId,
  selectedDirection,
  visible,
}: TradeLayerInput) {
  const selected = crossings.filter((c) => c.crossing.id === selectedCrossingId);
  return [
    new PathLayer<FlowDatum>({
      id: 'trade-flows',
      data: flows,
      visible,
      pickable: true,
      getPath: (d) => d.shape.path,
      getWidth: (d) => d.shape.widthM,
      widthUnits: 'meters',
      widthMinPixels: 2,
      capRounded: false,
      jointRounded: true,
      getColor: (d) => [
        ...DIRECTION_COLOURS[d.flow.direction],
        selectedDirection === null || selectedDirection === d.flow.direction ? 225 : 120,
      ],
      updateTriggers: { getColor: selectedDirection },
      autoHighlight: true,
      highlightColor: [255, 255, 255, 70],
    }),
    new SolidPolygonLayer<FlowDatum>({
      id: 'trade-flow-heads',
      data: flows,
      visible,
      pickable: true,
      getPolygon: (d) => d.shape.arrow,
      getFillColor: (d) => [
        ...DIRECTION_COLOURS[d.flow.direction],
        selectedDirection === null || selectedDirection === d.flow.direction ? 235 : 120,
      ],
      updateTriggers: { getFillColor: selectedDirection },
    }),
    new ScatterplotLayer<CrossingDatum>({
      id: 'trade-crossings',
      data: crossings,
      visible,
      pickable: true,
      radiusUnits: 'pixels',
      getPosition: (d) => d.crossing.position,
      getRadius: (d) => d.radius,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (d) => (d.crossing.coordQuality === 'exact' ? 1.5 : 1),
      getLineColor: (d) =>
        d.crossing.coordQuality === 'exact' ? [20, 40, 80, 255] : [110, 110, 110, 255],
      getFillColor: (d) =>
        d.value === null ? [255, 255, 255, 200] : [...CROSSING_COLOUR, d.older ? 90 : 185],
      autoHighlight: true,
      highlightColor: [255, 200, 0, 160],
    }),
    new ScatterplotLayer<CrossingDatum>({
      id: 'trade-crossing-selected',
      data: selected,
      visible: visible && selected.length > 0,
      radiusUnits: 'pixels',
      getPosition: (d) => d.crossing.position,
      getRadius: (d) => d.radius + 4,
      stroked: true,
      filled: false,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      getLineColor: [0, 0, 0, 255],
    }),
  ];
}
