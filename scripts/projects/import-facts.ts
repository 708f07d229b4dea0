/**
 * One-off, reproducible import of the hand-transcribed facts file into the curated project
 * dataset: writes data/projects/projects.csv (one row per project, uncertain flag added from
 * PROJECTS-TRADE-NOTES.md) and data/projects/partners.csv (the free-text `partner_towns`
 * split into one row per partner, each keeping its source text).
 *
 * Run: npx tsx scripts/projects/import-facts.ts [path/to/facts/projects.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';

type Country = 'SE' | 'NO';

interface FactRow {
  id: string;
  name: string;
  acronym: string;
  programme: string;
  period: string;
  start: string;
  end: string;
  lead_partner: string;
  lead_town: string;
  lead_country: string;
  partner_towns: string;
  budget_total_eur: string;
  eu_funding_eur: string;
  theme: string;
  summary: string;
  source_url: string;
}

export interface PartnerRow {
  project_id: string;
  seq: number;
  town: string;
  country: Country | '';
  organisation: string;
  role: 'co-owner' | 'partner' | 'co-funder';
  role_text: string;
  source_text: string;
}

const EXTRACT_URL_PART = 'bjoottG/interregbarometern';

/** Reasons from PROJECTS-TRADE-NOTES.md §1 and §1b, by project id. */
const UNCERTAIN: Record<string, string[]> = {
  'se-no-2014-004': ['total budget computed from rounded SE (1.8 MEUR) + NO (1.1 MEUR) budgets'],
  'se-no-2014-007': [
    'end date conflict: programme page 2019-03-31, Karlstad municipality 2020-12-31 (extension)',
  ],
  'se-no-2014-008': ['total budget approximate ("ca 1.4 MEUR")'],
  'se-no-2014-009': ['end date conflict: programme page 2021-12-31 (extended), keep.eu 2020-03-13'],
  'se-no-2014-050': ['total budget approximate (1.5 MEUR as published)'],
  'se-no-2014-056': ['no named or town-located Swedish owner in the cited page'],
  'se-no-2014-057': ['no named or town-located Swedish owner in the cited page'],
  'se-no-2021-031': ['end date conflict: cited page 2023-12-31, Tillväxtverket extract 2024-01-31'],
  'se-no-2021-032': ['end date conflict: cited page 2023-11-30, Tillväxtverket extract 2023-09-30'],
  'se-no-2021-041': [
    'programme uncertain: the VGR page says Interreg Europe, the Tillväxtverket extract files it under Sverige-Norge',
  ],
  'se-no-2021-055': ['end date conflict: 2026-02-12 cited, interreg.no shows 2026-03-12'],
  'se-no-2021-060': ['ERDF conflict: 909,904 EUR per Peak Innovation, 939,904 EUR in the extract'],
  'se-no-2007-012': ['weak row: title-level content only'],
  'se-no-2007-018': ['weak row: title-level content only'],
};
const WEAK_NAMES = [
  'Commsec',
  'FRAGI',
  'SENAVIS',
  'Gränslös kompetens',
  'Smartmat',
  'Potential Skagerrak',
  'Hexagon',
  'TRÅD',
  'GränsENERGI',
  'Circularity in Central Scandinavia',
  'MAT',
  'Macho',
];

function uncertainty(r: FactRow): string[] {
  const reasons = [...(UNCERTAIN[r.id] ?? [])];
  const weakByName = WEAK_NAMES.some(
    (w) => r.name === w || r.acronym === w || r.name.startsWith(`${w} –`),
  );
  const feasibility2021 = r.period === '2021-2027' && /^(Feasibility study|Förstudie)/.test(r.name);
  if (weakByName || (feasibility2021 && r.source_url.includes(EXTRACT_URL_PART)))
    reasons.push('weak row: title-level content only');
  if (r.source_url.includes(EXTRACT_URL_PART))
    reasons.push(
      'only source is a third-party copy of the Tillväxtverket partner extract; Norwegian co-owner not known',
    );
  return reasons;
}

const ROLE_TEXTS: Record<string, PartnerRow['role']> = {
  'co-owner': 'co-owner',
  'co-lead': 'co-owner',
  'NO owner': 'co-owner',
  'co-owner, project lead': 'co-owner',
  'co-commissioner': 'partner',
  'project management': 'partner',
};

/** Items that do not follow `Town (CC, Organisation – role)` and are mapped by hand. */
const SPECIAL: Record<string, Array<Omit<PartnerRow, 'project_id' | 'seq' | 'source_text'>>> = {
  'Innlandet/Akershus/Buskerud/Østfold fk and Region Värmland/Dalarna co-fund': [
    ...['Innlandet', 'Akershus', 'Buskerud', 'Østfold'].map((t) => ({
      town: t,
      country: 'NO' as const,
      organisation: `${t} fylkeskommune`,
      role: 'co-funder' as const,
      role_text: 'co-fund',
    })),
    ...['Värmland', 'Dalarna'].map((t) => ({
      town: t,
      country: 'SE' as const,
      organisation: `Region ${t}`,
      role: 'co-funder' as const,
      role_text: 'co-fund',
    })),
  ],
};

const NOT_STATED = /^\((SE|NO) partner( in .+)? not stated\)$/;

/** Splits one `partner_towns` cell; items that only say a partner is unknown go to `notes`. */
export function splitPartners(
  projectId: string,
  text: string,
): { partners: PartnerRow[]; notes: string[] } {
  const partners: PartnerRow[] = [];
  const notes: string[] = [];
  const items = text
    .split('; ')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    const push = (p: Omit<PartnerRow, 'project_id' | 'seq' | 'source_text'>) =>
      partners.push({ project_id: projectId, seq: partners.length + 1, ...p, source_text: item });
    if (SPECIAL[item]) {
      SPECIAL[item].forEach(push);
      continue;
    }
    if (NOT_STATED.test(item)) {
      notes.push(item.slice(1, -1));
      continue;
    }
    const orgOnly = /^\((SE|NO)(?: (co-owner))?: (.+)\)$/.exec(item);
    if (orgOnly) {
      push({
        town: '',
        country: orgOnly[1] as Country,
        organisation: orgOnly[3],
        role: orgOnly[2] ? 'co-owner' : 'partner',
        role_text: orgOnly[2] ?? '',
      });
      continue;
    }
    const m = /^(.+?) \((.+)\)$/.exec(item) ?? /^(.+)()$/.exec(item);
    if (!m) throw new Error(`${projectId}: cannot read partner item "${item}"`);
    let town = m[1];
    const parts = m[2] ? m[2].split(', ') : [];
    let country: Country | '' = '';
    let rest: string[] = parts;
    if (parts[0] === 'SE' || parts[0] === 'NO') {
      country = parts[0];
      rest = parts.slice(1);
    } else if (parts.length === 2 && (parts[1] === 'SE' || parts[1] === 'NO')) {
      // "Gammelkroppa (Filipstad, SE)": the first part names the municipality.
      town = `${town} (${parts[0]})`;
      country = parts[1];
      rest = [];
    }
    let organisation = rest.join(', ');
    let roleText = '';
    const roleAt = organisation.lastIndexOf(' – ');
    if (roleAt >= 0 && organisation.slice(roleAt + 3) in ROLE_TEXTS) {
      roleText = organisation.slice(roleAt + 3);
      organisation = organisation.slice(0, roleAt);
    } else if (organisation in ROLE_TEXTS) {
      roleText = organisation;
      organisation = '';
    }
    if (organisation === 'partner not stated') {
      notes.push(`${country} partner in ${town} not stated`);
      organisation = '';
    }
    push({
      town,
      country,
      organisation,
      role: roleText ? ROLE_TEXTS[roleText] : 'partner',
      role_text: roleText,
    });
  }
  return { partners, notes };
}

function main(): void {
  const factsPath = resolve(process.argv[2] ?? '../shared/data/facts/projects.csv');
  const parsed = Papa.parse<FactRow>(readFileSync(factsPath, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors));
  const projects: Record<string, string>[] = [];
  const partners: PartnerRow[] = [];
  for (const r of parsed.data) {
    const split = splitPartners(r.id, r.partner_towns);
    partners.push(...split.partners);
    const reasons = uncertainty(r);
    const { partner_towns: _dropped, ...rest } = r;
    projects.push({
      ...rest,
      partners_note: split.notes.join('; '),
      uncertain: reasons.length ? 'true' : 'false',
      uncertain_note: reasons.join('; '),
    });
  }
  writeFileSync(
    resolve('data/projects/projects.csv'),
    Papa.unparse(projects, { newline: '\n' }) + '\n',
  );
  writeFileSync(
    resolve('data/projects/partners.csv'),
    Papa.unparse(partners, { newline: '\n' }) + '\n',
  );
  console.log(`import-facts: ${projects.length} projects, ${partners.length} partners`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
