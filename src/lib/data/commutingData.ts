/**
 * Loading the commuting files built by scripts/commuting/build.ts (public/generated/): published
 * cross-border figures, Norway's municipality matrices (SSB 03321) and the 2020→2024 crosswalk. Each
 * is validated once here; a missing or broken file is a LoadError value, never an exception.
 */
import * as v from 'valibot';
import { isMeasureKey, type CompactOdMatrix, type CrossBorderDataset } from '../domain/commuting';
import type { NoCrosswalk } from '../domain/crosswalk';
import { fetchJson, type Result } from './load';
import { GENERATED_BASE } from './boundaries';

/** Years of the Norwegian municipality matrices the build writes (commuting-no-<year>.json). */
export const DOMESTIC_YEARS: readonly number[] = [2017, 2020, 2021, 2022];

const MeasureKeySchema = v.pipe(v.string(), v.check(isMeasureKey, 'unknown measure'));
const AreaSchema = v.object({
  country: v.picklist(['SE', 'NO']),
  level: v.picklist(['country', 'county', 'municipality']),
  code: v.pipe(v.string(), v.regex(/^(SE|NO|\d{2}|\d{4})$/)),
  era: v.picklist(['se', '2020', '2024']),
});
const SourceSchema = v.object({
  id: v.string(),
  url: v.string(),
  title: v.optional(v.string()),
});
const Persons = v.pipe(v.number(), v.finite(), v.minValue(0));
const Year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100));
const PublishedBase = {
  year: Year,
  origin: AreaSchema,
  destination: AreaSchema,
  measure: v.object({ key: MeasureKeySchema, note: v.string() }),
  source: SourceSchema,
  originName: v.string(),
  destinationName: v.string(),
  yearInferred: v.boolean(),
  licence: v.string(),
};

export const CrossBorderSchema = v.object({
  flows: v.array(v.object({ ...PublishedBase, persons: Persons, rounded: v.boolean() })),
  shares: v.array(
    v.object({
      ...PublishedBase,
      percent: v.pipe(v.number(), v.finite()),
      kind: v.picklist([
        'share-of-flow',
        'share-of-employed',
        'employment-addition',
        'employment-rate-pp',
        'change',
      ]),
      qualifier: v.picklist(['exact', 'about', 'over', 'almost']),
      percentOf: v.string(),
    }),
  ),
  measures: v.array(v.object({ key: MeasureKeySchema, definition: v.string() })),
});

const Index = v.pipe(v.number(), v.integer(), v.minValue(0));
export const CompactOdSchema = v.pipe(
  v.object({
    year: Year,
    country: v.literal('NO'),
    era: v.picklist(['2020', '2024']),
    measure: MeasureKeySchema,
    conversion: v.nullable(v.string()),
    source: v.object({
      id: v.string(),
      url: v.string(),
      title: v.optional(v.string()),
      attribution: v.string(),
      licence: v.string(),
    }),
    codes: v.array(v.pipe(v.string(), v.regex(/^\d{4}$/))),
    origin: v.array(Index),
    destination: v.array(Index),
    persons: v.array(Persons),
    livesAndWorks: v.nullable(v.array(v.nullable(Persons))),
  }),
  v.check(
    (m) => m.origin.length === m.persons.length && m.destination.length === m.persons.length,
    'origin, destination and persons must have the same length',
  ),
  v.check(
    (m) =>
      m.origin.every((i) => i < m.codes.length) && m.destination.every((i) => i < m.codes.length),
    'an origin or destination index points past the code list',
  ),
);

const CrosswalkSchema = v.object({
  fromEra: v.literal('2020'),
  toEra: v.literal('2024'),
  entries: v.array(
    v.object({
      level: v.picklist(['county', 'municipality']),
      from: v.string(),
      to: v.array(v.string()),
      kind: v.picklist(['unchanged', 'renumbered', 'split', 'merged']),
    }),
  ),
});

export async function loadCrossBorder(): Promise<Result<CrossBorderDataset>> {
  return fetchJson(`${GENERATED_BASE}commuting-cross-border.json`, CrossBorderSchema) as Promise<
    Result<CrossBorderDataset>
  >;
}

export async function loadDomesticMatrix(year: number): Promise<Result<CompactOdMatrix>> {
  const result = await fetchJson(`${GENERATED_BASE}commuting-no-${year}.json`, CompactOdSchema);
  if (result.ok && result.value.year !== year) {
    return {
      ok: false,
      error: {
        kind: 'invalid',
        url: `${GENERATED_BASE}commuting-no-${year}.json`,
        detail: `year: expected ${year}, got ${result.value.year}`,
      },
    };
  }
  return result as Result<CompactOdMatrix>;
}

export function loadNoCrosswalk(): Promise<Result<NoCrosswalk>> {
  return fetchJson(`${GENERATED_BASE}crosswalk-no-2020-2024.json`, CrosswalkSchema);
}
