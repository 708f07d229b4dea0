/**
 * Refreshes commuting tables from the official APIs (needs a network; not run in CI).
 *
 *   npx tsx scripts/commuting/refresh.ts [year ...]        (default: the latest year SSB publishes)
 *
 * Tables:
 * - SSB 03321 "Sysselsatte (15-74 år) per 4. kvartal. Pendlingsstrømmer, etter arbeidsstedskommune,
 *   bostedskommune" — PxWebApi v2, https://data.ssb.no/api/pxwebapi/v2/tables/03321/data
 *   (variables ArbstedKomm, Bokommuen, ContentsCode, Tid). Domestic only: Norwegian residents.
 * - SSB 11612 non-resident employees (lønnstakere ikke registrert bosatt), 4th quarter, by work fylke,
 *   and the discontinued 08070 (2008–2016, by landbakgrunn): the Norwegian side of cross-border
 *   commuting. Saved as JSON-stat for review; the curated data/commuting/cross-border.csv is updated
 *   by hand because each figure needs its definition checked.
 * - SCB TAB1830 (ArRegPend2, BAS) "Sysselsatta 15–74 år efter bostadskommun, arbetsställekommun och kön",
 *   PxWebApi v1 path START/AM/AM0210/AM0210F/ArRegPend2: Sweden's domestic matrix (290 × 290).
 *   Older series: TAB5850 (AM0207PendlKomA04N, 2019–2021) and TAB333 (AM0207PendlKomA04, 2004–2018).
 *
 * Output goes to $GRANSATLAS_RAW_DIR or data/raw/ (ignored): CSVs in the columns the builder reads,
 * plus the raw JSON-stat responses. Add a manifest entry (data/sources/commuting.json, with sha256)
 * before a builder uses a new file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchText as get, OfflineError } from '../lib/fetchText';
import { odFromJsonStat, parseJsonStat } from '../../src/lib/data/jsonstat';

const SSB = 'https://data.ssb.no/api/pxwebapi/v2';
const SCB_V1 = 'https://api.scb.se/OV0104/v1/doris/sv/ssd/START/AM/AM0210/AM0210F/ArRegPend2';

async function refreshSsb03321(outDir: string, years: string[]): Promise<void> {
  const tid = years.length > 0 ? years.join(',') : 'top(1)';
  const url =
    `${SSB}/tables/03321/data?lang=no&outputFormat=json-stat2` +
    `&valueCodes[ArbstedKomm]=*&valueCodes[Bokommuen]=*&valueCodes[ContentsCode]=*&valueCodes[Tid]=${tid}`;
  const text = await get(url);
  const result = odFromJsonStat(text, {
    file: 'SSB 03321',
    source: { id: 'ssb-03321', url: `${SSB}/tables/03321`, title: 'SSB 03321' },
  });
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.field ?? ''} ${e.message}`).join('\n'));
  const byYear = new Map<number, string[]>();
  for (const f of result.flows) {
    const lines = byYear.get(f.year) ?? [];
    lines.push(`${f.year},${f.destination.code},${f.origin.code},${f.persons}`);
    byYear.set(f.year, lines);
  }
  for (const [year, lines] of byYear) {
    const era = year >= 2024 ? 'b2024' : 'b2020';
    const file = path.join(outDir, `no-commuting-${year}-ssb03321-${era}.csv`);
    await writeFile(
      file,
      `year,work_municipality_code,residence_municipality_code,persons\n${lines.join('\n')}\n`,
    );
    console.log(
      `wrote ${file} (${lines.length} pairs; ${result.skipped.length} non-municipality cells skipped)`,
    );
  }
}

async function saveTable(
  outDir: string,
  name: string,
  url: string,
  init?: RequestInit,
): Promise<void> {
  const text = await get(url, init);
  const parsed = parseJsonStat(text, { file: name });
  if (!parsed.ok)
    throw new Error(parsed.errors.map((e) => `${name}: ${e.field ?? ''} ${e.message}`).join('\n'));
  await writeFile(path.join(outDir, name), text);
  console.log(`wrote ${name} (${parsed.rows.length} cells: ${parsed.table.label})`);
}

async function main(): Promise<void> {
  const years = process.argv.slice(2).filter((a) => /^\d{4}$/.test(a));
  const outDir = path.resolve(process.env.GRANSATLAS_RAW_DIR ?? 'data/raw');
  await mkdir(outDir, { recursive: true });
  await refreshSsb03321(outDir, years);
  await saveTable(
    outDir,
    'no-nonresident-employees-ssb11612.json',
    `${SSB}/tables/11612/data?lang=no&outputFormat=json-stat2`,
  );
  await saveTable(
    outDir,
    'no-nonresident-employees-ssb08070.json',
    `${SSB}/tables/08070/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=*&valueCodes[Landbakgrunn]=*&valueCodes[Tid]=*`,
  );
  // SCB v1: read the variables (GET), then POST a selection: every kommun on both sides, both sexes,
  // one year. 290 × 290 cells per year, under the 150 000-cell limit.
  const scbYear = years.at(-1) ?? '2022';
  const meta = JSON.parse(await get(SCB_V1)) as { variables: { code: string; values: string[] }[] };
  const query = meta.variables.map(({ code, values }) => {
    if (code === 'Tid') return { code, selection: { filter: 'item', values: [scbYear] } };
    if (code === 'Kon' && values.includes('1+2'))
      return { code, selection: { filter: 'item', values: ['1+2'] } };
    return { code, selection: { filter: 'all', values: ['*'] } };
  });
  await saveTable(outDir, `se-commuting-${scbYear}-scb-tab1830.json`, SCB_V1, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, response: { format: 'json-stat2' } }),
  });
}

main().catch((e: unknown) => {
  console.error(
    e instanceof OfflineError
      ? `refresh: offline: ${e.message}`
      : `refresh failed: ${(e as Error).message}`,
  );
  process.exit(1);
});
