import { describe, expect, it } from 'vitest';
import { commutingSettings, type CommutingSettings } from '../../src/lib/layers/commuting/settings';
import { defaultView, viewFromSearch, viewToSearch } from '../../src/lib/state/viewState';

const { defaults, read, write } = commutingSettings;

function roundTrip(s: CommutingSettings): CommutingSettings {
  const params = new URLSearchParams();
  write(s, params);
  return read(new URLSearchParams(params.toString()), defaults);
}

describe('commuting settings in the URL', () => {
  it('round-trips every field', () => {
    const s: CommutingSettings = {
      direction: 'SE->NO',
      scope: 'all',
      minPersons: 250,
      level: 'county',
      measure: 'nordic-mobility-employees',
      topN: 25,
      animate: true,
    };
    expect(roundTrip(s)).toEqual(s);
    expect(roundTrip(defaults)).toEqual(defaults);
  });

  it('writes nothing for the defaults, so plain links stay short', () => {
    const params = new URLSearchParams();
    write(defaults, params);
    expect(params.toString()).toBe('');
  });

  it('falls back field by field on hostile or malformed values', () => {
    const hostile = new URLSearchParams({
      'commuting.dir': 'SE->NO<script>',
      'commuting.scope': 'everything',
      'commuting.min': '-5',
      'commuting.level': '__proto__',
      'commuting.measure': 'constructor',
      'commuting.top': '1e9',
      'commuting.anim': 'yes',
    });
    expect(read(hostile, defaults)).toEqual(defaults);
    const mixed = new URLSearchParams({ 'commuting.dir': 'NO->SE', 'commuting.top': '0' });
    expect(read(mixed, defaults)).toEqual({ ...defaults, direction: 'NO->SE' });
    const long = new URLSearchParams({ 'commuting.min': '9'.repeat(500) });
    expect(read(long, defaults).minPersons).toBe(0);
  });

  it('lives in the whole view’s URL next to the other layers', () => {
    const view = defaultView('sv');
    view.settings.commuting = { ...view.settings.commuting, direction: 'NO->SE', topN: 10 };
    const search = viewToSearch(view);
    expect(search).toContain('commuting.dir=NO-%3ESE');
    expect(viewFromSearch(search, defaultView('sv')).settings.commuting).toEqual(
      view.settings.commuting,
    );
  });
});
