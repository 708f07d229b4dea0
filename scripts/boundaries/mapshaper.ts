/**
 * Thin typed wrapper over mapshaper's programmatic API. Inputs and outputs stay in memory; a
 * multi-line command string keeps each step readable in the builders.
 */
import mapshaper from 'mapshaper';
import { BuildError } from '../lib/context';

export type Files = Record<string, string | object>;

export async function runMapshaper(
  commands: string,
  input: Files,
): Promise<Record<string, string>> {
  const oneLine = commands
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .join(' ');
  const data: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    data[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  let output: Record<string, string | Buffer>;
  try {
    output = await mapshaper.applyCommands(oneLine, data);
  } catch (e) {
    throw new BuildError(`mapshaper failed: ${(e as Error).message}\n  commands: ${oneLine}`);
  }
  return Object.fromEntries(Object.entries(output).map(([k, v]) => [k, v.toString()]));
}
