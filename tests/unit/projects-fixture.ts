/** The real curated project files, run through the same steps as the data build. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  GazetteerRowSchema,
  PartnerRowSchema,
  ProjectRowSchema,
  assembleProjectsFile,
  makeGazetteer,
  parseCsvRows,
} from '../../scripts/projects/build';
import { parseProjectsFile } from '../../src/lib/data/projects';
import type { Project } from '../../src/lib/domain/projects';

export const DATA_DIR = resolve(import.meta.dirname, '../../data/projects');
export const readData = (name: string) => readFileSync(resolve(DATA_DIR, name), 'utf8');

function unwrap<T>(r: { ok: true; value: T } | { ok: false; errors: string[] }): T {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

export function loadRealRows() {
  return {
    projects: unwrap(parseCsvRows('projects.csv', readData('projects.csv'), ProjectRowSchema)),
    partners: unwrap(parseCsvRows('partners.csv', readData('partners.csv'), PartnerRowSchema)),
    gazetteer: unwrap(parseCsvRows('gazetteer.csv', readData('gazetteer.csv'), GazetteerRowSchema)),
  };
}

export function loadRealProjectsJson() {
  const rows = loadRealRows();
  const gazetteer = unwrap(makeGazetteer(rows.gazetteer));
  return unwrap(assembleProjectsFile(rows.projects, rows.partners, gazetteer));
}

let cached: Project[] | null = null;
export function realProjects(): Project[] {
  if (cached) return cached;
  // Round-trip through JSON so the tests see exactly what the browser parses.
  const parsed = parseProjectsFile(JSON.parse(JSON.stringify(loadRealProjectsJson())));
  if (!parsed.ok) throw new Error(parsed.error);
  cached = parsed.value.projects;
  return cached;
}

export function byId(id: string): Project {
  const p = realProjects().find((x) => x.id === id);
  if (!p) throw new Error(`no project ${id}`);
  return p;
}
