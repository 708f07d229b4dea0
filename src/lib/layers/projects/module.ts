import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule, SearchResult } from '../types';
import { searchProjects } from '../../domain/projects';
import { view } from '../../state/view.svelte';
import { t } from '../../state/i18n.svelte';
import { mapActions } from '../../state/mapActions';
import {
  projects,
  loadProjectsData,
  UNCLUSTERED_ZOOM,
  type ClusterPoint,
} from '../../state/projects.svelte';
import { boundsOf, searchScore } from './logic';
import { pad, showProject } from './actions';
import { projectDeckLayers } from './deckLayers';
import ProjectControls from './ProjectControls.svelte';
import ProjectLegend from './ProjectLegend.svelte';
import ProjectDetails from './ProjectDetails.svelte';

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
