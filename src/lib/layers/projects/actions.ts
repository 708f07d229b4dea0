/** What choosing a project (search, list) does: the layer on, the project selected, the map on it. */
import type { Project } from '../../domain/projects';
import { view } from '../../state/view.svelte';
import { mapActions } from '../../state/mapActions';
import { projectBounds } from './logic';

/** Turn the layer on, select the project and fly to it and its partners. */
export function showProject(project: Project): void {
  if (!view.layers.includes('projects')) view.layers = [...view.layers, 'projects'];
  view.selection = { kind: 'project', id: project.id };
  const bounds = projectBounds(project);
  if (bounds) mapActions.flyToBounds(pad(bounds));
}

/** A little room around a single town, so flying to it does not zoom in all the way. */
export function pad([w, s, e, n]: [number, number, number, number]): [
  number,
  number,
  number,
  number,
] {
  const d = 0.15;
  return [w - d, s - d, e + d, n + d];
}
