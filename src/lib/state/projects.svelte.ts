/**
 * The projects layer's loaded data and everything derived from it and the view: the filtered
 * projects, the list (sorted, optionally only what is in view), the clusters at the current zoom
 * and the lead→partner links. Loading also registers the per-area indicators for the choropleth.
 */
import Supercluster from 'supercluster';
import { innerHeight, innerWidth } from 'svelte/reactivity/window';
import { loadProjects, type ProjectsData } from '../data/projects';
import { projectLinks, type Project } from '../domain/projects';
import { view } from './view.svelte';
import { registerIndicator } from './indicators.svelte';
import {
  applyProjectFilters,
  cameraBounds,
  clusterInput,
  inBounds,
  programmeYears,
  projectIndicators,
  sortProjects,
  type ProjectPointFeature,
} from '../layers/projects/logic';

export const PROJECTS_SOURCE = {
  label: 'Interreg Sverige-Norge',
  url: 'https://www.interreg-sverige-norge.com/',
};

/** Clusters stop merging above this zoom; the map's max zoom is 12. */
const CLUSTER_MAX_ZOOM = 11;

export type ClusterPoint =
  | { kind: 'cluster'; id: number; count: number; position: [number, number] }
  | { kind: 'project'; project: Project; position: [number, number] };

class ProjectsState {
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  data = $state.raw<ProjectsData | null>(null);

  all = $derived(this.data?.projects ?? []);
  byId = $derived(new Map(this.all.map((p) => [p.id, p])));
  years = $derived(programmeYears(this.all));

  settings = $derived(view.settings.projects);
  filtered = $derived(applyProjectFilters(this.all, this.settings, view.year));
  placed = $derived(this.filtered.filter((p) => p.lead !== null));
  unplaced = $derived(this.filtered.filter((p) => p.lead === null));

  inView = $derived.by(() => {
    // The map fills the window below the top bar (about 56 px).
    const bounds = cameraBounds(
      view.camera,
      innerWidth.current ?? 1280,
      (innerHeight.current ?? 800) - 56,
    );
    return this.filtered.filter((p) => inBounds(p, bounds));
  });

  /** What the list shows, in list order; the CSV export writes exactly these. */
  list = $derived(
    sortProjects(
      this.settings.listInView ? this.inView : this.filtered,
      this.settings.sort,
      this.settings.sortDir,
    ),
  );

  index = $derived.by(() => {
    const index = new Supercluster<ProjectPointFeature['properties']>({
      radius: 48,
      maxZoom: CLUSTER_MAX_ZOOM,
    });
    index.load(clusterInput(this.placed));
    return index;
  });

  zoomStep = $derived(Math.floor(view.camera.zoom));

  clusters = $derived.by((): ClusterPoint[] => spreadColocated(this.rawClusters, this.zoomStep));

  private rawClusters = $derived.by((): ClusterPoint[] =>
    this.index.getClusters([-180, -85, 180, 85], this.zoomStep).flatMap((f): ClusterPoint[] => {
      const position = f.geometry.coordinates as [number, number];
      const props = f.properties as Partial<Supercluster.ClusterProperties> & { id?: string };
      if (props.cluster && typeof props.cluster_id === 'number') {
        return [{ kind: 'cluster', id: props.cluster_id, count: props.point_count ?? 0, position }];
      }
      const project = props.id ? this.byId.get(props.id) : undefined;
      return project ? [{ kind: 'project', project, position }] : [];
    }),
  );

  selected = $derived.by(() => {
    const s = view.selection;
    return s?.kind === 'project' ? (this.byId.get(s.id) ?? null) : null;
  });

  links = $derived(
    this.settings.links === 'all'
      ? projectLinks(this.placed, { crossBorderOnly: true })
      : this.selected
        ? projectLinks([this.selected])
        : [],
  );

  /** Lead positions of a cluster's projects (for zooming to them). */
  clusterLeaves(clusterId: number): [number, number][] {
    return this.index
      .getLeaves(clusterId, Infinity)
      .map((f) => f.geometry.coordinates as [number, number]);
  }
}

export const projects = new ProjectsState();

/**
 * Above the clustering zoom, projects led from the same town would lie on top of each other:
 * they are spread on a small ring (16 px) around the town so each can be hovered and clicked.
 */
function spreadColocated(points: ClusterPoint[], zoom: number): ClusterPoint[] {
  // Local bookkeeping inside a pure computation, not reactive state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const groups = new Map<string, number[]>();
  points.forEach((p, i) => {
    if (p.kind !== 'project') return;
    const key = p.position.join(',');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  if ([...groups.values()].every((g) => g.length < 2)) return points;
  const degPerPx = 360 / (512 * 2 ** zoom);
  const out = [...points];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const radius = 16 + 2 * members.length;
    members.forEach((index, k) => {
      const p = out[index];
      const angle = (2 * Math.PI * k) / members.length;
      const [lon, lat] = p.position;
      const dlon = radius * degPerPx * Math.cos(angle);
      const dlat = radius * degPerPx * Math.cos((lat * Math.PI) / 180) * Math.sin(angle);
      out[index] = { ...p, position: [lon + dlon, lat + dlat] };
    });
  }
  return out;
}

/** Zoom at which every project is its own point. */
export const UNCLUSTERED_ZOOM = CLUSTER_MAX_ZOOM + 1;

/** Start loading (idempotent); registers the aggregate indicators once the data is in. */
export async function loadProjectsData(): Promise<void> {
  if (projects.status === 'loading' || projects.status === 'ready') return;
  projects.status = 'loading';
  const result = await loadProjects();
  if (!result.ok) {
    console.warn('Gränsatlas: projects could not load', result.error);
    projects.status = 'error';
    return;
  }
  projects.data = result.value;
  projects.status = 'ready';
  for (const indicator of projectIndicators(result.value.projects, PROJECTS_SOURCE)) {
    registerIndicator(indicator);
  }
}
