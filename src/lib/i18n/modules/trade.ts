import { defineMessages } from '../define';

export const tradeMessages = defineMessages({
  en: {
    'trade.layer': 'Trade and crossings',
  },
  sv: {
    'trade.layer': 'Handel och gränsövergångar',
  },
  nb: {
    'trade.layer': 'Handel og grenseoverganger',
  },
});
