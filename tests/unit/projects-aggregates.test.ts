import { describe, expect, it } from 'vitest';
import { aggregateProjects, projectLinks, type Project } from '../../src/lib/domain/projects';
import { byId, readData, realProjects } from './projects-fixture';
import Papa from 'papaparse';

function withFunding(p: Project, id: string, euFundingEur: number | null): Project {
  return { ...p, id, euFundingEur };
}

describe('project aggregates', () => {
  it('does not sum blank EU funding as zero: it is counted apart', () => {
    const base = byId('se-no-2007-002'); // led from Karlstad
    const two = [withFunding(base, 'a', 100_000), withFunding(base, 'b', null)];
    const { areas } = aggregateProjects(two, { level: 'municipality', noEra: '2024' });
    expect(areas).toHaveLength(1);
    expect(areas[0]).toMatchObject({
      key: 'SE-municipality-1780-se',
      projects: 2,
      euFundingEur: 100_000,
      euFundingReported: 1,
      euFundingUnreported: 1,
    });
  });

  it('counts Karlstad-led projects as the CSV lists them', () => {
    const rows = Papa.parse<Record<string, string>>(readData('projects.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r.lead_town === 'Karlstad');
    const reported = rows.filter((r) => r.eu_funding_eur !== '');
    const { areas } = aggregateProjects(realProjects(), { level: 'municipality', noEra: '2024' });
    const karlstad = areas.find((a) => a.key === 'SE-municipality-1780-se');
    expect(karlstad?.projects).toBe(rows.length);
    expect(karlstad?.euFundingUnreported).toBe(rows.length - reported.length);
    expect(karlstad?.euFundingUnreported).toBeGreaterThan(0);
    expect(karlstad?.euFundingEur).toBe(reported.reduce((s, r) => s + Number(r.eu_funding_eur), 0));
  });

  it('keys Norwegian areas by the era asked for', () => {
    const sarpsborgLed = [byId('se-no-2007-003')];
    const m2020 = aggregateProjects(sarpsborgLed, { level: 'municipality', noEra: '2020' });
    const m2024 = aggregateProjects(sarpsborgLed, { level: 'municipality', noEra: '2024' });
    const c2024 = aggregateProjects(sarpsborgLed, { level: 'county', noEra: '2024' });
    expect(m2020.areas.map((a) => a.key)).toEqual(['NO-municipality-3003-2020']);
    expect(m2024.areas.map((a) => a.key)).toEqual(['NO-municipality-3105-2024']);
    expect(c2024.areas.map((a) => a.key)).toEqual(['NO-county-31-2024']);
  });

  it('lists projects without a stated lead town as unplaced instead of dropping them', () => {
    const { areas, unplaced } = aggregateProjects(realProjects(), {
      level: 'county',
      noEra: '2024',
    });
    expect(unplaced).toContain('se-no-2021-007'); // Civilisationen, town not stated
    const counted = areas.reduce((s, a) => s + a.projects, 0);
    expect(counted + unplaced.length).toBe(143); // lead mode: each project once
  });

  it('"involved" counts a project in every area of its lead and partners', () => {
    const finnskog = [byId('se-no-2007-001')]; // Hamar lead; Karlstad, Torsby partners
    const { areas } = aggregateProjects(finnskog, {
      level: 'municipality',
      noEra: '2024',
      by: 'involved',
    });
    expect(areas.map((a) => a.key).sort()).toEqual([
      'NO-municipality-3403-2024',
      'SE-municipality-1737-se',
      'SE-municipality-1780-se',
    ]);
    // A region partner (Innlandet) counts at county level only.
    const cba = [byId('se-no-2021-002')];
    const counties = aggregateProjects(cba, { level: 'county', noEra: '2024', by: 'involved' });
    expect(counties.areas.map((a) => a.key)).toContain('NO-county-34-2024');
    const munis = aggregateProjects(cba, { level: 'municipality', noEra: '2024', by: 'involved' });
    expect(munis.areas.map((a) => a.key)).not.toContain('NO-county-34-2024');
  });
});

describe('lead → partner links', () => {
  it('draws one line per distinct partner point, across the border where it is', () => {
    const links = projectLinks([byId('se-no-2007-002')]); // Karlstad → Hamar, Trysil, Engerdal
    expect(links.map((l) => l.partnerTown)).toEqual(['Hamar', 'Trysil', 'Engerdal']);
    expect(links.every((l) => l.crossBorder)).toBe(true);
    expect(links[0].from).toEqual([
      byId('se-no-2007-002').lead?.lon,
      byId('se-no-2007-002').lead?.lat,
    ]);
  });

  it('draws no line to the lead’s own town and none for partners without a town', () => {
    const links = projectLinks([byId('se-no-2021-010')]); // Strömstad lead; Halden, Strömstad
    expect(links.map((l) => l.partnerTown)).toEqual(['Halden']);
    expect(projectLinks([byId('se-no-2021-007')])).toEqual([]); // no lead town, NO partner without town
  });

  it('can keep only cross-border lines', () => {
    const all = projectLinks([byId('se-no-2014-023')]);
    const cross = projectLinks([byId('se-no-2014-023')], { crossBorderOnly: true });
    expect(cross.length).toBeLessThan(all.length);
    expect(cross.every((l) => l.partnerCountry === 'NO')).toBe(true);
  });
});
