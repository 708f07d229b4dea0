/**
 * The credit line the map shows (MapLibre attribution control). It must name every source drawn by
 * default; the full list with licences is in "About the data" (data/sources/*.json).
 */
export const MAP_ATTRIBUTION = [
  '© Kartverket (CC BY 4.0, modified)',
  'Lantmäteriet, SCB (CC0)',
  'Made with Natural Earth',
  'Places: GeoNames (CC BY 4.0)',
].join(' · ');
