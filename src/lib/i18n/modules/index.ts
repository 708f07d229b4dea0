/** Messages of the layers and features, merged into the one dictionary per language. */
import { timeMessages } from './time';
import { commutingMessages } from './commuting';
import { projectsMessages } from './projects';
import { tradeMessages } from './trade';
import { indicatorMessages } from './indicator';
import { importedMessages } from './imported';
import { presenterMessages } from './presenter';

const all = [
  timeMessages,
  commutingMessages,
  projectsMessages,
  tradeMessages,
  indicatorMessages,
  presenterMessages,
  importedMessages,
];

type Union = (typeof all)[number];
type Keys = Union extends infer U ? (U extends { en: infer E } ? keyof E : never) : never;

function merge(lang: 'en' | 'sv' | 'nb'): Record<Keys, string> {
  return Object.assign({}, ...all.map((m) => m[lang])) as Record<Keys, string>;
}

export const moduleMessages = { en: merge('en'), sv: merge('sv'), nb: merge('nb') };
