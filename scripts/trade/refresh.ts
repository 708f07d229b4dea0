/**
 * Fetches the official trade and ownership tables (needs a network; not run in CI).
 *
 *   npx tsx scripts/trade/refresh.ts
 *
 * Tables (variable codes are read from each table's metadata first, because the codes in
 * PROJECTS-TRADE-NOTES.md §4 were seen in other people's code, not verified here):
 * - SCB HA0201B ImpExpKNTotAr — Sweden's annual imports/exports by partner country, SEK
 *   (PxWeb API v1, https://api.scb.se/OV0104/v1/doris/sv/ssd/HA/HA0201/HA0201B/ImpExpKNTotAr);
 *   partner Norway = NO. ExpTotalKNAr / ImpTotalKNAr give the CN split (for an SITC split via the
 *   Eurostat CN→SITC table). SCB is moving to PxWebApi v2; keep the table ids if v1 paths go.
 * - SSB 08804 — Norway's external trade in goods by country, NOK (PxWebApi v2,
 *   https://data.ssb.no/api/pxwebapi/v2/tables/08804); Sweden = SE. 08801 has the HS split.
 * - SSB inward FATS "Utenlandske datterselskap i Norge" (statistic utfono): the table id is looked up
 *   with the v2 table search ("utenlandske datterselskap") and printed; confirm it before use.
 * - Tillväxtanalys "Utlandsägda företag": workplaces and employees by owner country × län × industry,
 *   2022–2023 (PxWeb v1, internationella_foretag_utlandsagda_arbetsstallen_land_region_bransch_2022_2023.px);
 *   owner Norway = "no". This closes the county gap for Norwegian-owned firms in Sweden (Värmland = 17).
 *
 * Responses are saved as JSON-stat 2.0 under $GRANSATLAS_RAW_DIR or data/raw/trade/ (ignored) after
 * checking them with the shared importer (src/lib/data/jsonstat.ts). The curated CSVs in data/trade,
 * data/investments are then updated by hand, with the unit, period and source of every row.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchText as get, OfflineError } from '../lib/fetchText';
import { parseJsonStat } from '../../src/lib/data/jsonstat';

const SCB_HA = 'https://api.scb.se/OV0104/v1/doris/sv/ssd/HA/HA0201/HA0201B';
const SSB_V2 = 'https://data.ssb.no/api/pxwebapi/v2';
const TVA =
  'https://statistik.tillvaxtanalys.se/PxWeb/api/v1/sv/' +
  encodeURIComponent('Tillväxtanalys statistikdatabas') +
  '/' +
  encodeURIComponent('Utlandsägda företag') +
  '/internationella_foretag_utlandsagda_arbetsstallen_land_region_bransch_2022_2023.px';

async function save(outDir: string, name: string, text: string): Promise<void> {
  const parsed = parseJsonStat(text, { file: name });
  if (!parsed.ok) {
    throw new Error(parsed.errors.map((e) => `${name}: ${e.field ?? ''} ${e.message}`).join('\n'));
  }
  await writeFile(path.join(outDir, name), text);
  console.log(`wrote ${name} (${parsed.rows.length} cells: ${parsed.table.label})`);
}

interface PxV1Variable {
  code: string;
  text: string;
  values: string[];
  valueTexts: string[];
}

/**
 * PxWeb v1: GET the variables, then POST a selection where the partner/owner country is `country`
 * and every other variable is taken whole (or its total, if it has one, to stay under cell limits).
 */
async function pxV1(url: string, country: string): Promise<string> {
  const meta = JSON.parse(await get(url)) as { variables: PxV1Variable[] };
  const countryVar = meta.variables.find((v) => v.values.includes(country));
  if (!countryVar) throw new Error(`${url}: no variable has the value "${country}"`);
  const query = meta.variables.map((v) => {
    if (v === countryVar) return { code: v.code, selection: { filter: 'item', values: [country] } };
    const total = v.values.find(
      (x, i) => /^(tot|total|00)$/i.test(x) || /^totalt?$/i.test(v.valueTexts[i]),
    );
    if (total && v.code !== 'Tid') {
      return { code: v.code, selection: { filter: 'item', values: [total] } };
    }
    return { code: v.code, selection: { filter: 'all', values: ['*'] } };
  });
  return get(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, response: { format: 'json-stat2' } }),
  });
}

/** PxWebApi v2 (SSB): read the dimensions, select `country` where a dimension has it, all else. */
async function ssbV2(table: string, country: string): Promise<string> {
  const meta = JSON.parse(
    await get(`${SSB_V2}/tables/${table}/metadata?lang=no&outputFormat=json-stat2`),
  ) as {
    id: string[];
    dimension: Record<string, { category: { index: Record<string, number> | string[] } }>;
  };
  const params = meta.id.map((dim) => {
    const index = meta.dimension[dim].category.index;
    const codes = Array.isArray(index) ? index : Object.keys(index);
    const value = codes.includes(country) ? country : '*';
    return `valueCodes[${encodeURIComponent(dim)}]=${encodeURIComponent(value)}`;
  });
  return get(`${SSB_V2}/tables/${table}/data?lang=no&outputFormat=json-stat2&${params.join('&')}`);
}

async function findSsbTables(query: string): Promise<{ id: string; label: string }[]> {
  const res = JSON.parse(
    await get(`${SSB_V2}/tables?lang=no&query=${encodeURIComponent(query)}&pageSize=20`),
  ) as { tables?: { id: string; label: string }[] };
  return res.tables ?? [];
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.GRANSATLAS_RAW_DIR ?? 'data/raw', 'trade');
  await mkdir(outDir, { recursive: true });

  await save(
    outDir,
    'se-trade-by-country-scb-ImpExpKNTotAr-NO.json',
    await pxV1(`${SCB_HA}/ImpExpKNTotAr`, 'NO'),
  );
  await save(outDir, 'no-trade-by-country-ssb-08804-SE.json', await ssbV2('08804', 'SE'));

  const fats = await findSsbTables('utenlandske datterselskap');
  if (fats.length === 0) {
    console.warn(
      'SSB table search found no "utenlandske datterselskap" table; look it up on ssb.no/utfono',
    );
  }
  for (const t of fats) console.log(`SSB FATS candidate: ${t.id} ${t.label}`);
  if (fats[0])
    await save(outDir, `no-fats-ssb-${fats[0].id}-SE.json`, await ssbV2(fats[0].id, 'SE'));

  await save(outDir, 'se-foreign-owned-workplaces-tillvaxtanalys-no.json', await pxV1(TVA, 'no'));
}

main().catch((e: unknown) => {
  console.error(
    e instanceof OfflineError
      ? `trade refresh: offline: ${e.message}`
      : `trade refresh failed: ${(e as Error).message}`,
  );
  process.exit(1);
});
