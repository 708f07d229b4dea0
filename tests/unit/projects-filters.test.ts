import { describe, expect, it } from 'vitest';
import {
  activityInYear,
  filterProjects,
  themeParts,
  type ProjectFilter,
} from '../../src/lib/domain/projects';
import { byId, realProjects } from './projects-fixture';

const ids = (f: ProjectFilter) => filterProjects(realProjects(), f).map((p) => p.id);

describe('project filters', () => {
  it('an empty filter keeps all 143 projects', () => {
    expect(ids({})).toHaveLength(143);
  });

  it('filters by programme period (18 / 57 / 68 per the facts notes)', () => {
    expect(ids({ periods: ['2007-2013'] })).toHaveLength(18);
    expect(ids({ periods: ['2014-2020'] })).toHaveLength(57);
    expect(ids({ periods: ['2021-2027'] })).toHaveLength(68);
    expect(ids({ periods: ['2007-2013', '2021-2027'] })).toHaveLength(86);
  });

  it('filters by the lead partner country', () => {
    const no = ids({ leadCountries: ['NO'] });
    expect(no).toContain('se-no-2007-001'); // Hedmark fylkeskommune, Hamar
    expect(no).not.toContain('se-no-2007-002'); // Länsstyrelsen Värmland
    expect(no.length + ids({ leadCountries: ['SE'] }).length).toBe(143);
  });

  it('filters by budget range and leaves unreported budgets out unless asked', () => {
    const big = ids({ budget: { min: 1_000_000 } });
    expect(big).toContain('se-no-2014-004'); // Green Drive Region, 2.9 MEUR
    expect(big).not.toContain('se-no-2021-005'); // Gränsens smaker, 794,510 EUR
    expect(big).not.toContain('se-no-2014-002'); // IMTRIS, budget not reported
    expect(ids({ budget: { min: 1_000_000, includeUnreported: true } })).toContain(
      'se-no-2014-002',
    );
    const smallEu = ids({ budget: { field: 'eu', max: 10_000 } });
    expect(smallEu).toContain('se-no-2021-026'); // Förstudie Husnyckeln 2.0, 10,000 EUR
    expect(smallEu).not.toContain('se-no-2014-004');
  });

  it('filters by year active; unknown dates are "unknown", not active', () => {
    expect(activityInYear(byId('se-no-2014-005'), 2016)).toBe('active'); // 2015-07-01 → 2018-06-30
    expect(activityInYear(byId('se-no-2014-005'), 2019)).toBe('inactive');
    expect(activityInYear(byId('se-no-2014-001'), 2016)).toBe('unknown'); // start 2015, end blank
    expect(activityInYear(byId('se-no-2014-001'), 2014)).toBe('inactive');
    expect(activityInYear(byId('se-no-2014-027'), 2016)).toBe('unknown'); // no dates at all
    const y2016 = ids({ activeIn: { year: 2016 } });
    expect(y2016).toContain('se-no-2014-005');
    expect(y2016).toContain('se-no-2014-002'); // IMTRIS 2015–2018 (years only)
    expect(y2016).not.toContain('se-no-2014-025'); // Green Flyway 2020–2022
    expect(y2016).not.toContain('se-no-2014-001');
    expect(ids({ activeIn: { year: 2016, includeUndated: true } })).toContain('se-no-2014-001');
  });

  it('reads priority and sub-area from the theme text and filters on them', () => {
    expect(themeParts('En grönare gränsregion – cirkulär ekonomi (Nordens Gröna Bälte)')).toEqual({
      priority: 'En grönare gränsregion',
      subareas: ['Nordens Gröna Bälte'],
    });
    expect(themeParts('(Inre Skandinavien)')).toEqual({
      priority: null,
      subareas: ['Inre Skandinavien'],
    });
    // 7 IS + 3 GS + 9 NGB + 1 "/ blå tillväxt" + 2 delområdesöverskridande in the theme column.
    expect(ids({ priorities: ['Innovativa miljöer'] })).toHaveLength(22);
    const gs = ids({ subareas: ['Gränslöst Samarbete'] });
    expect(gs).toContain('se-no-2014-020'); // SAMHELL
    expect(gs).not.toContain('se-no-2014-005'); // ecoINSIDE, Inre Skandinavien
  });

  it('combines filters with AND', () => {
    const r = ids({ periods: ['2014-2020'], leadCountries: ['NO'] });
    expect(r.every((id) => id.startsWith('se-no-2014-'))).toBe(true);
    expect(r).toContain('se-no-2014-015'); // BIstand til nordiske bier, Kløfta
  });
});
