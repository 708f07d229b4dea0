/**
 * What a map layer contributes to the one product: a name in the layer list, controls and a legend in
 * the panel, deck.gl layers on the map, details for what it lets the user select, and the years it
 * has data for (the shared time control).
 *
 * The registry (./registry.ts) holds light descriptors; a layer's implementation (components, deck.gl
 * layer builders, data loading) is a separate chunk loaded the first time the layer is turned on or
 * owns the selection in the URL, so the first load carries only the default view.
 */
import type { Component } from 'svelte';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { MessageKey } from '../i18n/translate';
import type { LayerId, Selection } from '../state/viewState';
import type { AreaRef } from '../domain/areas';

export interface LayerDescriptor {
  id: LayerId;
  titleKey: MessageKey;
  /** Selection kinds this layer's details panel shows (loading it when the URL selects one). */
  selects: readonly Selection['kind'][];
  /** The layer answers the top bar's search (loaded, with its data, when the search box is used). */
  searchable?: boolean;
  load(): Promise<LayerModule>;
}

/** One search hit. `choose` selects it (turning its layer on if needed) and moves the map to it. */
export interface SearchResult {
  key: string;
  label: string;
  /** What kind of thing it is and where, e.g. "Kommun 1730 · Sverige", "Project · 2014–2020". */
  detail: string;
  /** Higher is better: 4 exact, 3 prefix, 2 word prefix, 1 substring (see domain/textSearch). */
  score: number;
  choose(): void;
}

export interface LayerModule {
  id: LayerId;
  /** Settings and filters, shown in the panel while the layer is on. */
  Controls?: Component;
  /** Legend, shown in the panel while the layer is on. Must say when the year shown has no data. */
  Legend?: Component;
  /** Details of a selection this layer owns (see `owns`). */
  Details?: Component<{ selection: Selection }>;
  owns?(selection: Selection): boolean;
  /**
   * What this layer knows about a selected area (e.g. its commuting in/out/net), shown under the
   * area's details while the layer is on.
   */
  AreaSection?: Component<{ area: AreaRef }>;
  /** Start loading the layer's data (called whenever the layer is on; must be idempotent). */
  activate?(): void;
  /**
   * deck.gl layers. Called inside a reactive effect: reading rune state here makes the map update
   * when it changes. Layer ids must start with the module id. Return the same layers with
   * `visible: false` when inactive rather than nothing, so deck.gl keeps their GPU state.
   */
  deckLayers(active: boolean): Layer[];
  /** What a click on one of this module's deck layers selects (null clears). */
  select?(info: PickingInfo): Selection | null;
  /** Plain-text tooltip for a hovered object (never HTML). */
  tooltip?(info: PickingInfo): string | null;
  /** Years with data, for the shared time control; empty or absent when the layer has no years. */
  years?(): number[];
  /** Load what search needs (called when the search box is focused; idempotent). */
  prepareSearch?(): void;
  /** Hits for the query among the layer's things (reactive: may be empty until data arrives). */
  search?(query: string): SearchResult[];
}
