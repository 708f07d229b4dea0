import { defineMessages } from '../define';

export const importedMessages = defineMessages({
  en: { 'imported.layer': 'Your data' },
  sv: { 'imported.layer': 'Egna data' },
  nb: { 'imported.layer': 'Egne data' },
});
