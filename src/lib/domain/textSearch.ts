/**
 * Search as people type place names: case- and diacritic-insensitive ("malmo" finds Malmö,
 * "orje" finds Ørje), ranked exact > prefix > word prefix > substring.
 */

const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', å: 'a', ä: 'a', ö: 'o', ß: 'ss' };

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæåäöß]/g, (c) => FOLD[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** 0 = no match; higher is better. */
export function matchScore(candidate: string, query: string): number {
  const c = foldText(candidate);
  const q = foldText(query);
  if (!q) return 0;
  if (c === q) return 4;
  if (c.startsWith(q)) return 3;
  if (c.split(/[\s\-–/(),]+/).some((word) => word.startsWith(q))) return 2;
  return c.includes(q) ? 1 : 0;
}

/** Items matching `query` in any of their fields, best first, ties by the first field. */
export function searchItems<T>(
  items: readonly T[],
  query: string,
  fields: (item: T) => readonly string[],
  limit = 10,
): T[] {
  const scored: { item: T; score: number; label: string }[] = [];
  for (const item of items) {
    const texts = fields(item);
    const score = Math.max(0, ...texts.map((text) => matchScore(text, query)));
    if (score > 0) scored.push({ item, score, label: texts[0] ?? '' });
  }
  scored.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'sv'));
  return scored.slice(0, limit).map((s) => s.item);
}
