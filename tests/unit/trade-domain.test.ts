import { beforeAll, describe, expect, it } from 'vitest';
import { curatedBuild } from './curatedData';
import { buildCrossings, buildTrade } from '../../scripts/trade/build';
import {
  crossingHistory,
  crossingValuesForYear,
  DEFAULT_REPORTER,
  tradeForYear,
  tradeSeries,
  type CrossingsFile,
  type TradeFile,
} from '../../src/lib/domain/trade';

const ctx = curatedBuild;
let trade: TradeFile;
let crossings: CrossingsFile;
beforeAll(async () => {
  trade = await buildTrade(ctx);
  crossings = await buildCrossings(ctx);
});

describe('trade series', () => {
  it("uses Sweden's reporting by default and says so", () => {
    expect(DEFAULT_REPORTER).toBe('SE');
    const { reporter, series } = tradeSeries(trade);
    expect(reporter).toBe('SE');
    expect(series.map((s) => [s.direction, s.reporter, s.basis])).toEqual([
      ['SE-NO', 'SE', 'FOB'],
      ['NO-SE', 'SE', 'CIF'],
    ]);
  });

  it('keeps the published unit (USD million, IMF DOTS) and values', () => {
    const { series } = tradeSeries(trade, 'SE');
    const seNo = series.find((s) => s.direction === 'SE-NO')!;
    expect(seNo.unit).toBe('USD_million');
    expect(seNo.points.find((p) => p.year === 2019)?.value).toBe(17173.310972); // notes §2b: 17,173
    const noReported = tradeSeries(trade, 'NO').series.find((s) => s.direction === 'SE-NO')!;
    expect(Math.round(noReported.points.find((p) => p.year === 2019)!.value!)).toBe(10111);
  });

  it('carries the SUSPECT flag on Norway-reported exports to Sweden in 2006', () => {
    const noSe = tradeSeries(trade, 'NO').series.find((s) => s.direction === 'NO-SE')!;
    const p2006 = noSe.points.find((p) => p.year === 2006)!;
    expect(p2006.flags).toContain('SUSPECT');
    expect(p2006.value).toBeCloseTo(893.87, 2);
    expect(noSe.points.find((p) => p.year === 2005)!.flags).toEqual([]);
    // Sweden's series for the same year has no such flag.
    const seSide = tradeSeries(trade, 'SE').series.find((s) => s.direction === 'NO-SE')!;
    expect(seSide.points.find((p) => p.year === 2006)!.flags).not.toContain('SUSPECT');
  });

  it('can hide the SUSPECT value as a gap while keeping the flag and the published value', () => {
    const noSe = tradeSeries(trade, 'NO', { suspect: 'hide' }).series.find(
      (s) => s.direction === 'NO-SE',
    )!;
    const p = noSe.points.find((x) => x.year === 2006)!;
    expect(p.value).toBeNull();
    expect(p.hiddenValue).toBeCloseTo(893.87, 2);
    expect(p.flags).toContain('SUSPECT');
  });

  it('returns gaps as null, never 0, for years outside the series', () => {
    const { series } = tradeSeries(trade, 'SE', { from: 2018, to: 2023 });
    for (const s of series) {
      expect(s.points.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
      expect(s.points.slice(3).map((p) => p.value)).toEqual([null, null, null]);
      expect(s.points[0].value).toBeGreaterThan(0);
    }
  });
});

describe('trade for a year', () => {
  it('gives both national directions with magnitude and unit', () => {
    const y = tradeForYear(trade, 2019);
    expect(y.reporter).toBe('SE');
    expect(y.flows.map((f) => f.direction)).toEqual(['SE-NO', 'NO-SE']);
    expect(y.flows.every((f) => f.quantity.unit === 'USD_million')).toBe(true);
    expect(Math.round(y.flows[1].quantity.value!)).toBe(13332);
    // official SEK anchors of the same year, in their own unit
    expect(y.anchors.map((a) => [a.direction, a.quantity.value, a.quantity.unit])).toEqual([
      ['SE->NO', 162, 'SEK_billion'],
      ['NO->SE', 137, 'SEK_billion'],
    ]);
  });

  it('a year without series data has null values, and partial-year anchors are flagged partial', () => {
    const y = tradeForYear(trade, 2021);
    expect(y.flows.map((f) => f.quantity.value)).toEqual([null, null]);
    expect(y.anchors.length).toBeGreaterThan(0);
    expect(y.anchors.every((a) => a.period.partial)).toBe(true);
    expect(y.anchors.map((a) => a.period.label).sort()).toEqual(['2021H1', '2021Jan-Jul']);
  });

  it('keeps the UNVERIFIED 2023 figure flagged and in NOK million', () => {
    const a = tradeForYear(trade, 2023).anchors.find((x) => x.reporter === 'NO')!;
    expect(a.quantity).toEqual({ value: 110695, unit: 'NOK_million' });
    expect(a.flags).toContain('UNVERIFIED');
  });
});

describe('crossings', () => {
  it('says how exact each position is', () => {
    const byQuality = (q: string) => crossings.crossings.filter((c) => c.coordQuality === q).length;
    expect(crossings.crossings).toHaveLength(22);
    expect([byQuality('exact'), byQuality('village'), byQuality('none')]).toEqual([4, 11, 7]);
    expect(crossings.crossings.find((c) => c.id === 'umbukta-e12')!.position).toBeNull();
  });

  it('shows the latest traffic figure up to the selected year, flagged when older', () => {
    const in2017 = crossingValuesForYear(crossings, 2017, 'traffic');
    const svinesund = in2017.find((c) => c.crossingId === 'svinesund-e6')!;
    // 2016 "approx. 20,000" is the latest all-vehicle daily figure at or before 2017
    expect(svinesund.yearShown).toBe(2016);
    expect(svinesund.isSelectedYear).toBe(false);
    expect(svinesund.observation.quantity).toEqual({
      value: 20000,
      unit: 'vehicles_per_day',
      qualifier: 'approx',
    });
    const in2024 = crossingValuesForYear(crossings, 2024, 'traffic');
    expect(in2024.find((c) => c.crossingId === 'svinesund-e6')).toMatchObject({
      yearShown: 2024,
      isSelectedYear: true,
    });
  });

  it('has no value for a crossing before its first figure, and ignores combined rows', () => {
    const in2000 = crossingValuesForYear(crossings, 2000, 'traffic');
    expect(in2000).toEqual([]);
    const ids = crossingValuesForYear(crossings, 2030, 'traffic').map((c) => c.crossingId);
    expect(ids).not.toContain('svinesund-e6+orje-e18+magnormoen-rv2-rv61');
    expect(ids).toEqual(expect.arrayContaining(['orje-e18', 'magnormoen-rv2-rv61']));
  });

  it('freight uses tonnes per year, including the Ofotbanen rail figure', () => {
    const f = crossingValuesForYear(crossings, 2024, 'freight');
    expect(f.find((c) => c.crossingId === 'riksgransen-rail')!.observation.quantity.unit).toBe(
      'tonnes_per_year',
    );
  });

  it('history of a crossing includes combined figures that name it', () => {
    const h = crossingHistory(crossings, 'orje-e18');
    expect(h.some((o) => o.crossingIds.length > 1)).toBe(true);
    expect(h.map((o) => o.period.year)).toEqual([...h.map((o) => o.period.year)].sort());
  });
});
