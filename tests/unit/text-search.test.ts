import { describe, expect, it } from 'vitest';
import { foldText, searchItems } from '../../src/lib/domain/textSearch';

describe('text search', () => {
  it('folds Scandinavian letters and accents', () => {
    expect(foldText('Ørje')).toBe('orje');
    expect(foldText('Malmö')).toBe('malmo');
    expect(foldText('Bærum')).toBe('baerum');
    expect(foldText('Årjäng')).toBe('arjang');
    expect(foldText('Guovdageaidnu - Kautokeino')).toBe('guovdageaidnu - kautokeino');
  });

  const places = [
    'Arvika',
    'Årjäng',
    'Karlstad',
    'Hammarö',
    'Halden',
    'Guovdageaidnu - Kautokeino',
  ];
  const search = (q: string) => searchItems(places, q, (p) => [p]);

  it('ranks exact over prefix over word prefix over substring', () => {
    // Ties are in Swedish alphabetical order (Å sorts after Z).
    expect(search('ar')).toEqual(['Arvika', 'Årjäng', 'Hammarö', 'Karlstad']);
    expect(search('hal')).toEqual(['Halden']);
    expect(search('kautokeino')).toEqual(['Guovdageaidnu - Kautokeino']);
    expect(search('arjang')).toEqual(['Årjäng']);
  });

  it('finds nothing for an empty query or no match', () => {
    expect(search('   ')).toEqual([]);
    expect(search('xyz')).toEqual([]);
  });
});
