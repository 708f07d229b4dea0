/** Small helpers for the TopoJSON the builders write: typed access, properties, counts, checks. */
import type { GeoJsonProperties } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { BuildError } from '../lib/context';

export interface CodeName {
  code: string;
  name: string;
}

export function parseTopology(json: string, label: string): Topology {
  const topology = JSON.parse(json) as Topology;
  if (topology.type !== 'Topology')
    throw new BuildError(`${label}: mapshaper did not return TopoJSON`);
  return topology;
}

export function geometries(
  topology: Topology,
  object: string,
  label: string,
): GeometryObject<GeoJsonProperties>[] {
  const o = topology.objects[object];
  if (!o || o.type !== 'GeometryCollection') {
    throw new BuildError(`${label}: object "${object}" missing from the output`);
  }
  return o.geometries;
}

/**
 * Sets each geometry's properties to exactly `{ code, name }` (names looked up by code), its id to
 * the code, and sorts the collection by code so the output is deterministic and easy to diff.
 */
export function setCodeNames(
  topology: Topology,
  object: string,
  label: string,
  /** Defaults to the geometry's own `name` property. */
  nameOf?: (code: string) => string | undefined,
): void {
  const geoms = geometries(topology, object, label);
  const missing: string[] = [];
  for (const g of geoms) {
    const props = (g.properties ?? {}) as { code?: unknown; name?: unknown };
    const code = String(props.code ?? '');
    const name = nameOf
      ? nameOf(code)
      : typeof props.name === 'string' && props.name
        ? props.name
        : undefined;
    if (name === undefined) missing.push(code);
    g.id = code;
    g.properties = { code, name: name ?? '' } satisfies CodeName;
  }
  if (missing.length)
    throw new BuildError(`${label}: no name for ${object} code(s) ${missing.join(', ')}`);
  geoms.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

/** Throws a BuildError naming every way the object differs from what the app expects. */
export function expectCodes(
  topology: Topology,
  object: string,
  expected: { count: number; pattern: RegExp; present?: string[]; absent?: string[] },
  label: string,
): void {
  const geoms = geometries(topology, object, label);
  const codes = geoms.map((g) => String(g.id));
  const problems: string[] = [];
  if (codes.length !== expected.count)
    problems.push(`${codes.length} features, expected ${expected.count}`);
  const bad = codes.filter((c) => !expected.pattern.test(c));
  if (bad.length) problems.push(`malformed codes ${bad.join(', ')}`);
  const dup = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (dup.length) problems.push(`duplicate codes ${dup.join(', ')}`);
  const empty = geoms.filter((g) => g.type !== 'Polygon' && g.type !== 'MultiPolygon');
  if (empty.length)
    problems.push(`features without polygon geometry: ${empty.map((g) => g.id).join(', ')}`);
  for (const c of expected.present ?? [])
    if (!codes.includes(c)) problems.push(`code ${c} missing`);
  for (const c of expected.absent ?? [])
    if (codes.includes(c)) problems.push(`code ${c} must not be present`);
  if (problems.length) throw new BuildError(`${label} ${object}: ${problems.join('; ')}`);
}

export function featureCounts(topology: Topology): Record<string, number> {
  return Object.fromEntries(
    Object.entries(topology.objects).map(([k, o]) => [
      k,
      o.type === 'GeometryCollection' ? o.geometries.length : 1,
    ]),
  );
}
