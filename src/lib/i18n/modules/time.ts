import { defineMessages } from '../define';

export const timeMessages = defineMessages({
  en: {
    'time.label': 'Year',
    'time.play': 'Play years',
    'time.pause': 'Pause',
    'time.compare': 'Compare with',
    'time.compareOff': 'No comparison',
    'time.noDataForYear': 'No data for {year}',
    'time.nearest': 'Nearest year with data: {year}',
  },
  sv: {
    'time.label': 'År',
    'time.play': 'Spela upp åren',
    'time.pause': 'Pausa',
    'time.compare': 'Jämför med',
    'time.compareOff': 'Ingen jämförelse',
    'time.noDataForYear': 'Inga data för {year}',
    'time.nearest': 'Närmaste år med data: {year}',
  },
  nb: {
    'time.label': 'År',
    'time.play': 'Spill av årene',
    'time.pause': 'Pause',
    'time.compare': 'Sammenlign med',
    'time.compareOff': 'Ingen sammenligning',
    'time.noDataForYear': 'Ingen data for {year}',
    'time.nearest': 'Nærmeste år med data: {year}',
  },
});
