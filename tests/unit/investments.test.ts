import { beforeAll, describe, expect, it } from 'vitest';
import { curatedBuild } from './curatedData';
import { buildInvestments } from '../../scripts/trade/build';
import {
  companyFacts,
  interregBudgets,
  interregRegionalIndicator,
  ownershipByCountry,
  ownershipByCounty,
  type InvestmentsFile,
} from '../../src/lib/domain/investments';
import { pickYear, indicatorChoropleth } from '../../src/lib/domain/classification';

const ctx = curatedBuild;
let inv: InvestmentsFile;
beforeAll(async () => {
  inv = await buildInvestments(ctx);
});

describe('ownership', () => {
  it('Swedish-controlled enterprises in Norway: official SSB figures by year, in enterprises', () => {
    const rows = ownershipByCountry(inv, 'SE-owned-in-NO', 'enterprises');
    expect(rows.map((r) => [r.period.year, r.quantity.value])).toEqual([
      [2007, 1574],
      [2010, 1809],
      [2013, 2042],
      [2016, 2246],
      [2021, 2615],
    ]);
    expect(rows.every((r) => r.quantity.unit === 'enterprises')).toBe(true);
  });

  it('employees are persons; secondary estimates only on request, with their flags', () => {
    const official = ownershipByCountry(inv, 'NO-owned-in-SE', 'employed');
    expect(official).toEqual([]); // only a secondary ~73,000 exists
    const all = ownershipByCountry(inv, 'NO-owned-in-SE', 'employed', { includeSecondary: true });
    expect(all).toHaveLength(1);
    expect(all[0].quantity).toEqual({ value: 73000, unit: 'persons', qualifier: 'approx' });
    expect(all[0].flags).toEqual(expect.arrayContaining(['SECONDARY', 'UNDATED']));
  });

  it('company-level facts are never counted as Norwegian-owned enterprises', () => {
    const counted = ownershipByCountry(inv, 'NO-owned-in-SE', 'enterprises', {
      includeSecondary: true,
    });
    expect(counted.some((r) => r.flags.includes('COMPANY_LEVEL'))).toBe(false);
    expect(companyFacts(inv).length).toBe(9);
  });

  it('per county: no official figures yet, so the indicator has no years (no data, not zero)', () => {
    const ind = ownershipByCounty(inv, 'NO-owned-in-SE', 'enterprises');
    expect(ind.valuesByYear.size).toBe(0);
    expect(pickYear(ind, 2020).status).toBe('no-data-for-year');
  });
});

describe('Interreg', () => {
  it('groups programme budgets, each in EUR as published', () => {
    const groups = interregBudgets(inv);
    const p2127 = groups.find((g) => g.programme === '2021-2027')!;
    const total = p2127.rows.find((r) => r.indicatorId === 'interreg_programme_total')!;
    expect(total.quantity).toEqual({ value: 72615405, unit: 'EUR' });
    const p1420 = groups.find((g) => g.programme === '2014-2020')!;
    expect(p1420.rows.filter((r) => r.indicatorId === 'interreg_programme_total')).toHaveLength(2);
  });

  it('NUTS3 participation becomes a county indicator keyed by official code', () => {
    const ind = interregRegionalIndicator(inv, 'interreg_all_projects_with_partner');
    expect(ind.unit).toBe('projects');
    const pick = pickYear(ind, 2020);
    expect(pick.status).toBe('ok');
    if (pick.status !== 'ok') return;
    expect(pick.values.get('SE-county-17-se')).toBe(33); // Värmlands län
    expect(pick.values.get('NO-county-34-2020')).toBe(25); // Innlandet
    expect(ind.notesByYear?.get(2020)).toContain('THIRD_PARTY');
    // A county outside the data (Stockholm, 01) is no data, not zero.
    const { choropleth } = indicatorChoropleth(ind, 2020, ['SE-county-17-se', 'SE-county-01-se'], {
      method: 'quantile',
      classes: 2,
    });
    expect(choropleth.legend.noData.count).toBe(1);
  });
});
