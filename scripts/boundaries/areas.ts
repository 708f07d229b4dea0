/**
 * Municipality and county topologies for Sweden and both Norwegian eras. Counties are dissolved from
 * the municipalities inside one topology, so county borders share the municipal arcs exactly.
 */
import type { Topology } from 'topojson-specification';
import { BuildError } from '../lib/context';
import { runMapshaper, type Files } from './mapshaper';
import { expectCodes, parseTopology, setCodeNames } from './topology';

/**
 * Simplification tolerance (metres) by where a municipality's centroid lies: the app zooms to
 * municipality level along the border (Østfold/Värmland up to Trøndelag/Jämtland), so keep detail
 * there and thin the far north and south more.
 */
export const DETAIL = {
  /** lon 8–17, lat 58.3–65: Viken/Østfold, Innlandet, Trøndelag; Dalsland, Värmland, Dalarna, Jämtland. */
  focusM: 40,
  elsewhereM: 150,
  /** North of 66.5° and south of 57.5°. */
  farM: 400,
} as const;

const detailExpression =
  `(this.centroidX > 8 && this.centroidX < 17 && this.centroidY > 58.3 && this.centroidY < 65) ? ${DETAIL.focusM} : ` +
  `(this.centroidY > 66.5 || this.centroidY < 57.5) ? ${DETAIL.farM} : ${DETAIL.elsewhereM}`;

/** Quantization of the TopoJSON output: about 15 m steps over Sweden or Norway. */
export const QUANTIZATION = 100_000;

const simplifyAndOutput = `
  -simplify variable interval='${detailExpression}' keep-shapes
  -each 'county=code.slice(0,2)'
  -dissolve county + name=county
  -rename-fields code=county target=county
  -filter-fields code target=county
  -filter-fields code,name target=municipality
  -o format=topojson quantization=${QUANTIZATION} target=municipality,county out.json
`;

export interface SwedenInputs {
  kommuner: string;
  /** Land mask: GeoJSON of the Nordic countries from Natural Earth (dissolved here). */
  nordicLand: object;
  /** SCB kommuner (land-clipped): added to the mask so small island kommuner (Öckerö) survive. */
  scbKommuner: string;
  /** Natural Earth lakes, erased from the kommuner. */
  lakes: string;
  /** "17" -> "Värmlands län". */
  countyNames: Map<string, string>;
}

/**
 * Swedish kommuner come with territorial sea and lakes; clip them to land (Natural Earth Nordic land
 * plus SCB's land-clipped kommuner for islands Natural Earth lacks) and erase the big lakes.
 */
export async function buildSweden(input: SwedenInputs): Promise<Topology> {
  const files: Files = {
    'kommuner.json': input.kommuner,
    'land.json': input.nordicLand,
    'scb.json': input.scbKommuner,
    'lakes.json': input.lakes,
  };
  const out = await runMapshaper(
    `
    -i land.json scb.json combine-files
    -merge-layers force name=mask
    -dissolve
    -i lakes.json name=lakes
    -clip bbox=10,55,25,70
    -i kommuner.json name=municipality
    -each 'code=kommunkod, name=kommun'
    -clip mask
    -erase lakes
    ${simplifyAndOutput}
    `,
    files,
  );
  const topology = parseTopology(out['out.json'], 'se.topo.json');
  setCodeNames(topology, 'municipality', 'se');
  setCodeNames(topology, 'county', 'se', (c) => input.countyNames.get(c));
  expectCodes(
    topology,
    'municipality',
    { count: 290, pattern: /^\d{4}$/, present: ['1780', '0180'] },
    'se',
  );
  expectCodes(topology, 'county', { count: 21, pattern: /^\d{2}$/, present: ['17', '01'] }, 'se');
  return topology;
}

export interface NorwayInputs {
  era: '2020' | '2024';
  kommuner: string;
  /** "30" -> "Viken". */
  countyNames: Map<string, string>;
}

/** Norwegian kommuner are clipped to the coast already (lakes included, drawn on top by the app). */
export async function buildNorway(input: NorwayInputs): Promise<Topology> {
  // 2020 files carry integer codes and `navn`; 2024 files string codes and `kommunenavn`.
  const each =
    input.era === '2020'
      ? `-each 'code=String(kommunenummer).padStart(4,"0"), name=navn'`
      : `-each 'code=String(kommunenummer).padStart(4,"0"), name=kommunenavn'`;
  const out = await runMapshaper(
    `
    -i kommuner.json name=municipality
    ${each}
    ${simplifyAndOutput}
    `,
    { 'kommuner.json': input.kommuner },
  );
  const label = `no-${input.era}.topo.json`;
  const topology = parseTopology(out['out.json'], label);
  setCodeNames(topology, 'municipality', label);
  setCodeNames(topology, 'county', label, (c) => input.countyNames.get(c));
  if (input.era === '2020') {
    expectCodes(
      topology,
      'municipality',
      { count: 356, pattern: /^\d{4}$/, present: ['0301', '3001'] },
      label,
    );
    expectCodes(
      topology,
      'county',
      { count: 11, pattern: /^\d{2}$/, present: ['30', '03', '54'] },
      label,
    );
  } else {
    expectCodes(
      topology,
      'municipality',
      { count: 357, pattern: /^\d{4}$/, present: ['0301', '3101'] },
      label,
    );
    expectCodes(
      topology,
      'county',
      { count: 15, pattern: /^\d{2}$/, present: ['31', '32', '33', '55', '56'], absent: ['30'] },
      label,
    );
  }
  return topology;
}

/** Code -> name from a GeoJSON FeatureCollection, zero-padding integer codes. */
export function namesByCode(
  geojson: { features: { properties: Record<string, unknown> }[] },
  codeField: string,
  nameField: string,
  width: number,
  label: string,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of geojson.features) {
    const code = String(f.properties[codeField] ?? '').padStart(width, '0');
    const name = f.properties[nameField];
    if (typeof name !== 'string' || !name)
      throw new BuildError(`${label}: feature ${code} has no ${nameField}`);
    const prev = names.get(code);
    if (prev !== undefined && prev !== name)
      throw new BuildError(`${label}: code ${code} named both ${prev} and ${name}`);
    names.set(code, name);
  }
  return names;
}
