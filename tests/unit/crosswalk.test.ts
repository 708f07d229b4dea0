import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  indexCrosswalk,
  noCodeIn2024,
  noCodesIn2020,
  type NoCrosswalk,
} from '../../src/lib/domain/crosswalk';

const FILE = path.resolve(__dirname, '../../public/generated/crosswalk-no-2020-2024.json');

function load(): NoCrosswalk {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run npm run data first`);
  return JSON.parse(readFileSync(FILE, 'utf8')) as NoCrosswalk;
}

describe('Norwegian crosswalk 2020 -> 2024 (derived from boundaries)', () => {
  const entry = (level: 'county' | 'municipality', from: string) =>
    load().entries.find((e) => e.level === level && e.from === from);

  it.each([
    ['municipality', '3001', ['3101'], 'renumbered'],
    ['municipality', '0301', ['0301'], 'unchanged'],
    ['municipality', '1507', ['1508', '1580'], 'split'],
    ['municipality', '5401', ['5501'], 'renumbered'],
    ['municipality', '3801', ['3901'], 'renumbered'],
    ['county', '30', ['31', '32', '33'], 'split'],
    ['county', '54', ['55', '56'], 'split'],
    ['county', '38', ['39', '40'], 'split'],
    ['county', '34', ['34'], 'unchanged'],
  ] as const)('%s %s -> %j (%s)', (level, from, to, kind) => {
    expect(entry(level, from)).toEqual({ level, from, to: [...to], kind });
  });

  it('covers every 2020 kommune and fylke', () => {
    const entries = load().entries;
    expect(entries.filter((e) => e.level === 'municipality')).toHaveLength(356);
    expect(entries.filter((e) => e.level === 'county')).toHaveLength(11);
  });

  it('applies through noCodeIn2024 / noCodesIn2020', () => {
    const index = indexCrosswalk(load());
    expect(noCodeIn2024(index, '3001', 'municipality')).toEqual(['3101']);
    expect(noCodeIn2024(index, '30', 'county')).toEqual(['31', '32', '33']);
    expect(noCodeIn2024(index, '9999', 'municipality')).toEqual([]);
    expect(noCodesIn2020(index, '1580', 'municipality')).toEqual(['1507']);
    expect(noCodesIn2020(index, '31', 'county')).toEqual(['30']);
  });
});

describe('noCodeIn2024 on a fixture', () => {
  const index = indexCrosswalk({
    fromEra: '2020',
    toEra: '2024',
    entries: [
      { level: 'municipality', from: '0301', to: ['0301'], kind: 'unchanged' },
      { level: 'county', from: '03', to: ['03'], kind: 'unchanged' },
    ],
  });
  it('keeps levels apart', () => {
    expect(noCodeIn2024(index, '0301', 'municipality')).toEqual(['0301']);
    expect(noCodeIn2024(index, '0301', 'county')).toEqual([]);
  });
});
