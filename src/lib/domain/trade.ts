/**
 * Goods trade between Sweden and Norway and traffic over the border crossings.
 *
 * The two countries' trade statistics disagree a lot (origin vs consignment, CIF vs FOB, re-exports),
 * so a series is always one reporter's: Sweden's by default (it reproduces SCB's headline figures),
 * Norway's as the alternative (it matches SSB). The two bases are never mixed in one total.
 */
import * as v from 'valibot';
import {
  DATA_FLAGS,
  QUALIFIERS,
  UNIT_KEYS,
  type DataFlag,
  type Observation,
  type Quantity,
  type UnitKey,
} from './units';

export type Direction = 'SE-NO' | 'NO-SE';
export const DIRECTIONS: readonly Direction[] = ['SE-NO', 'NO-SE'];
export type Reporter = 'SE' | 'NO';
/** Sweden's reporting (SE exports FOB + SE imports CIF) unless the user picks Norway's. */
export const DEFAULT_REPORTER: Reporter = 'SE';

// ---------------------------------------------------------------------------------------------
// JSON contracts of public/generated/trade.json and crossings.json (validated at build and load).

const PeriodSchema = v.object({
  label: v.string(),
  year: v.pipe(v.number(), v.integer()),
  partial: v.boolean(),
  kind: v.picklist([
    'year',
    'undated',
    'half',
    'quarter',
    'months',
    'week',
    'day',
    'days',
    'range',
    'as_of',
  ]),
});

const QuantitySchema = v.object({
  value: v.nullable(v.number()),
  unit: v.picklist(UNIT_KEYS),
  qualifier: v.optional(v.picklist(QUALIFIERS)),
});

export const ObservationSchema = v.object({
  period: PeriodSchema,
  quantity: QuantitySchema,
  unitPublished: v.string(),
  flags: v.array(v.picklist(DATA_FLAGS)),
  note: v.optional(v.string()),
  sourceUrl: v.pipe(v.string(), v.url()),
});

const SeriesAnnotationSchema = v.object({
  year: v.number(),
  flags: v.array(v.picklist(DATA_FLAGS)),
  note: v.string(),
});

export const TradeSeriesSchema = v.object({
  direction: v.picklist(['SE-NO', 'NO-SE']),
  reporter: v.picklist(['SE', 'NO']),
  reporterRole: v.picklist(['exporter', 'importer']),
  basis: v.picklist(['FOB', 'CIF']),
  productGroup: v.string(),
  unit: v.picklist(UNIT_KEYS),
  source: v.object({ dataset: v.string(), url: v.string() }),
  firstYear: v.number(),
  /** One value per year from firstYear; null = no value published (a gap, never zero). */
  values: v.array(v.nullable(v.number())),
  /** Years with a flag or a note (e.g. 2006 NO→SE Norway-reported: SUSPECT). */
  annotations: v.array(SeriesAnnotationSchema),
});

export const TradeAnchorSchema = v.object({
  ...ObservationSchema.entries,
  direction: v.picklist(['SE->NO', 'NO->SE', 'SE<->NO', 'ALL->NO']),
  fromArea: v.string(),
  toArea: v.string(),
  /** Whose statistics: 'SE' (SCB), 'NO' (SSB/customs), null for surveys and press figures. */
  reporter: v.nullable(v.picklist(['SE', 'NO'])),
  productGroup: v.string(),
});

export const TradeFileSchema = v.object({
  version: v.literal(1),
  series: v.array(TradeSeriesSchema),
  anchors: v.array(TradeAnchorSchema),
});

export const CROSSING_MEASURES = [
  'aadt_all',
  'aadt_cars',
  'aadt_heavy',
  'aadt_length_class',
  'vehicles_per_year',
  'heavy_vehicles_per_year',
  'loaded_lorries_per_year',
  'loaded_lorries_per_quarter',
  'freight_tonnes_per_year',
  'freight_tonnes_per_quarter',
  'count_snapshot',
  'share',
  'rank',
  'change',
  'rail_service',
  'passengers',
  'persons',
] as const;
export type CrossingMeasure = (typeof CROSSING_MEASURES)[number];

/** Which way a crossing figure counts, as the sources word it. */
export const CROSSING_DIRECTIONS = [
  'both',
  'inbound to NO',
  'outbound from NO',
  'outbound from SE',
  'each direction',
] as const;

export const CrossingSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  nameSe: v.string(),
  nameNo: v.string(),
  mode: v.picklist(['road', 'rail']),
  route: v.string(),
  seMunicipality: v.nullable(
    v.object({ name: v.string(), code: v.pipe(v.string(), v.regex(/^\d{4}$/)) }),
  ),
  noMunicipality: v.nullable(
    v.object({ name: v.string(), code2024: v.pipe(v.string(), v.regex(/^\d{4}$/)) }),
  ),
  /** [lon, lat] WGS84 as published; null when no source gave coordinates. */
  position: v.nullable(v.tuple([v.number(), v.number()])),
  /** exact = at/next to the crossing; village = locality centroid, can be km away; none = no position. */
  coordQuality: v.picklist(['exact', 'village', 'none']),
  coordSourceUrl: v.optional(v.string()),
  note: v.string(),
});

export const TrafficObservationSchema = v.object({
  ...ObservationSchema.entries,
  /** One crossing, or several for combined figures (never add those to single-crossing rows). */
  crossingIds: v.pipe(v.array(v.string()), v.minLength(1)),
  measure: v.picklist(CROSSING_MEASURES),
  indicator: v.string(),
  direction: v.picklist(CROSSING_DIRECTIONS),
});

export const CrossingsFileSchema = v.object({
  version: v.literal(1),
  crossings: v.array(CrossingSchema),
  traffic: v.array(TrafficObservationSchema),
});

export type TradeSeriesJson = v.InferOutput<typeof TradeSeriesSchema>;
export type TradeAnchor = v.InferOutput<typeof TradeAnchorSchema>;
export type TradeFile = v.InferOutput<typeof TradeFileSchema>;
export type Crossing = v.InferOutput<typeof CrossingSchema>;
export type TrafficObservation = v.InferOutput<typeof TrafficObservationSchema>;
export type CrossingsFile = v.InferOutput<typeof CrossingsFileSchema>;

// ---------------------------------------------------------------------------------------------
// Series

export interface SeriesPoint {
  year: number;
  /** null = gap (no value published, or hidden because SUSPECT); the chart draws a gap. */
  value: number | null;
  flags: DataFlag[];
  note?: string;
  /** The published value when `value` was hidden. */
  hiddenValue?: number;
}

export interface TradeSeries {
  direction: Direction;
  reporter: Reporter;
  reporterRole: 'exporter' | 'importer';
  basis: 'FOB' | 'CIF';
  unit: UnitKey;
  source: { dataset: string; url: string };
  points: SeriesPoint[];
}

export interface SeriesOptions {
  from?: number;
  to?: number;
  /** 'keep' (default): SUSPECT values stay, flagged. 'hide': they become gaps, still flagged. */
  suspect?: 'keep' | 'hide';
}

/** Both directions as reported by one reporter, one point per year (gaps as null). */
export function tradeSeries(
  file: TradeFile,
  reporter: Reporter = DEFAULT_REPORTER,
  options: SeriesOptions = {},
): { reporter: Reporter; series: TradeSeries[] } {
  const chosen = file.series.filter((s) => s.reporter === reporter);
  const series = DIRECTIONS.flatMap((direction) => {
    const s = chosen.find((x) => x.direction === direction);
    if (!s) return [];
    const first = options.from ?? s.firstYear;
    const last = options.to ?? s.firstYear + s.values.length - 1;
    const points: SeriesPoint[] = [];
    for (let year = first; year <= last; year++) {
      const raw = s.values[year - s.firstYear];
      const published = raw === undefined ? null : raw;
      const ann = s.annotations.find((a) => a.year === year);
      const flags = ann ? [...ann.flags] : [];
      const point: SeriesPoint = { year, value: published, flags };
      if (ann?.note) point.note = ann.note;
      if (options.suspect === 'hide' && flags.includes('SUSPECT') && published !== null) {
        point.value = null;
        point.hiddenValue = published;
      }
      points.push(point);
    }
    const { reporterRole, basis, unit, source } = s;
    return [{ direction, reporter, reporterRole, basis, unit, source, points }];
  });
  return { reporter, series };
}

export interface FlowForYear {
  direction: Direction;
  /** value null = no figure for this year in this reporter's series. */
  quantity: Quantity;
  basis: 'FOB' | 'CIF';
  reporterRole: 'exporter' | 'importer';
  flags: DataFlag[];
  note?: string;
  source: { dataset: string; url: string };
}

export interface TradeYear {
  year: number;
  reporter: Reporter;
  flows: FlowForYear[];
  /** Official SEK/NOK/EUR figures for the same year and direction, each in its own unit (some partial). */
  anchors: TradeAnchor[];
}

/** The two national directions for a year, for the flow layer (magnitude = value). */
export function tradeForYear(
  file: TradeFile,
  year: number,
  reporter: Reporter = DEFAULT_REPORTER,
): TradeYear {
  const { series } = tradeSeries(file, reporter, { from: year, to: year });
  const flows = series.map((s): FlowForYear => {
    const p = s.points[0];
    const flow: FlowForYear = {
      direction: s.direction,
      quantity: { value: p.value, unit: s.unit },
      basis: s.basis,
      reporterRole: s.reporterRole,
      flags: p.flags,
      source: s.source,
    };
    if (p.note) flow.note = p.note;
    return flow;
  });
  const anchors = file.anchors.filter(
    (a) =>
      a.period.year === year &&
      (a.direction === 'SE->NO' || a.direction === 'NO->SE') &&
      a.productGroup.startsWith('TOTAL goods'),
  );
  return { year, reporter, flows, anchors };
}

// ---------------------------------------------------------------------------------------------
// Crossings

/** What the proportional symbols can show; each maps to one comparable measure. */
export type CrossingSymbolMeasure = 'traffic' | 'heavy' | 'freight';
const SYMBOL_MEASURE: Record<CrossingSymbolMeasure, CrossingMeasure> = {
  traffic: 'aadt_all',
  heavy: 'aadt_heavy',
  freight: 'freight_tonnes_per_year',
};

export interface CrossingValue {
  crossingId: string;
  observation: TrafficObservation;
  /** The year the value is from: the latest year ≤ the selected one. */
  yearShown: number;
  /** false → the UI says "latest figure: <yearShown>". */
  isSelectedYear: boolean;
}

function preference(o: TrafficObservation): number {
  // Prefer two-way figures, whole years, dated sources, and the ones without conflicts.
  return (
    (o.direction === 'both' ? 8 : 0) +
    (o.period.partial ? 0 : 4) +
    (o.period.kind === 'undated' ? 0 : 2) +
    (o.flags.includes('CONFLICT') ? 0 : 1)
  );
}

/**
 * One value per crossing for the selected year: the latest observation of that measure with
 * year ≤ `year`, flagged when it is not from the selected year. Combined rows (several crossings)
 * are left out: they belong to no single symbol.
 */
export function crossingValuesForYear(
  file: CrossingsFile,
  year: number,
  measure: CrossingSymbolMeasure = 'traffic',
): CrossingValue[] {
  const wanted = SYMBOL_MEASURE[measure];
  const best = new Map<string, TrafficObservation>();
  for (const o of file.traffic) {
    if (o.crossingIds.length !== 1 || o.measure !== wanted || o.period.year > year) continue;
    if (o.quantity.value === null) continue;
    const id = o.crossingIds[0];
    const cur = best.get(id);
    if (
      !cur ||
      o.period.year > cur.period.year ||
      (o.period.year === cur.period.year && preference(o) > preference(cur))
    ) {
      best.set(id, o);
    }
  }
  return file.crossings.flatMap((c) => {
    const o = best.get(c.id);
    if (!o) return [];
    return [
      {
        crossingId: c.id,
        observation: o,
        yearShown: o.period.year,
        isSelectedYear: o.period.year === year,
      },
    ];
  });
}

/** Every figure for one crossing (including combined ones that name it), oldest first. */
export function crossingHistory(file: CrossingsFile, crossingId: string): TrafficObservation[] {
  return file.traffic
    .filter((o) => o.crossingIds.includes(crossingId))
    .sort((a, b) => a.period.year - b.period.year || a.period.label.localeCompare(b.period.label));
}

/** Crossings that can be drawn as points, with how exact the point is. */
export function placedCrossings(
  file: CrossingsFile,
): (Crossing & { position: [number, number] })[] {
  return file.crossings.filter(
    (c): c is Crossing & { position: [number, number] } => c.position !== null,
  );
}

/** The Observation view of a traffic row (period, quantity, flags, source). */
export function asObservation(o: TrafficObservation | TradeAnchor): Observation {
  const obs: Observation = {
    period: o.period,
    quantity: o.quantity,
    unitPublished: o.unitPublished,
    flags: o.flags,
    sourceUrl: o.sourceUrl,
  };
  if (o.note) obs.note = o.note;
  return obs;
}
