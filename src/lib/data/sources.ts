/**
 * The source manifest (data/sources/*.json) as the app shows it in "About the data". Loaded lazily:
 * only the About view and source links need it.
 */
import * as v from 'valibot';
import type { AreaRef } from '../domain/areas';
import { describeIssues, type Result } from './load';

const SourceSchema = v.looseObject({
  id: v.string(),
  url: v.string(),
  licence: v.string(),
  attribution: v.string(),
  authority: v.string(),
  date: v.string(),
  description: v.string(),
});
export type Source = v.InferOutput<typeof SourceSchema>;

const manifestFiles = import.meta.glob<unknown>('/data/sources/*.json', { import: 'default' });

export async function loadSources(): Promise<Result<Source[], string>> {
  const sources: Source[] = [];
  for (const [file, load] of Object.entries(manifestFiles).sort(([a], [b]) => a.localeCompare(b))) {
    let json: unknown;
    try {
      json = await load();
    } catch (error) {
      return { ok: false, error: `${file}: ${String(error)}` };
    }
    const parsed = v.safeParse(v.array(SourceSchema), json);
    if (!parsed.success) return { ok: false, error: `${file}: ${describeIssues(parsed.issues)}` };
    sources.push(...parsed.output);
  }
  return { ok: true, value: sources };
}

const DatasetSchema = v.object({
  id: v.string(),
  title: v.string(),
  files: v.array(v.string()),
  authorities: v.string(),
  licence: v.string(),
  note: v.string(),
});
export type Dataset = v.InferOutput<typeof DatasetSchema>;

/**
 * The curated datasets in data/ (data/datasets.json): who published the figures and under what terms.
 * Each row of them carries its own source URL, shown where the figure is shown.
 */
export async function loadDatasets(): Promise<Result<Dataset[], string>> {
  let json: unknown;
  try {
    json = (await import('../../../data/datasets.json')).default;
  } catch (error) {
    return { ok: false, error: `data/datasets.json: ${String(error)}` };
  }
  const parsed = v.safeParse(v.array(DatasetSchema), json);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, error: `data/datasets.json: ${describeIssues(parsed.issues)}` };
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The boundary source an area's geometry comes from (ids in data/sources/boundaries.json). */
export function areaSourceId(area: AreaRef): string {
  if (area.country === 'SE') return 'se-kommuner';
  const kind = area.level === 'county' ? 'fylker' : 'kommuner';
  return `no-${kind}-${area.era}`;
}
