import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assembleProjectsFile, makeGazetteer } from '../../scripts/projects/build';
import { splitPartners } from '../../scripts/projects/import-facts';
import { byId, loadRealRows } from './projects-fixture';

function gazetteer() {
  const g = makeGazetteer(loadRealRows().gazetteer);
  if (!g.ok) throw new Error(g.errors.join('\n'));
  return g.value;
}

describe('gazetteer resolution', () => {
  it('resolves every lead and partner town of every project', () => {
    const rows = loadRealRows();
    const result = assembleProjectsFile(rows.projects, rows.partners, gazetteer());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reports an unknown town with the project id and the town', () => {
    const rows = loadRealRows();
    const partners = [
      ...rows.partners,
      {
        project_id: 'se-no-2007-001',
        seq: 3,
        town: 'Atlantis',
        country: 'NO' as const,
        organisation: null,
        role: 'partner' as const,
        role_text: null,
        source_text: 'Atlantis (NO)',
      },
    ];
    const projects = rows.projects.map((p) =>
      p.id === 'se-no-2014-004' ? { ...p, lead_town: 'Karlstadt' } : p,
    );
    const result = assembleProjectsFile(projects, partners, gazetteer());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain(
      'se-no-2007-001: partner 3 town "Atlantis" (NO) is not in gazetteer.csv',
    );
    expect(result.errors).toContain(
      'se-no-2014-004: lead town "Karlstadt" (SE) is not in gazetteer.csv',
    );
  });

  it('does not resolve a town in the wrong country', () => {
    expect(gazetteer().resolve('Hamar', 'SE')).toHaveProperty('error');
  });

  it('gives Norwegian municipalities their 2020 and 2024 codes', () => {
    const sarpsborg = byId('se-no-2007-003').lead;
    expect(sarpsborg?.municipality).toEqual({ '2020': '3003', '2024': '3105' });
    expect(sarpsborg?.county).toEqual({ '2020': '30', '2024': '31' });
    // Hamar kept its code when Innlandet was formed in 2020.
    expect(byId('se-no-2007-001').lead?.municipality).toEqual({ '2020': '3403', '2024': '3403' });
    // Karlstad: Swedish codes are stable.
    expect(byId('se-no-2007-002').lead?.municipality).toEqual({ '2020': '1780', '2024': '1780' });
  });

  it('resolves a region partner to a county with a point, not to a municipality', () => {
    const akershus = byId('se-no-2014-030').partners[0].place;
    expect(akershus?.level).toBe('county');
    expect(akershus?.municipality).toBeNull();
    expect(akershus?.county).toEqual({ '2020': '30', '2024': '32' });
  });

  it('uses codes that exist in the era they are written for', () => {
    const NO_2020 = ['03', '11', '15', '18', '30', '34', '38', '42', '46', '50', '54'];
    const NO_2024 = [
      '03',
      '11',
      '15',
      '18',
      '31',
      '32',
      '33',
      '34',
      '39',
      '40',
      '42',
      '46',
      '50',
      '55',
      '56',
    ];
    for (const place of gazetteer().places) {
      expect(place.lon, place.town).toBeGreaterThan(4);
      expect(place.lon, place.town).toBeLessThan(32);
      expect(place.lat, place.town).toBeGreaterThan(55);
      expect(place.lat, place.town).toBeLessThan(72);
      if (place.country === 'NO') {
        expect(NO_2020, place.town).toContain(place.county['2020']);
        expect(NO_2024, place.town).toContain(place.county['2024']);
      } else {
        expect(place.county['2020'], place.town).toBe(place.county['2024']);
      }
    }
  });
});

const FACTS = resolve(import.meta.dirname, '../../../shared/data/facts/projects.csv');

describe('partners.csv against the facts file', () => {
  it.skipIf(!existsSync(FACTS))('keeps every partner item of the source text', () => {
    const facts = Papa.parse<Record<string, string>>(readFileSync(FACTS, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const { partners, projects } = loadRealRows();
    for (const f of facts) {
      const items = f.partner_towns.split('; ').filter(Boolean);
      const kept = new Set(partners.filter((x) => x.project_id === f.id).map((x) => x.source_text));
      const note = projects.find((p) => p.id === f.id)?.partners_note ?? '';
      for (const item of items) {
        const inNote = note.includes(item.replace(/^\(|\)$/g, ''));
        expect(kept.has(item) || inNote, `${f.id}: ${item}`).toBe(true);
      }
    }
  });
});

describe('splitting partner text', () => {
  it('reads town, country, organisation and role', () => {
    const { partners } = splitPartners(
      'x',
      'Hamar (NO, Fylkesmannen i Hedmark – NO owner); Trysil (NO); Gammelkroppa (Filipstad, SE); (NO co-owner: Blender Collective)',
    );
    expect(partners.map((p) => [p.town, p.country, p.organisation, p.role])).toEqual([
      ['Hamar', 'NO', 'Fylkesmannen i Hedmark', 'co-owner'],
      ['Trysil', 'NO', '', 'partner'],
      ['Gammelkroppa (Filipstad)', 'SE', '', 'partner'],
      ['', 'NO', 'Blender Collective', 'co-owner'],
    ]);
  });

  it('keeps a dash inside an organisation name that is not a role', () => {
    const { partners } = splitPartners(
      'x',
      'Trondheim (NO, KBT – Kompetansesenter for brukererfaring og tjenesteutvikling – co-owner)',
    );
    expect(partners[0].organisation).toBe(
      'KBT – Kompetansesenter for brukererfaring og tjenesteutvikling',
    );
    expect(partners[0].role).toBe('co-owner');
  });

  it('turns "partner not stated" into a note, not an invented partner', () => {
    const r = splitPartners('x', '(SE partner in Bohuslän not stated)');
    expect(r.partners).toEqual([]);
    expect(r.notes).toEqual(['SE partner in Bohuslän not stated']);
  });
});
