import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule, SearchResult } from '../types';
import { searchProjects, SEARCH_RANK } from '../../domain/projects';
import { view } from '../../state/view.svelte';
import { t } from '../../state/i18n.svelte';
import { mapActions } from '../../state/mapActions';
import {
  projects,
  loadProjectsData,
  UNCLUSTERED_ZOOM,
  type ClusterPoint,
} from '../../state/projects.svelte';
import { boundsOf } from './logic';
import { pad, showProject } from './actions';
import { projectDeckLayers } from './deckLayers';
import ProjectControls from './ProjectControls.svelte';
import ProjectLegend from './ProjectLegend.svelte';
import ProjectDetails from './ProjectDetails.svelte';

/**
 * searchProjects ranks 0 (best) … 7; the top bar's scale is 4 exact … 1 substring, shared with
 * place names. An exact acronym counts as exact; name prefixes as prefixes; word prefixes in the
 * name or in a town/organisation as word prefixes; every substring match as a substring.
 */
export function searchScore(rank: number): number {
  if (rank === SEARCH_RANK.acronymExact) return 4;
  if (rank === SEARCH_RANK.namePrefix) return 3;
  if (rank <= SEARCH_RANK.placeOrOrganisationWordPrefix) return 2;
  return 1;
}

export const projectsLayer: LayerModule = {
  id: 'projects',
  Controls: ProjectControls,
  Legend: ProjectLegend,
  Details: ProjectDetails,
  owns: (selection) => selection.kind === 'project',
  activate: () => void loadProjectsData(),
  deckLayers: (active) =>
    projectDeckLayers({
      points: projects.clusters,
      links: projects.links,
      selected: projects.selected,
      colourBy: projects.settings.colourBy,
      visible: active,
    }),
  select: (info: PickingInfo<ClusterPoint>) => {
    const d = info.object;
    if (!d) return null;
    if (d.kind === 'project') return { kind: 'project', id: d.project.id };
    // A cluster: zoom to its projects; all led from one town: zoom until they spread around it.
    const bounds = boundsOf(projects.clusterLeaves(d.id));
    if (bounds && bounds[0] === bounds[2] && bounds[1] === bounds[3]) {
      view.camera = { lon: bounds[0], lat: bounds[1], zoom: UNCLUSTERED_ZOOM };
    } else if (bounds) mapActions.flyToBounds(pad(bounds));
    return view.selection;
  },
  tooltip: (info: PickingInfo<ClusterPoint>) => {
    const d = info.object;
    if (!d) return null;
    if (d.kind === 'cluster') return t('projects.tooltip.cluster', { count: d.count });
    const p = d.project;
    return `${p.acronym ? `${p.acronym} · ` : ''}${p.name}\n${p.lead?.town ?? ''} · ${t(`projects.period.${p.period}`)}`;
  },
  years: () => projects.years,
  prepareSearch: () => void loadProjectsData(),
  search: (query): SearchResult[] =>
    searchProjects(projects.all, query, 8).map(({ project, rank }) => ({
      key: `project:${project.id}`,
      label: project.acronym ? `${project.acronym} – ${project.name}` : project.name,
      detail: `${t('projects.search.kind')} · ${t(`projects.period.${project.period}`)}${
        project.lead ? ` · ${project.lead.town}` : ''
      }`,
      score: searchScore(rank),
      choose: () => showProject(project),
    })),
};
