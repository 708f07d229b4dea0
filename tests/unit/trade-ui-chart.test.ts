import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import {
  chartModel,
  gapCount,
  isolatedPoints,
  linePath,
  type ChartPoint,
} from '../../src/lib/layers/trade/chart';
import { crossingChartSeries } from '../../src/lib/layers/trade/history';
import { flowShape, flowWidth, MAX_FLOW_WIDTH_M } from '../../src/lib/layers/trade/geometry';
import { maxFlowValue, tradeYears } from '../../src/lib/layers/trade/helpers';
import {
  CrossingsFileSchema,
  TradeFileSchema,
  crossingHistory,
  tradeSeries,
} from '../../src/lib/domain/trade';

const id = (n: number) => n;
const pts = (values: (number | null)[], first = 2000): ChartPoint[] =>
  values.map((value, i) => ({ year: first + i, value }));

describe('chart paths', () => {
  it('breaks the line at every gap and never draws null as zero', () => {
    const points = pts([1, 2, null, 4, 5, null, null, 8, 9, 10]);
    const d = linePath(points, id, id);
    expect(d).toBe('M2000,1L2001,2M2003,4L2004,5M2007,8L2008,9L2009,10');
    expect(d).not.toMatch(/,0(?!\d)/);
    expect(gapCount(points)).toBe(2);
  });

  it('leaves single values out of the path and returns them as dots', () => {
    const points = pts([null, 3, null, 5, 6, null, 7]);
    expect(linePath(points, id, id)).toBe('M2003,5L2004,6');
    expect(isolatedPoints(points).map((p) => p.year)).toEqual([2001, 2006]);
  });

  it('draws nothing for an empty or all-missing series', () => {
    expect(linePath([], id, id)).toBe('');
    expect(linePath(pts([null, null]), id, id)).toBe('');
    expect(
      chartModel(
        [{ id: 'a', label: 'a', colour: '#000', unit: 'tonnes', points: pts([null]) }],
        2000,
      ),
    ).toBeNull();
  });

  it('maps years and values into the chart box and marks the selected year only inside it', () => {
    const series = [
      {
        id: 'a',
        label: 'a',
        colour: '#000',
        unit: 'USD_million' as const,
        points: pts([10, null, 30]),
      },
    ];
    const m = chartModel(series, 2002)!;
    const { width, height, margin } = m.size;
    expect(m.x(2000)).toBe(margin.left);
    expect(m.x(2002)).toBe(width - margin.right);
    expect(m.y(0)).toBe(height - margin.bottom);
    expect(m.selectedX).toBe(width - margin.right);
    expect(chartModel(series, 1999)!.selectedX).toBeNull();
    expect(m.lines[0].path).toBe('');
    expect(m.lines[0].dots.map((d) => d.year)).toEqual([2000, 2002]);
  });

  it('draws the real trade series 1960–2020 as one unbroken line and rings the SUSPECT 2006 value', () => {
    const file = v.parse(
      TradeFileSchema,
      JSON.parse(readFileSync('public/generated/trade.json', 'utf8')),
    );
    const { series } = tradeSeries(file, 'NO');
    const model = chartModel(
      series.map((s) => ({
        id: s.direction,
        label: s.direction,
        colour: '#000',
        unit: s.unit,
        points: s.points,
      })),
      2006,
    )!;
    for (const line of model.lines) {
      expect(line.path.match(/M/g)).toHaveLength(1);
      expect(line.path.match(/L/g)).toHaveLength(60);
    }
    const flagged = model.lines.flatMap((l) => l.flagged);
    expect(flagged.map((f) => [f.year, f.flags])).toEqual([[2006, ['SUSPECT']]]);
    expect(tradeYears(file, 'SE')[0]).toBe(1960);
    expect(maxFlowValue(file, 'SE')).toBeGreaterThan(10_000);
  });

  it('charts a crossing’s sparse counts with the missing years as gaps', () => {
    const file = v.parse(
      CrossingsFileSchema,
      JSON.parse(readFileSync('public/generated/crossings.json', 'utf8')),
    );
    const series = crossingChartSeries(crossingHistory(file, 'svinesund-e6'), 'svinesund-e6');
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) {
      const known = s.points.filter((p) => p.value !== null).length;
      expect(known).toBeGreaterThanOrEqual(2);
      // Consecutive years, nulls in between: no line bridges an unobserved year.
      s.points.forEach((p, i) => i > 0 && expect(p.year).toBe(s.points[i - 1].year + 1));
    }
  });
});

describe('flow arrows', () => {
  it('scales width with the value, zero and missing values draw nothing', () => {
    expect(flowWidth(50, 100)).toBe(MAX_FLOW_WIDTH_M / 2);
    expect(flowWidth(null, 100)).toBe(0);
    expect(flowWidth(0, 100)).toBe(0);
    expect(flowWidth(10, 0)).toBe(0);
  });

  it('bends the two directions to opposite sides so they never overlap', () => {
    const a = flowShape('SE-NO', 20_000);
    const b = flowShape('NO-SE', 20_000);
    // SE→NO runs west and bends north (right of travel); NO→SE bends south.
    expect(a.mid[1]).toBeGreaterThan(b.mid[1] + 0.5);
    expect(a.path[0][0]).toBeGreaterThan(a.path.at(-1)![0]);
    expect(b.path[0][0]).toBeLessThan(b.path.at(-1)![0]);
    // The arrowhead's tip is the end of the flow.
    expect(a.arrow[0][0]).toBeLessThan(a.path.at(-1)![0]);
  });
});
