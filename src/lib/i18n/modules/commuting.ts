import { defineMessages } from '../define';

export const commutingMessages = defineMessages({
  en: {
    'commuting.layer': 'Commuting',
  },
  sv: {
    'commuting.layer': 'Pendling',
  },
  nb: {
    'commuting.layer': 'Pendling',
  },
});
