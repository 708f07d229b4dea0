import { describe, expect, it } from 'vitest';
import {
  decodeStoryLink,
  encodeStoryLink,
  isValidSlideView,
  readStoryFile,
  storyPayloadFromHash,
  writeStoryFile,
  MAX_FILE_CHARS,
  MAX_LINK_CHARS,
} from '../../src/lib/state/storyFile';
import { defaultView, viewFromSearch, viewToSearch } from '../../src/lib/state/viewState';
import {
  duplicateSlide,
  fromBase64Url,
  moveItem,
  plainText,
  toBase64Url,
  type Story,
} from '../../src/lib/domain/stories';

const base = defaultView('sv');
const viewA = viewToSearch({ ...base, camera: { lon: 11.39, lat: 59.12, zoom: 8 } });
const viewB = viewToSearch({
  ...base,
  lang: 'nb',
  layers: ['boundaries'],
  level: 'county',
  era: '2020',
  year: 2017,
  selection: { kind: 'area', area: { country: 'NO', level: 'county', code: '30', era: '2020' } },
});

const story: Story = {
  id: 'story-1',
  title: 'Gränspendling – Eda och Eidskog',
  slides: [
    { id: 's1', title: 'Värmland & Innlandet', notes: 'Börja här.\nSedan norrut.', view: viewA },
    { id: 's2', title: 'Viken 2020 (fylke 30)', notes: '', view: viewB },
  ],
};

function file(stories: unknown, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ format: 'gransatlas-stories', version: 1, stories, ...extra });
}

describe('story file', () => {
  it('round-trips stories through the JSON file', () => {
    const result = readStoryFile(writeStoryFile([story]));
    expect(result).toEqual({ ok: true, value: [story] });
  });

  it('restores each slide view exactly through the URL parser', () => {
    const result = readStoryFile(writeStoryFile([story]));
    if (!result.ok) throw new Error(result.error);
    const restored = viewFromSearch(result.value[0].slides[1].view, defaultView('en'));
    expect(restored.era).toBe('2020');
    expect(restored.selection).toEqual(story.slides[1] && viewFromSearch(viewB, base).selection);
    expect(restored.lang).toBe('nb');
  });

  it('fills in missing notes', () => {
    const slides = [{ id: 'a', title: 'A', view: viewA }];
    const result = readStoryFile(file([{ id: 'x', title: 'X', slides }]));
    expect(result.ok && result.value[0].slides[0].notes).toBe('');
  });

  it.each([
    ['bad JSON', '{"format": "gransatlas-stories", ', 'json'],
    ['not an object', '[1, 2]', 'format'],
    ['another format', JSON.stringify({ format: 'geojson', version: 1, stories: [] }), 'format'],
    ['a newer version', file([], { version: 2 }), 'version'],
    ['an unknown top-level field', file([], { extra: true }), 'schema'],
    [
      'an unknown slide field',
      file([{ id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: viewA, html: '<b>' }] }]),
      'schema',
    ],
    ['a non-string title', file([{ id: 'x', title: 42, slides: [] }]), 'schema'],
    ['a bad id', file([{ id: '../../etc', title: 'X', slides: [] }]), 'schema'],
    [
      'a script in a title',
      file([{ id: 'x', title: '<script>alert(1)</script>', slides: [] }]),
      'markup',
    ],
    [
      'an image tag in a slide title',
      file([
        {
          id: 'x',
          title: 'X',
          slides: [{ id: 'a', title: '<img src=x onerror=alert(1)>', view: viewA }],
        },
      ]),
      'markup',
    ],
    ['a control character', file([{ id: 'x', title: 'a\u0000b', slides: [] }]), 'schema'],
    [
      'a view that is not a query',
      file([
        { id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: 'javascript:alert(1)' }] },
      ]),
      'schema',
    ],
    [
      'a view with a bad year',
      file([{ id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: '?y=abc' }] }]),
      'view',
    ],
    [
      'a view with an unknown parameter',
      file([{ id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: `${viewA}&evil=1` }] }]),
      'view',
    ],
    [
      'a view with an unknown layer',
      file([
        { id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: '?layers=boundaries,x' }] },
      ]),
      'view',
    ],
    [
      'too many stories',
      file(Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, title: 'T', slides: [] }))),
      'schema',
    ],
  ])('rejects %s', (_name, text, code) => {
    expect(readStoryFile(text)).toEqual({ ok: false, error: code });
  });

  it('rejects an oversize file before parsing it', () => {
    expect(readStoryFile(' '.repeat(MAX_FILE_CHARS + 1))).toEqual({ ok: false, error: 'size' });
  });

  it('accepts a title with a plain "<" in it', () => {
    const result = readStoryFile(file([{ id: 'x', title: 'Pendling < 5 km', slides: [] }]));
    expect(result.ok).toBe(true);
  });
});

describe('slide views', () => {
  it('accepts what the view writes, and partial queries', () => {
    expect(isValidSlideView(viewA)).toBe(true);
    expect(isValidSlideView(viewB)).toBe(true);
    expect(isValidSlideView('?lang=en')).toBe(true);
  });

  it('rejects the embed flag, duplicates and out-of-range values', () => {
    expect(isValidSlideView(`${viewA}&embed=1`)).toBe(false);
    expect(isValidSlideView('?lang=en&lang=sv')).toBe(false);
    expect(isValidSlideView('?c=500,60,5')).toBe(false);
    expect(isValidSlideView('lang=en')).toBe(false);
  });
});

describe('share link', () => {
  it('round-trips a story with non-ASCII text', () => {
    const payload = encodeStoryLink(story);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStoryLink(payload!)).toEqual({ ok: true, value: story });
  });

  it('reads the payload from the hash only in its exact form', () => {
    expect(storyPayloadFromHash('#story=abc_-')).toBe('abc_-');
    expect(storyPayloadFromHash('#other=1')).toBeNull();
    expect(storyPayloadFromHash('')).toBeNull();
  });

  it('rejects broken, truncated, hostile and oversize payloads', () => {
    const payload = encodeStoryLink(story)!;
    expect(decodeStoryLink(payload.slice(0, payload.length - 7)).ok).toBe(false);
    expect(decodeStoryLink('not base64!')).toEqual({ ok: false, error: 'link' });
    expect(decodeStoryLink('A'.repeat(MAX_LINK_CHARS + 4))).toEqual({ ok: false, error: 'size' });
    const hostile = toBase64Url(file([{ ...story, title: '<svg onload=alert(1)>' }]));
    expect(decodeStoryLink(hostile)).toEqual({ ok: false, error: 'markup' });
    const two = toBase64Url(file([story, { ...story, id: 'story-2' }]));
    expect(decodeStoryLink(two)).toEqual({ ok: false, error: 'link' });
  });

  it('refuses a story too long for a link', () => {
    const long: Story = {
      ...story,
      slides: Array.from({ length: 100 }, (_, i) => ({
        id: `s${i}`,
        title: 'x'.repeat(200),
        notes: '',
        view: viewA,
      })),
    };
    expect(encodeStoryLink(long)).toBeNull();
  });
});

describe('base64url', () => {
  it('round-trips UTF-8 and rejects invalid input', () => {
    for (const text of ['', 'a', 'Gränsatlas åäö øæ', '{"a":[1,2]}', '🗺️']) {
      expect(fromBase64Url(toBase64Url(text))).toBe(text);
    }
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('__8')).toBeNull(); // 0xff 0xff: not UTF-8
  });
});

describe('slide list operations', () => {
  it('moves, clamps and duplicates without changing the input', () => {
    const items = ['a', 'b', 'c'];
    expect(moveItem(items, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(items, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(items, 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(items, 5, 0)).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c']);
    const copied = duplicateSlide(story.slides, 0, 'copy');
    expect(copied.map((s) => s.id)).toEqual(['s1', 'copy', 's2']);
    expect(copied[1].title).toBe(story.slides[0].title);
  });
});

describe('typed titles', () => {
  it('never store anything tag-like, so a saved story is always importable', () => {
    expect(plainText('<script>alert(1)</script>')).toBe('‹script>alert(1)‹/script>');
    expect(plainText('Pendling < 5 km, <b>fet</b>')).toBe('Pendling < 5 km, ‹b>fet‹/b>');
    const title = plainText('<img src=x onerror=alert(1)> Eda');
    const result = readStoryFile(file([{ id: 'x', title, slides: [] }]));
    expect(result.ok).toBe(true);
  });
});

describe('embed flag', () => {
  it('is read only from embed=1, written only when on, and never part of a slide', () => {
    expect(viewFromSearch('?embed=1', base).embed).toBe(true);
    expect(viewFromSearch('?embed=true', base).embed).toBeUndefined();
    expect(viewToSearch({ ...base, embed: true })).toMatch(/&embed=1$/);
    expect(viewToSearch(base)).not.toContain('embed');
    expect(viewFromSearch(viewToSearch({ ...base, embed: true }), base)).toEqual({
      ...base,
      embed: true,
    });
  });
});
