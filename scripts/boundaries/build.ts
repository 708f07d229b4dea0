/**
 * Map-data builder: area topologies (SE; NO 2020 and 2024), context layers, place labels and the
 * Norwegian 2020->2024 crosswalk, all into ctx.outDir. See data/sources/boundaries.json for inputs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '../lib/context';
import { buildNorway, buildSweden, namesByCode } from './areas';
import { buildContext, contextCountries, nordicLand } from './context-layers';
import { buildCrosswalk } from './crosswalk';
import { decodeCitiesPbf } from './geonames';
import { buildLabels } from './labels';

/** Files this builder writes (the app's contract, see README "Map data"). */
export const OUTPUTS = [
  'se.topo.json',
  'no-2020.topo.json',
  'no-2024.topo.json',
  'context.topo.json',
  'labels.json',
  'crosswalk-no-2020-2024.json',
] as const;

type GeoJsonProps = { features: { properties: Record<string, unknown> }[] };

export async function build(ctx: BuildContext): Promise<void> {
  const text = async (id: string) => readFile(await ctx.resolveSource(id), 'utf8');
  const write = (name: (typeof OUTPUTS)[number], data: unknown) =>
    writeFile(path.join(ctx.outDir, name), JSON.stringify(data));

  const [seKommuner, seLan, scb, lakes, lakesEurope, world, no20, no24, fy20, fy24] =
    await Promise.all(
      [
        'se-kommuner',
        'se-lan',
        'se-kommuner-scb',
        'ne-lakes-10m',
        'ne-lakes-europe-10m',
        'world-atlas-countries-10m',
        'no-kommuner-2020',
        'no-kommuner-2024',
        'no-fylker-2020',
        'no-fylker-2024',
      ].map(text),
    );
  const countries = contextCountries(world);
  const parse = (json: string) => JSON.parse(json) as GeoJsonProps;

  const se = await buildSweden({
    kommuner: seKommuner,
    nordicLand: nordicLand(countries),
    scbKommuner: scb,
    lakes,
    countyNames: namesByCode(parse(seLan), 'LAN_KOD', 'lan', 2, 'se-lan'),
  });
  await write('se.topo.json', se);
  ctx.log('se.topo.json: 290 kommuner, 21 län');

  const fylker20 = namesByCode(parse(fy20), 'fylkesnummer', 'navn', 2, 'no-fylker-2020');
  const fylker24 = namesByCode(parse(fy24), 'fylkesnummer', 'fylkesnavn', 2, 'no-fylker-2024');
  await write(
    'no-2020.topo.json',
    await buildNorway({ era: '2020', kommuner: no20, countyNames: fylker20 }),
  );
  await write(
    'no-2024.topo.json',
    await buildNorway({ era: '2024', kommuner: no24, countyNames: fylker24 }),
  );
  ctx.log('no-2020.topo.json: 356 kommuner, 11 fylker; no-2024.topo.json: 357 kommuner, 15 fylker');

  await write('context.topo.json', await buildContext({ countries, lakes, lakesEurope }));

  const cities = decodeCitiesPbf(await readFile(await ctx.resolveSource('geonames-cities1000')));
  const labels = buildLabels(
    await readFile(path.join(ctx.dataDir, 'label-towns.csv'), 'utf8'),
    cities,
  );
  await write('labels.json', labels);
  ctx.log(`labels.json: ${labels.length} places`);

  const crosswalk = await buildCrosswalk({
    kommuner2020: no20,
    kommuner2024: no24,
    names2020: namesByCode(parse(no20), 'kommunenummer', 'navn', 4, 'no-kommuner-2020'),
    names2024: namesByCode(parse(no24), 'kommunenummer', 'kommunenavn', 4, 'no-kommuner-2024'),
  });
  await write('crosswalk-no-2020-2024.json', crosswalk);
  const changed = crosswalk.entries.filter((e) => e.kind !== 'unchanged').length;
  ctx.log(`crosswalk-no-2020-2024.json: ${crosswalk.entries.length} entries, ${changed} changed`);
}
