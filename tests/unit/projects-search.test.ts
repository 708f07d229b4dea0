import { describe, expect, it } from 'vitest';
import { SEARCH_RANK, foldProjectText, searchProjects } from '../../src/lib/domain/projects';
import { realProjects } from './projects-fixture';

const search = (q: string, limit = 200) => searchProjects(realProjects(), q, limit);
const rankOf = (q: string, id: string) => search(q).find((h) => h.project.id === id)?.rank;

describe('project search', () => {
  it('"laks" finds Vänerlaxens fria gång (Norwegian spelling, Swedish name)', () => {
    const hits = search('laks');
    expect(hits[0]?.project.name).toBe('Vänerlaxens fria gång');
  });

  it('ignores case and diacritics: "malmo" = "Malmö", "orje" finds Ørje, "ostersund" Östersund', () => {
    expect(foldProjectText('Malmö')).toBe(foldProjectText('malmo'));
    expect(search('orje').map((h) => h.project.id)).toContain('se-no-2021-012'); // ABC, Marker kommune
    const ost = search('ostersund').map((h) => h.project.id);
    expect(ost).toContain('se-no-2014-025'); // Green Flyway, Östersunds kommun
  });

  it('ranks an exact acronym above a name that starts with it', () => {
    const hits = search('CriseIT');
    expect(hits[0].project.id).toBe('se-no-2014-006');
    expect(hits[0].rank).toBe(SEARCH_RANK.acronymExact);
    expect(rankOf('CriseIT', 'se-no-2014-019')).toBe(SEARCH_RANK.namePrefix); // CriseIT 2
  });

  it('ranks name prefix > word prefix in the name > substring', () => {
    expect(rankOf('skog', 'se-no-2014-026')).toBe(SEARCH_RANK.namePrefix); // Skogsjobb i gränslandet
    expect(rankOf('skog', 'se-no-2021-003')).toBe(SEARCH_RANK.nameWordPrefix); // Gränslös arbetskraft till skogs
    expect(rankOf('flyway', 'se-no-2014-025')).toBe(SEARCH_RANK.nameWordPrefix); // Green Flyway
    expect(rankOf('laks', 'se-no-2007-002')).toBe(SEARCH_RANK.nameSubstring);
    const ranks = search('skog').map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const ids = search('skog').map((h) => h.project.id);
    expect(ids.indexOf('se-no-2014-026')).toBeLessThan(ids.indexOf('se-no-2021-003'));
  });

  it('finds projects by partner organisation and by town', () => {
    const inspiria = search('Inspiria').map((h) => h.project.id);
    expect(inspiria).toEqual(
      expect.arrayContaining(['se-no-2021-005', 'se-no-2021-008', 'se-no-2021-013']),
    );
    expect(rankOf('Inspiria', 'se-no-2021-005')).toBe(SEARCH_RANK.placeOrOrganisationWordPrefix);
    expect(search('Hamar').map((h) => h.project.id)).toContain('se-no-2007-001'); // led from Hamar
  });

  it('matches all words across fields when the phrase is nowhere', () => {
    expect(rankOf('svinesund halden', 'se-no-2014-027')).toBe(SEARCH_RANK.allWords);
    expect(search('svinesund atlantis')).toEqual([]);
  });

  it('breaks ties by newest period: two projects are called SOURCE', () => {
    const hits = search('source').filter((h) => h.rank === SEARCH_RANK.acronymExact);
    expect(hits.map((h) => h.project.id)).toEqual(['se-no-2021-060', 'se-no-2014-054']);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(search('  ')).toEqual([]);
    expect(searchProjects(realProjects(), 'a', 5)).toHaveLength(5);
  });
});
