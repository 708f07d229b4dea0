import { describe, expect, it } from 'vitest';
import { tradeSettings } from '../../src/lib/layers/trade/settings';
import { indicatorSettings, parseBreaks } from '../../src/lib/layers/indicator/settings';
import { defaultView, viewFromSearch, viewToSearch } from '../../src/lib/state/viewState';

const params = (s: string) => new URLSearchParams(s);

describe('trade settings in the URL', () => {
  it('round-trips non-default settings and writes nothing for the defaults', () => {
    const out = new URLSearchParams();
    tradeSettings.write(tradeSettings.defaults, out);
    expect(out.toString()).toBe('');
    const s = { reporter: 'NO', symbols: 'freight' } as const;
    tradeSettings.write(s, out);
    expect(tradeSettings.read(out, tradeSettings.defaults)).toEqual(s);
  });

  it('falls back per parameter on hostile values', () => {
    const read = tradeSettings.read(
      params('trade.reporter=<script>&trade.symbols=freight'),
      tradeSettings.defaults,
    );
    expect(read).toEqual({ reporter: 'SE', symbols: 'freight' });
    expect(
      tradeSettings.read(params(`trade.reporter=${'N'.repeat(500)}&trade.symbols=`), {
        reporter: 'NO',
        symbols: 'heavy',
      }),
    ).toEqual({ reporter: 'NO', symbols: 'heavy' });
  });
});

describe('indicator settings in the URL', () => {
  it('round-trips every field, including manual breaks with negatives and decimals', () => {
    const s = {
      id: 'ownership:SE-owned-in-NO:enterprises',
      method: 'manual' as const,
      classes: 7,
      palette: 'PuOr' as const,
      breaks: [-2.5, 0, 10, 100.25],
    };
    const out = new URLSearchParams();
    indicatorSettings.write(s, out);
    expect(indicatorSettings.read(params(out.toString()), indicatorSettings.defaults)).toEqual(s);
  });

  it('writes nothing for the defaults', () => {
    const out = new URLSearchParams();
    indicatorSettings.write(indicatorSettings.defaults, out);
    expect(out.toString()).toBe('');
  });

  it('ignores hostile or malformed values one parameter at a time', () => {
    const read = indicatorSettings.read(
      params(
        'indicator.id=%3Cimg%20src%3Dx%3E&indicator.method=kmeans&indicator.classes=99' +
          '&indicator.palette=RdYlGn&indicator.breaks=10_5_1',
      ),
      indicatorSettings.defaults,
    );
    expect(read).toEqual(indicatorSettings.defaults);
    expect(
      indicatorSettings.read(
        params('indicator.classes=1&indicator.breaks=1_NaN&indicator.method=jenks'),
        indicatorSettings.defaults,
      ),
    ).toEqual({ ...indicatorSettings.defaults, method: 'jenks' });
    expect(
      indicatorSettings.read(params('indicator.classes=3.5&indicator.breaks=Infinity'), {
        ...indicatorSettings.defaults,
        classes: 4,
      }).classes,
    ).toBe(4);
  });

  it('survives the whole view round trip', () => {
    const view = defaultView('sv');
    view.layers = ['boundaries', 'indicator', 'trade'];
    view.settings.indicator = {
      ...view.settings.indicator,
      id: 'interreg_all_partner_budget',
      method: 'jenks',
      classes: 4,
    };
    view.settings.trade = { reporter: 'NO', symbols: 'heavy' };
    const back = viewFromSearch(viewToSearch(view), defaultView('sv'));
    expect(back.settings.indicator).toEqual(view.settings.indicator);
    expect(back.settings.trade).toEqual(view.settings.trade);
  });
});

describe('manual breaks as typed', () => {
  it('accepts ascending numbers separated by spaces, commas or semicolons', () => {
    expect(parseBreaks('5 10 20')).toEqual([5, 10, 20]);
    expect(parseBreaks(' 1,2; 3 ')).toEqual([1, 2, 3]);
    expect(parseBreaks('-1 0.5')).toEqual([-1, 0.5]);
  });

  it('rejects empty, unordered, repeated, non-numeric and too many breaks', () => {
    for (const bad of ['', '10 5', '1 1', '1e3', 'abc', '1 2 3 4 5 6 7 8 9', '0x10']) {
      expect(parseBreaks(bad), bad).toBeNull();
    }
  });
});
