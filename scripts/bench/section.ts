/**
 * What a benchmark module gives `npm run bench`. Each section measures something and returns
 * top-level JSON entries (e.g. `app`, `commuting`), ratios and targets; bench.ts merges them into
 * one object. Add a module to SECTIONS in scripts/bench.ts to add figures.
 */
import type { Browser } from 'playwright-core';
import type { StaticServer } from './serve';

export interface BenchContext {
  repoRoot: string;
  /** The production build of the app, made for this run (with its `generated/` data). */
  appDir: string;
  browser: Browser;
  /** Measured runs per figure (BENCH_RUNS, default 5); report their median, min and max. */
  runs: number;
  /** Unmeasured runs first (BENCH_WARMUP, default 1). */
  warmup: number;
  serve(root: string, mounts?: Record<string, string>): Promise<StaticServer>;
  log(message: string): void;
}

export interface Target {
  /** The rule in words, e.g. "initial JS ≤ 1.1 × floor". */
  rule: string;
  value: number;
  limit: number;
  met: boolean;
}

export interface SectionResult {
  entries: Record<string, unknown>;
  ratios?: Record<string, number>;
  targets?: Record<string, Target>;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

export const atMost = (rule: string, value: number, limit: number): Target => ({
  rule,
  value,
  limit,
  met: value <= limit,
});
