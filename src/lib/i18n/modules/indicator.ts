import { defineMessages } from '../define';

export const indicatorMessages = defineMessages({
  en: {
    'indicator.layer': 'Indicators by area',
  },
  sv: {
    'indicator.layer': 'Indikatorer per område',
  },
  nb: {
    'indicator.layer': 'Indikatorer per område',
  },
});
