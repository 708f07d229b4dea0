import { describe, expect, it } from 'vitest';
import {
  GazetteerRowSchema,
  PartnerRowSchema,
  ProjectRowSchema,
  parseCsvRows,
} from '../../scripts/projects/build';
import { parseProjectsFile } from '../../src/lib/data/projects';
import { loadRealProjectsJson, loadRealRows, readData } from './projects-fixture';

/** Replaces one cell of a CSV (by row id and column name) and returns the new text. */
function withCell(csv: string, id: string, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0].split(',');
  const col = header.indexOf(column);
  const i = lines.findIndex((l) => l.startsWith(`${id},`));
  // Only used on rows whose cells before `column` contain no quoted commas.
  const cells = lines[i].split(',');
  cells[col] = value;
  lines[i] = cells.join(',');
  return lines.join('\n');
}

describe('project CSV schemas', () => {
  it('accept the curated files as they are', () => {
    const rows = loadRealRows();
    expect(rows.projects).toHaveLength(143);
    expect(rows.partners.length).toBeGreaterThan(250);
    expect(rows.gazetteer.length).toBeGreaterThan(90);
  });

  it('keep blank money blank, not zero', () => {
    const { projects } = loadRealRows();
    const imtris = projects.find((p) => p.id === 'se-no-2014-002');
    expect(imtris?.budget_total_eur).toBeNull();
    expect(imtris?.eu_funding_eur).toBeNull();
    const gdr = projects.find((p) => p.id === 'se-no-2014-004');
    expect(gdr?.budget_total_eur).toBe(2900000);
    expect(gdr?.uncertain).toBe(true);
  });

  it('report a broken project row by line, id and field', () => {
    // Green Drive Region is the 7th data row: line 8 of the file.
    const csv = withCell(
      readData('projects.csv'),
      'se-no-2014-004',
      'budget_total_eur',
      '2.9 MEUR',
    );
    const result = parseCsvRows('projects.csv', csv, ProjectRowSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^projects\.csv line 8 \(se-no-2014-004\), field budget_total_eur: /,
    );
  });

  it('report a bad period and a bad country in the same pass', () => {
    let csv = withCell(readData('projects.csv'), 'se-no-2007-001', 'period', '2007-13');
    csv = withCell(csv, 'se-no-2007-002', 'lead_country', 'DK');
    const result = parseCsvRows('projects.csv', csv, ProjectRowSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/line 2 \(se-no-2007-001\), field period/);
    expect(result.errors.join('\n')).toMatch(/line 3 \(se-no-2007-002\), field lead_country/);
  });

  it('reject a partner with an unknown role and a gazetteer municipality without codes', () => {
    const partners = parseCsvRows(
      'partners.csv',
      'project_id,seq,town,country,organisation,role,role_text,source_text\nse-no-2007-001,1,Karlstad,SE,X,lead,,Karlstad (SE)\n',
      PartnerRowSchema,
    );
    expect(partners.ok ? [] : partners.errors).toEqual([
      expect.stringMatching(/^partners\.csv line 2 \(se-no-2007-001\), field role: /),
    ]);
    const gazetteer = parseCsvRows(
      'gazetteer.csv',
      'town,country,level,municipality_code_2020,municipality_code_2024,county_code_2020,county_code_2024,lon,lat,precision,coord_source,note\nHamar,NO,municipality,3403,,,,11.07,60.79,place,geonames:3154084,\n',
      GazetteerRowSchema,
    );
    expect(gazetteer.ok).toBe(false);
  });
});

describe('projects.json schema', () => {
  it('parses the built file and resolves places into points', () => {
    const parsed = parseProjectsFile(loadRealProjectsJson());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const finnskog = parsed.value.projects.find((p) => p.id === 'se-no-2007-001');
    expect(finnskog?.lead?.town).toBe('Hamar');
    expect(finnskog?.lead?.lon).toBeCloseTo(11.07, 1);
    expect(finnskog?.partners.map((x) => x.place?.town)).toEqual(['Karlstad', 'Torsby']);
    expect(parsed.value.attribution.length).toBeGreaterThan(0);
  });

  it('rejects a wrong period and a dangling place index, saying where', () => {
    const file = structuredClone(loadRealProjectsJson());
    file.projects[0].period = '2007-13' as never;
    const bad = parseProjectsFile(file);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/projects\.0\.period/);

    const dangling = structuredClone(loadRealProjectsJson());
    dangling.projects[0].lead = 9999;
    const r = parseProjectsFile(dangling);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`${dangling.projects[0].id} lead: no place 9999`);
  });
});
