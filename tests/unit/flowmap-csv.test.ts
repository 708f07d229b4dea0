import { describe, expect, it } from 'vitest';
import { parseFlowmapCsv, type FlowmapResult } from '../../src/lib/data/flowmapCsv';
import { isCrossBorder } from '../../src/lib/domain/commuting';

const source = { id: 'upload', url: 'https://flowmap.blue' };
// Figures from data/commuting/cross-border.csv (SCB 2009, NRK 2021), written the way flowmap.blue wants them.
const LOCATIONS = [
  'id,name,lat,lon',
  'SE,Sverige,59.3,18.1',
  'NO,Norge,59.9,10.7',
  'SE-14,Västra Götalands län,58.0,12.5',
  'SE-1486,Strömstad,58.94,11.17',
  'NO-3001,Halden,59.12,11.39',
  'Magnor,Magnor,59.96,12.2',
].join('\n');
const FLOWS = [
  'origin,dest,count,time',
  'SE,NO,28000,2009',
  'SE-14,NO,7000,2009',
  'NO-3001,SE,200,2020-01-01',
  'Magnor,SE-1486,3,2020',
].join('\n');

function errorsOf(r: FlowmapResult) {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('parseFlowmapCsv', () => {
  it('turns official ids into areas, keeps other places as points, reads years from time', () => {
    const r = parseFlowmapCsv({ locations: LOCATIONS, flows: FLOWS }, { source });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.flows.map((f) => [f.year, f.persons])).toEqual([
      [2009, 28000],
      [2009, 7000],
      [2020, 200],
      [2020, 3],
    ]);
    expect(r.flows[1].origin).toEqual({ country: 'SE', level: 'county', code: '14', era: 'se' });
    expect(r.flows[2].origin).toEqual({
      country: 'NO',
      level: 'municipality',
      code: '3001',
      era: '2020',
    });
    expect(r.flows[3].origin).toEqual({
      level: 'point',
      id: 'Magnor',
      name: 'Magnor',
      lat: 59.96,
      lon: 12.2,
    });
    expect(r.flows.map(isCrossBorder)).toEqual([true, true, true, false]);
    expect(r.locations.find((l) => l.id === 'Magnor')?.area).toBeNull();
  });

  it('accepts full area keys, a year option without a time column, a BOM and CRLF', () => {
    const r = parseFlowmapCsv(
      {
        locations:
          '\uFEFFid,name,lat,lon\r\nNO-municipality-3101-2024,Halden,59.12,11.39\r\nSE,Sverige,59.3,18.1\r\n',
        flows: 'origin,dest,count\r\nNO-municipality-3101-2024,SE,250\r\n',
      },
      { source, year: 2024 },
    );
    expect(r.ok && r.flows[0]).toMatchObject({
      year: 2024,
      origin: { code: '3101', era: '2024' },
      persons: 250,
    });
  });

  it.each([
    [
      'an unclosed quote',
      LOCATIONS,
      'origin,dest,count,time\n"SE,NO,1,2009',
      'flows.csv',
      undefined,
      /malformed CSV/,
    ],
    [
      'a row with a field too many',
      LOCATIONS,
      'origin,dest,count,time\nSE,NO,1,2009,x',
      'flows.csv',
      undefined,
      /5 fields, the header has 4/,
    ],
    [
      'missing columns',
      LOCATIONS,
      'from,to,count\nSE,NO,1',
      'flows.csv',
      'origin,dest',
      /missing columns origin, dest/,
    ],
    [
      'a semicolon file',
      'id;name;lat;lon\nSE;Sverige;59;18',
      FLOWS,
      'locations.csv',
      'id,name,lat,lon',
      /comma-separated/,
    ],
    [
      'a non-numeric count',
      LOCATIONS,
      'origin,dest,count,time\nSE,NO,many,2009',
      'flows.csv',
      'count',
      /"many" is not a number/,
    ],
    [
      'a count with a decimal comma',
      LOCATIONS,
      'origin,dest,count,time\nSE,NO,"1,5",2009',
      'flows.csv',
      'count',
      /"1,5" is not a number/,
    ],
    [
      'a negative count',
      LOCATIONS,
      'origin,dest,count,time\nSE,NO,-4,2009',
      'flows.csv',
      'count',
      /negative count -4/,
    ],
    [
      'a duplicate pair',
      LOCATIONS,
      'origin,dest,count,time\nSE,NO,1,2009\nSE,NO,2,2009',
      'flows.csv',
      'origin',
      /duplicate pair SE → NO \(2009\), first on row 2/,
    ],
    [
      'an unknown location',
      LOCATIONS,
      'origin,dest,count,time\nSE,Oslo,1,2009',
      'flows.csv',
      'dest',
      /unknown location id "Oslo"/,
    ],
    ['no year', LOCATIONS, 'origin,dest,count\nSE,NO,1', 'flows.csv', 'count', /no year/],
    [
      'a malformed code',
      'id,name,lat,lon\nNO-301,Halden,59,11',
      'origin,dest,count,time\nNO-301,NO-301,1,2020',
      'locations.csv',
      'id',
      /unknown area code "NO-301"/,
    ],
    [
      'a bad latitude',
      'id,name,lat,lon\nX,X,95,11',
      'origin,dest,count,time\nX,X,1,2020',
      'locations.csv',
      'lat',
      /not a latitude/,
    ],
    [
      'a duplicate location',
      'id,name,lat,lon\nX,X,59,11\nX,Y,59,11',
      'origin,dest,count,time\nX,X,1,2020',
      'locations.csv',
      'id',
      /duplicate location id "X", first on row 2/,
    ],
  ])('reports %s with file, row and column', (_name, locations, flows, file, field, message) => {
    const errors = errorsOf(parseFlowmapCsv({ locations, flows }, { source }));
    const e = errors[0];
    expect(e.file).toBe(file);
    expect(e.row).toBeGreaterThanOrEqual(1);
    if (field) expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('reports codes the caller does not know', () => {
    const known = new Set(['NO-municipality-3001-2020', 'SE-country-SE-se']);
    const errors = errorsOf(
      parseFlowmapCsv(
        {
          locations: 'id,name,lat,lon\nNO-9999,X,60,10\nSE,Sverige,59,18',
          flows: 'origin,dest,count,time\nNO-9999,SE,1,2020',
        },
        { source, isKnownArea: (a) => known.has(`${a.country}-${a.level}-${a.code}-${a.era}`) },
      ),
    );
    expect(errors.map((e) => [e.file, e.row, e.field])).toEqual([
      ['locations.csv', 2, 'id'],
      ['flows.csv', 2, 'origin'],
    ]);
    expect(errors[0].message).toMatch(/unknown area code "NO-9999"/);
    expect(errors[1].message).toMatch(/invalid \(see locations.csv row 2\)/);
  });

  it('never throws on garbage', () => {
    for (const junk of ['', '\n\n', '"', ',,,', 'id\n', '\u0000\u0001'])
      expect(() => parseFlowmapCsv({ locations: junk, flows: junk }, { source })).not.toThrow();
    expect(parseFlowmapCsv({ locations: '', flows: '' }, { source }).ok).toBe(false);
  });
});
