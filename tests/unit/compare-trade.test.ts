/**
 * "Compare with year…" on the trade layer, with the real curated datasets (data/trade,
 * data/crossings) built the way the app gets them: both years' figures and the change, in the
 * published unit; a missing year makes the change unknown, never a change from or to zero.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { curatedBuild } from './curatedData';
import { buildCrossings, buildTrade } from '../../scripts/trade/build';
import type { CrossingsFile, TradeFile } from '../../src/lib/domain/trade';
import { crossingChange, tradeChanges } from '../../src/lib/domain/tradeChange';
import { chartModel, DEFAULT_CHART_SIZE } from '../../src/lib/layers/trade/chart';
import {
  compareSpan,
  difference,
  figureChange,
  percentChange,
  seriesChange,
} from '../../src/lib/domain/yearChange';

const ctx = curatedBuild;
let trade: TradeFile;
let crossings: CrossingsFile;
beforeAll(async () => {
  trade = await buildTrade(ctx);
  crossings = await buildCrossings(ctx);
});

/** The published value of one series and year, straight from the file. */
function published(direction: string, reporter: string, year: number): number | null {
  const s = trade.series.find((x) => x.direction === direction && x.reporter === reporter)!;
  return s.values[year - s.firstYear] ?? null;
}

describe('trade change between two years', () => {
  it('gives both directions’ values and the change, in USD million as published', () => {
    const changes = tradeChanges(trade, 'SE', compareSpan(2020, 2010)!);
    expect(changes.map((c) => c.direction)).toEqual(['SE-NO', 'NO-SE']);
    for (const { direction, change } of changes) {
      const before = published(direction, 'SE', 2010)!;
      const after = published(direction, 'SE', 2020)!;
      expect(change.before).toMatchObject({
        year: 2010,
        quantity: { value: before, unit: 'USD_million' },
      });
      expect(change.after).toMatchObject({
        year: 2020,
        quantity: { value: after, unit: 'USD_million' },
      });
      expect(change.change.unit).toBe('USD_million');
      expect(change.change.value).toBeCloseTo(after - before, 6);
      expect(change.percent).toBeCloseTo(((after - before) / before) * 100, 6);
      expect(change.reason).toBeNull();
    }
  });

  it('keeps the two reporters apart', () => {
    const se = tradeChanges(trade, 'SE', { from: 2010, to: 2020 })[0].change;
    const no = tradeChanges(trade, 'NO', { from: 2010, to: 2020 })[0].change;
    expect(no.before.quantity.value).toBe(published('SE-NO', 'NO', 2010));
    expect(no.change.value).not.toBeCloseTo(se.change.value!, 0);
  });

  it('carries a flag of either year (Norway’s suspect 2006 NO→SE figure)', () => {
    const change = tradeChanges(trade, 'NO', { from: 2006, to: 2007 }).find(
      (c) => c.direction === 'NO-SE',
    )!.change;
    expect(change.flags).toContain('SUSPECT');
    expect(change.change.value).not.toBeNull();
  });

  it('is no data for a year the series does not reach, not the other year’s value', () => {
    const [change] = tradeChanges(trade, 'SE', { from: 2020, to: 2023 }).map((c) => c.change);
    expect(change.after.quantity.value).toBeNull();
    expect(change.before.quantity.value).toBe(published('SE-NO', 'SE', 2020));
    expect(change.change).toEqual({ value: null, unit: 'USD_million' });
    expect(change.percent).toBeNull();
    expect(change.reason).toBe('missing');
  });

  it('treats a gap inside a series as missing', () => {
    const points = [
      { year: 2001, value: 5 },
      { year: 2002, value: null },
    ];
    expect(seriesChange(points, 'SEK_million', { from: 2001, to: 2002 }).change.value).toBeNull();
  });
});

describe('crossing change between two years (Svinesund, E6)', () => {
  const value = (label: string, unit: string) =>
    crossings.traffic.find(
      (o) =>
        o.crossingIds.length === 1 &&
        o.crossingIds[0] === 'svinesund-e6' &&
        o.period.label === label &&
        o.quantity.unit === unit,
    )!.quantity.value!;

  it('compares the figures of the two years themselves', () => {
    const change = crossingChange(crossings, 'svinesund-e6', { from: 2002, to: 2024 }, 'traffic')!;
    const before = value('2002', 'vehicles_per_day');
    const after = value('2024', 'vehicles_per_day');
    expect(change.before.quantity).toMatchObject({ value: before, unit: 'vehicles_per_day' });
    expect(change.after.quantity).toMatchObject({ value: after, unit: 'vehicles_per_day' });
    expect(change.change).toEqual({ value: after - before, unit: 'vehicles_per_day' });
  });

  it('does not stand in an older figure for a year without one', () => {
    // The map shows 2002's figure for 2005; a change 2002 → 2005 would be invented.
    const change = crossingChange(crossings, 'svinesund-e6', { from: 2005, to: 2024 }, 'traffic')!;
    expect(change.before.quantity.value).toBeNull();
    expect(change.change.value).toBeNull();
    expect(change.reason).toBe('missing');
    expect(
      crossingChange(crossings, 'svinesund-e6', { from: 2003, to: 2005 }, 'traffic'),
    ).toBeNull();
  });

  it('does not compare passages with vehicles (2012 is counted in passages)', () => {
    const change = crossingChange(crossings, 'svinesund-e6', { from: 2010, to: 2012 }, 'traffic')!;
    expect(change.after.quantity.unit).toBe('passages_per_day');
    expect(change.change.value).toBeNull();
    expect(change.reason).toBe('not-comparable');
  });
});

describe('figure arithmetic', () => {
  it('rescales within one currency, and refuses across currencies', () => {
    const fig = (
      year: number,
      value: number,
      unit: 'SEK_billion' | 'SEK_million' | 'NOK_million',
    ) => ({
      year,
      quantity: { value, unit },
      flags: [],
    });
    const same = figureChange(fig(2019, 1500, 'SEK_million'), fig(2020, 2, 'SEK_billion'));
    expect(same.change).toEqual({ value: 500, unit: 'SEK_million' });
    expect(same.percent).toBeCloseTo(100 / 3, 6);
    const mixed = figureChange(fig(2019, 1500, 'SEK_million'), fig(2020, 1500, 'NOK_million'));
    expect(mixed.change.value).toBeNull();
    expect(mixed.reason).toBe('not-comparable');
  });

  it('has no percentage from zero and no change from a missing value', () => {
    expect(difference(0, 5)).toBe(5);
    expect(percentChange(0, 5)).toBeNull();
    expect(difference(null, 5)).toBeNull();
    expect(difference(5, undefined)).toBeNull();
    expect(difference(5, NaN)).toBeNull();
  });
});

describe('chart with a compare year', () => {
  it('marks the compare year apart from the selected one, and only inside the chart', () => {
    const series = [
      {
        id: 's',
        label: 's',
        colour: '#000',
        unit: 'USD_million' as const,
        points: [2010, 2011, 2012].map((year) => ({ year, value: year - 2000 })),
      },
    ];
    const m = chartModel(series, 2012, DEFAULT_CHART_SIZE, 2010)!;
    expect(m.compareX).toBe(m.x(2010));
    expect(m.selectedX).toBe(m.x(2012));
    expect(chartModel(series, 2012, DEFAULT_CHART_SIZE, 1990)!.compareX).toBeNull();
    expect(chartModel(series, 2012)!.compareX).toBeNull();
  });
});
