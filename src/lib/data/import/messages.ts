/**
 * An import problem in words: "flows.csv, row 3, column “value”: …" in the user's language. The
 * caller passes its translate function, so this stays free of rune state. Plain text only.
 */
import type { MessageKey, Params } from '../../i18n/translate';
import type { ImportProblem } from './types';

export type Translate = (key: MessageKey, params?: Params) => string;

export function problemText(p: ImportProblem, t: Translate): string {
  const where = [p.file];
  if (p.row !== undefined) where.push(t('imported.where.row', { row: p.row }));
  if (p.column !== undefined) where.push(t('imported.where.column', { column: p.column }));
  const message = t(`imported.problem.${p.key}` as MessageKey, {
    value: '',
    detail: '',
    ...p.params,
  });
  return `${where.join(', ')}: ${message}`;
}
