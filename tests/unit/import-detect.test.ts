import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/data/import/process';
import { detectDelimiter, readCsv } from '../../src/lib/data/import/csv';
import { decodeText } from '../../src/lib/data/import/decode';
import {
  guessMapping,
  headerSignature,
  mappingComplete,
  recogniseColumns,
} from '../../src/lib/data/import/columns';
import { unknownRowsCsv } from '../../src/lib/data/import/client';
import { datasetIndicator } from '../../src/lib/data/import/indicator';
import type { ImportOutcome } from '../../src/lib/data/import/types';
import { KNOWN, latin1 } from '../fixtures/import/corpus';

const enc = (s: string) => new TextEncoder().encode(s);
function one(
  name: string,
  text: string | Uint8Array,
  mapping?: Parameters<typeof importFiles>[2]['mapping'],
): ImportOutcome {
  const bytes = typeof text === 'string' ? enc(text) : text;
  return importFiles([{ name, bytes }], KNOWN, { id: 'x', now: 0, mapping })[0];
}
function ok(o: ImportOutcome) {
  if (o.status !== 'ok') throw new Error(JSON.stringify(o));
  return o.dataset;
}

describe('reading CSV text', () => {
  it('detects ; , and tab, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n"1;2",3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectDelimiter('kommun;värde\n1780;12,5\n')).toBe(';');
  });

  it('quoted fields with delimiters, quotes and line breaks; CRLF; row numbers', () => {
    const rows: [string[], number][] = [];
    readCsv('a,b\r\n"x, ""y""","multi\nline"\r\n\r\nlast,1', ',', (c, r) =>
      rows.push([c.slice(), r]),
    );
    expect(rows).toEqual([
      [['a', 'b'], 1],
      [['x, "y"', 'multi\nline'], 2],
      [['last', '1'], 5],
    ]);
  });

  it('decodes UTF-8 (BOM stripped) and falls back to Windows-1252', () => {
    expect(decodeText(enc('\uFEFFMalmö'))).toEqual({ text: 'Malmö', encoding: 'utf-8' });
    expect(decodeText(latin1('Malmö Å'))).toEqual({ text: 'Malmö Å', encoding: 'windows-1252' });
  });
});

describe('detecting what a file holds', () => {
  it('OD flows with area codes (Swedish and Norwegian headers)', () => {
    const d = ok(one('f.csv', 'Bostadskommun;Arbetsställekommun;Antal;År\n1780;3101;12;2024\n'));
    expect(d.payload.kind).toBe('flows');
    if (d.payload.kind !== 'flows') return;
    expect(d.payload.places).toEqual([
      { area: 'SE-municipality-1780-se' },
      { area: 'NO-municipality-3101-2024' },
    ]);
    expect([...d.payload.value]).toEqual([12]);
    expect([...d.payload.year]).toEqual([2024]);
  });

  it('OD flows with lon/lat columns', () => {
    const d = ok(one('f.csv', 'origin_lon,origin_lat,dest_lon,dest_lat,count\n11,59,15,61,5\n'));
    expect(d.payload).toMatchObject({
      kind: 'flows',
      places: [
        { lon: 11, lat: 59 },
        { lon: 15, lat: 61 },
      ],
    });
  });

  it('area values with a year → an indicator keyed by area and year', () => {
    const d = ok(one('v.csv', 'kommune,verdi,år\n3001,5,2022\n3101,6,2024\n'));
    const ind = datasetIndicator(d, 'imported:x')!;
    expect(ind.valuesByYear.get(2022)?.get('NO-municipality-3001-2020')).toBe(5);
    expect(ind.valuesByYear.get(2024)?.get('NO-municipality-3101-2024')).toBe(6);
    expect(ind.title).toEqual({ text: 'v.csv · verdi' });
  });

  it('missing-value symbols are "no data", not zero', () => {
    const d = ok(one('v.csv', 'code;value\n1780;..\n1737;4\n'));
    expect(d.payload).toMatchObject({
      values: [
        [0, 'SE-municipality-1780-se', null],
        [0, 'SE-municipality-1737-se', 4],
      ],
    });
  });

  it('points from lon/lat and from a municipality column', () => {
    expect(ok(one('p.csv', 'namn,lat,lon\nA,59.4,13.5\n')).payload).toMatchObject({
      kind: 'points',
      points: [{ place: { lon: 13.5, lat: 59.4, name: 'A' }, cells: ['A', '59.4', '13.5'] }],
    });
    expect(ok(one('p.csv', 'kommun,projekt\n1780,Bro\n')).payload).toMatchObject({
      kind: 'points',
      points: [{ place: { area: 'SE-municipality-1780-se' } }],
    });
  });

  it('GeoJSON points, GeoJSON areas and TopoJSON', () => {
    const pts = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { n: '<b>x</b>' },
          geometry: { type: 'Point', coordinates: [13, 60] },
        },
      ],
    };
    expect(ok(one('p.geojson', JSON.stringify(pts))).payload).toMatchObject({
      kind: 'points',
      header: ['n'],
      points: [{ cells: ['<b>x</b>'] }],
    });
    const poly = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [12, 59],
            [13, 59],
            [13, 60],
            [12, 59],
          ],
        ],
      },
    };
    expect(ok(one('a.geojson', JSON.stringify(poly))).payload.kind).toBe('areas');
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [12, 59],
          [13, 59],
          [13, 60],
          [12, 59],
        ],
      ],
      objects: {
        a: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { name: 'A' } }],
        },
      },
    };
    const d = ok(one('a.topojson', JSON.stringify(topo)));
    expect(d.payload).toMatchObject({
      kind: 'areas',
      geojson: { features: [{ properties: { name: 'A' } }] },
    });
  });

  it('JSON-stat 2.0: two area dimensions are flows (residence → work), one is values per area', () => {
    const od = {
      version: '2.0',
      class: 'dataset',
      id: ['Bokommuen', 'ArbstedKomm', 'Tid'],
      size: [1, 2, 1],
      role: { time: ['Tid'] },
      dimension: {
        Bokommuen: { category: { index: ['3001'] } },
        ArbstedKomm: { category: { index: ['3001', '0301'] } },
        Tid: { category: { index: ['2021'] } },
      },
      value: [100, 7],
    };
    const d = ok(one('03321.json', JSON.stringify(od)));
    expect(d.payload).toMatchObject({
      kind: 'flows',
      places: [{ area: 'NO-municipality-3001-2020' }, { area: 'NO-municipality-0301-2020' }],
    });
    const ind = {
      ...od,
      id: ['Region', 'Tid'],
      size: [2, 1],
      dimension: { Region: { category: { index: ['1780', '9999'] } }, Tid: od.dimension.Tid },
      value: [3, 4],
    };
    const out = one('r.json', JSON.stringify(ind));
    expect(out).toMatchObject({
      status: 'ok',
      problems: [{ key: 'unknownCode', column: 'Region', params: { value: '9999' } }],
    });
  });

  it('the flowmap.blue pair', () => {
    const out = importFiles(
      [
        {
          name: 'flows.csv',
          bytes: enc('origin,dest,count,time\nSE-1780,NO-3101,5,2024\nSE-1780,x,2,2024\n'),
        },
        {
          name: 'locations.csv',
          bytes: enc(
            'id,name,lat,lon\nSE-1780,Karlstad,59.4,13.5\nNO-3101,Halden,59.1,11.4\nx,Somewhere,60,12\n',
          ),
        },
      ],
      KNOWN,
      { id: 'p', now: 0 },
    );
    expect(out).toHaveLength(1);
    const d = ok(out[0]);
    expect(d.name).toBe('locations.csv + flows.csv');
    expect(d.rows).toBe(2);
  });
});

describe('column mapping', () => {
  it('recognises columns in three languages', () => {
    expect(guessMapping(['Från', 'Till', 'Värde'])).toMatchObject({
      kind: 'flows',
      origin: 0,
      destination: 1,
      value: 2,
    });
    expect(guessMapping(['Fra', 'Til', 'Antall', 'År'])).toMatchObject({ kind: 'flows', year: 3 });
    expect(recogniseColumns(['Kommunenummer', 'Verdi'])).toMatchObject({ code: 0, value: 1 });
    expect(guessMapping(['a', 'b', 'c'])).toBeNull();
  });

  it('unrecognised columns ask for a mapping, which then reads the file', () => {
    const text = 'bo,jobb,folk\n1780,3101,4\n';
    const out = one('x.csv', text);
    expect(out).toMatchObject({
      status: 'needs-mapping',
      mapping: { header: ['bo', 'jobb', 'folk'], sample: [['1780', '3101', '4']] },
    });
    if (out.status !== 'needs-mapping') return;
    expect(out.mapping.signature).toBe(headerSignature(['Bo', 'Jobb', 'Folk']));
    const mapping = {
      ...out.mapping.guess,
      kind: 'flows' as const,
      origin: 0,
      destination: 1,
      value: 2,
    };
    expect(mappingComplete(mapping, 3)).toBe(true);
    expect(ok(one('x.csv', text, mapping)).rows).toBe(1);
  });

  it('unknown-code rows download as CSV with their row numbers', () => {
    expect(unknownRowsCsv(['a', 'b'], [{ row: 3, cells: ['9999', 'x,"y"'] }])).toBe(
      '\uFEFFrow,a,b\r\n3,9999,"x,""y"""\r\n',
    );
  });
});

describe('real recorded PxWeb response', () => {
  it('an SSB JSON-stat without area codes we know is refused with a precise message', () => {
    const text = readFileSync(
      new URL('../fixtures/jsonstat/ssb-v0-07221-boligpris-region-status.json', import.meta.url),
      'utf8',
    );
    const out = one('07221.json', text);
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.problems[0]).toMatchObject({ key: 'unknownCode', column: 'Region' });
  });
});

describe('duplicates', () => {
  it('the same origin, destination and year twice: the first row is kept, the later one named', () => {
    const out = one(
      'd.csv',
      'origin,destination,value,year\n1780,3101,1,2024\n1780,3101,2,2024\n1780,3101,3,2023\n',
    );
    if (out.status !== 'ok') throw new Error(out.status);
    expect(out.problems).toMatchObject([{ key: 'duplicateRow', row: 3, params: { first: 2 } }]);
    expect(out.dataset.rows).toBe(2);
  });
});

describe('fast path for big OD files', () => {
  it('gives exactly what the general reader gives (a quote anywhere forces the general one)', () => {
    const body =
      '1780,3101,5,2024\r\n9999,3101,1,2024\n\n1737,3118,lots,2024\n1780,3118,7,2023\n3101,1780,2,2024,extra\n1780,3101,8,2024\n';
    const fast = one('a.csv', `origin,destination,value,year\n${body}`);
    const general = one('a.csv', `"origin",destination,value,year\n${body}`);
    if (fast.status !== 'ok' || general.status !== 'ok') throw new Error(fast.status);
    expect({ ...fast, dataset: { ...fast.dataset, bytes: 0 } }).toEqual({
      ...general,
      dataset: { ...general.dataset, bytes: 0 },
    });
    expect(fast.problems.map((p) => [p.key, p.row])).toEqual([
      ['unknownCode', 3],
      ['notNumber', 5],
      ['fieldCount', 7],
      ['duplicateRow', 8],
    ]);
  });
});
