/** The projects layer's pure logic on the real project data: URL settings, list, CSV, clusters, indicators. */
import { describe, expect, it } from 'vitest';
import { byId, realProjects } from './projects-fixture';
import { projectsSettings, type ProjectsSettings } from '../../src/lib/layers/projects/settings';
import {
  CSV_COLUMNS,
  applyProjectFilters,
  boundsOf,
  cameraBounds,
  clusterInput,
  programmeYears,
  projectIndicators,
  projectsCsv,
  sortProjects,
  searchScore,
  themeGroup,
} from '../../src/lib/layers/projects/logic';

const defaults = projectsSettings.defaults;
const with_ = (patch: Partial<ProjectsSettings>): ProjectsSettings => ({ ...defaults, ...patch });

function roundTrip(s: ProjectsSettings): ProjectsSettings {
  const params = new URLSearchParams();
  projectsSettings.write(s, params);
  return projectsSettings.read(new URLSearchParams(params.toString()), defaults);
}

describe('projects settings codec', () => {
  it('writes nothing for the defaults and round-trips every field', () => {
    const params = new URLSearchParams();
    projectsSettings.write(defaults, params);
    expect(params.toString()).toBe('');
    const all: ProjectsSettings = {
      periods: ['2007-2013', '2021-2027'],
      themes: ['transport', 'unstated'],
      leadCountry: 'NO',
      budgetMin: 250_000,
      budgetMax: 2_000_000,
      budgetUnreported: true,
      activeInYear: true,
      includeUndated: false,
      colourBy: 'period',
      links: 'all',
      listInView: true,
      sort: 'budget',
      sortDir: 'desc',
    };
    expect(roundTrip(all)).toEqual(all);
  });

  it('reads hostile and malformed values field by field, falling back', () => {
    const params = new URLSearchParams({
      'projects.period': '2007-2013,<script>,2007-2013,1999-2000',
      'projects.theme': 'nope,,',
      'projects.lead': 'DK',
      'projects.bmin': '-5',
      'projects.bmax': '1e9',
      'projects.active': 'true',
      'projects.colour': 'period',
      'projects.links': 'javascript:alert(1)',
      'projects.sort': 'x'.repeat(500),
      'projects.dir': 'desc',
    });
    const s = projectsSettings.read(params, defaults);
    expect(s.periods).toEqual(['2007-2013']);
    expect(s.themes).toEqual([]);
    expect(s.leadCountry).toBe('all');
    expect(s.budgetMin).toBeNull();
    expect(s.budgetMax).toBeNull();
    expect(s.activeInYear).toBe(false);
    expect(s.colourBy).toBe('period');
    expect(s.links).toBe('selected');
    expect(s.sort).toBe('name');
    expect(s.sortDir).toBe('desc');
    expect(
      projectsSettings.read(new URLSearchParams('projects.bmax=1000000001'), defaults).budgetMax,
    ).toBeNull();
  });
});

describe('filters', () => {
  const all = realProjects();

  it('narrows by period, lead country, theme group, budget and year', () => {
    expect(applyProjectFilters(all, defaults, 2022)).toHaveLength(143);
    expect(applyProjectFilters(all, with_({ periods: ['2007-2013'] }), 2022)).toHaveLength(18);
    const norwegian = applyProjectFilters(all, with_({ leadCountry: 'NO' }), 2022);
    expect(norwegian.length).toBeGreaterThan(0);
    expect(norwegian.every((p) => p.leadCountry === 'NO')).toBe(true);
    const transport = applyProjectFilters(all, with_({ themes: ['transport'] }), 2022);
    expect(transport.map((p) => themeGroup(p))).toEqual(transport.map(() => 'transport'));
    const big = applyProjectFilters(all, with_({ budgetMin: 1_000_000 }), 2022);
    expect(big.every((p) => p.budgetTotalEur !== null && p.budgetTotalEur >= 1_000_000)).toBe(true);
    const withBlank = applyProjectFilters(
      all,
      with_({ budgetMin: 1_000_000, budgetUnreported: true }),
      2022,
    );
    expect(withBlank.length).toBeGreaterThan(big.length);
    const in2009 = applyProjectFilters(
      all,
      with_({ activeInYear: true, includeUndated: false }),
      2009,
    );
    expect(in2009.every((p) => p.period === '2007-2013')).toBe(true);
    expect(in2009).toContain(byId('se-no-2007-001'));
    // Projects whose missing start or end does not rule 2009 out are kept only on request.
    const orUndated = applyProjectFilters(all, with_({ activeInYear: true }), 2009);
    expect(orUndated.length).toBeGreaterThan(in2009.length);
  });

  it('groups every priority it knows; only sub-area-only themes are unstated', () => {
    for (const p of all) {
      if (themeGroup(p) === 'unstated') expect(p.theme).toMatch(/^\(.*\)$/);
    }
  });
});

describe('list and CSV', () => {
  const all = realProjects();

  it('sorts by budget with not-reported last in both directions', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sorted = sortProjects(all, 'budget', dir);
      const firstBlank = sorted.findIndex((p) => p.budgetTotalEur === null);
      expect(sorted.slice(firstBlank).every((p) => p.budgetTotalEur === null)).toBe(true);
      const figures = sorted.slice(0, firstBlank).map((p) => p.budgetTotalEur as number);
      const expected = [...figures].sort((a, b) => (dir === 'asc' ? a - b : b - a));
      expect(figures).toEqual(expected);
    }
  });

  it('writes a header and one row per listed project, blanks blank, in list order', () => {
    const list = sortProjects(
      applyProjectFilters(all, with_({ periods: ['2007-2013'] }), 2022),
      'name',
      'asc',
    );
    const csv = projectsCsv(list);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + list.length);
    const salmon = lines.find((l) => l.startsWith('se-no-2007-002,'))!;
    expect(salmon).toContain('Vänerlaxens fria gång');
    // Budget reported, EU funding not: a number, then an empty cell — never 0.
    expect(salmon).toContain(',3425614,,');
  });
});

describe('cluster input and bounds', () => {
  const all = realProjects();

  it('places every project with a lead town, and only those', () => {
    const points = clusterInput(all);
    expect(points).toHaveLength(all.filter((p) => p.lead !== null).length);
    expect(points).toHaveLength(143 - 14);
    const p = byId('se-no-2007-002');
    expect(points.find((f) => f.properties.id === p.id)?.geometry.coordinates).toEqual([
      p.lead!.lon,
      p.lead!.lat,
    ]);
  });

  it('computes the bounds of points and of a camera view', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        [10, 60],
        [12, 59],
      ]),
    ).toEqual([10, 59, 12, 60]);
    const [w, s, e, n] = cameraBounds({ lon: 12, lat: 60, zoom: 5 }, 1024, 512);
    expect((w + e) / 2).toBeCloseTo(12, 6);
    expect(e - w).toBeCloseTo((1024 / (512 * 32)) * 360, 6);
    expect(s).toBeLessThan(60);
    expect(n).toBeGreaterThan(60);
  });
});

describe('time control and indicators', () => {
  const all = realProjects();

  it('offers every year of the three programme periods', () => {
    const years = programmeYears(all);
    expect(years[0]).toBe(2007);
    expect(years.at(-1)).toBe(2027);
    expect(years).toHaveLength(21);
  });

  it('registers count and EU funding per municipality and county; blank funding is no data', () => {
    const indicators = projectIndicators(all, { label: 'x', url: 'https://example.org/' });
    expect(indicators.map((i) => i.id).sort()).toEqual([
      'projects-count-county',
      'projects-count-municipality',
      'projects-eu-county',
      'projects-eu-municipality',
    ]);
    const countyCount = indicators.find((i) => i.id === 'projects-count-county')!;
    // Each year carries its programme period's figures; projects led from a county counted once.
    const in2010 = countyCount.valuesByYear.get(2010)!;
    const led2007 = all.filter((p) => p.period === '2007-2013' && p.lead);
    const seKeys = [...in2010.entries()].filter(([k]) => k.startsWith('SE-'));
    const noKeys2024 = [...in2010.entries()].filter(
      ([k]) => k.startsWith('NO-') && k.endsWith('-2024'),
    );
    const total = [...seKeys, ...noKeys2024].reduce((sum, [, v]) => sum + (v ?? 0), 0);
    expect(total).toBe(led2007.length);
    expect(countyCount.valuesByYear.get(2010)).toBe(countyCount.valuesByYear.get(2013));
    const eu = indicators.find((i) => i.id === 'projects-eu-municipality')!;
    const values = [...eu.valuesByYear.get(2015)!.values()];
    expect(values.some((v) => v === null)).toBe(true);
    expect(values.every((v) => v === null || v > 0)).toBe(true);
  });

  it('maps search ranks onto the shared 1–4 score scale', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(searchScore)).toEqual([4, 3, 2, 2, 1, 1, 1, 1]);
  });
});
