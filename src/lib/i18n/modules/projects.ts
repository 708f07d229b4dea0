import { defineMessages } from '../define';

export const projectsMessages = defineMessages({
  en: {
    'projects.layer': 'Cross-border projects',
  },
  sv: {
    'projects.layer': 'Gränsöverskridande projekt',
  },
  nb: {
    'projects.layer': 'Grenseoverskridende prosjekter',
  },
});
