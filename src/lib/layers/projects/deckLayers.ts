/**
 * deck.gl layers of the projects: lead→partner lines, project points and clusters with their
 * counts, and a ring around the selected project. Pure: state → layers.
 */
import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Project, ProjectLink } from '../../domain/projects';
import type { ClusterPoint } from '../../state/projects.svelte';
import { CLUSTER_COLOUR, projectColour } from './logic';
import type { ProjectsSettings } from './settings';

export interface ProjectLayerInput {
  points: ClusterPoint[];
  links: ProjectLink[];
  selected: Project | null;
  colourBy: ProjectsSettings['colourBy'];
  visible: boolean;
}

const clusterRadius = (count: number) => 9 + 4 * Math.sqrt(count);

export function projectDeckLayers({
  points,
  links,
  selected,
  colourBy,
  visible,
}: ProjectLayerInput) {
  return [
    new LineLayer<ProjectLink>({
      id: 'projects-links',
      data: links,
      visible: visible && links.length > 0,
      getSourcePosition: (d) => d.from,
      getTargetPosition: (d) => d.to,
      // Cross-border ties dark and wide; partners in the lead's own country lighter.
      getColor: (d) => (d.crossBorder ? [30, 40, 90, 200] : [90, 100, 140, 110]),
      getWidth: (d) => (d.crossBorder ? 2.5 : 1.5),
      widthUnits: 'pixels',
      pickable: false,
    }),
    new ScatterplotLayer<ProjectLink>({
      id: 'projects-partner-towns',
      data: links,
      visible: visible && links.length > 0,
      getPosition: (d) => d.to,
      getRadius: 4,
      radiusUnits: 'pixels',
      getFillColor: [255, 255, 255, 255],
      stroked: true,
      getLineColor: [30, 40, 90, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
    new ScatterplotLayer<ClusterPoint>({
      id: 'projects-points',
      data: points,
      visible,
      pickable: true,
      getPosition: (d) => d.position,
      getRadius: (d) => (d.kind === 'cluster' ? clusterRadius(d.count) : 7),
      radiusUnits: 'pixels',
      getFillColor: (d) =>
        d.kind === 'cluster'
          ? [...CLUSTER_COLOUR, 225]
          : [...projectColour(d.project, colourBy), 235],
      // A dark rim keeps the light hues (sky blue, grey) visible on the pale land.
      stroked: true,
      getLineColor: (d) => (d.kind === 'cluster' ? [255, 255, 255, 255] : [40, 40, 45, 230]),
      lineWidthUnits: 'pixels',
      getLineWidth: (d) => (d.kind === 'cluster' ? 1.5 : 1),
      autoHighlight: true,
      highlightColor: [255, 200, 0, 160],
      updateTriggers: { getFillColor: colourBy },
    }),
    // Same data array as the points (a stable reference); single projects get no text.
    new TextLayer<ClusterPoint>({
      id: 'projects-cluster-counts',
      data: points,
      visible,
      getPosition: (d) => d.position,
      getText: (d) => (d.kind === 'cluster' ? String(d.count) : ''),
      getSize: 13,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontWeight: 700,
      characterSet: '0123456789',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      // Above the centre: a place-name dot drawn on top at the same town would hide the digits.
      getPixelOffset: (d) => [
        0,
        d.kind === 'cluster' ? -Math.min(9, clusterRadius(d.count) * 0.4) : 0,
      ],
      pickable: false,
    }),
    new ScatterplotLayer<Project>({
      id: 'projects-selected',
      data: selected?.lead ? [selected] : [],
      visible: visible && selected?.lead != null,
      getPosition: (d) => [d.lead!.lon, d.lead!.lat],
      getRadius: 12,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: [20, 20, 20, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
    }),
  ];
}
