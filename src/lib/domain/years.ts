/** The shared time control's arithmetic: which years exist, and stepping through them. */

/** Sorted, distinct years of all the given lists. */
export function unionYears(lists: readonly (readonly number[])[]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** The next year with data after `year`, or null at the end. */
export function nextYear(years: readonly number[], year: number): number | null {
  return years.find((y) => y > year) ?? null;
}

/** The year with data closest to `year` (ties go to the earlier one); null when there are none. */
export function nearestYear(years: readonly number[], year: number): number | null {
  let best: number | null = null;
  for (const y of years) {
    if (best === null || Math.abs(y - year) < Math.abs(best - year)) best = y;
  }
  return best;
}
