/**
 * How a layer's settings live in the URL. Each layer owns its parameters, prefixed with its id
 * ("commuting.dir"); `read` is strict per parameter and falls back to the given settings, so a bad
 * value never breaks the view. Pure: no browser or Svelte imports.
 */
export interface SettingsCodec<S> {
  defaults: S;
  read(params: URLSearchParams, fallback: S): S;
  write(settings: S, params: URLSearchParams): void;
}

/** A parameter value if it exists and is short; long values are treated as absent. */
export function readParam(params: URLSearchParams, name: string, maxLength = 200): string | null {
  const value = params.get(name);
  return value !== null && value.length <= maxLength ? value : null;
}

export function readChoice<T extends string>(
  params: URLSearchParams,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = readParam(params, name);
  return value !== null && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A non-negative integer within [min, max], or the fallback. */
export function readInteger(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = readParam(params, name, 12);
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

export function readBoolean(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = readParam(params, name, 5);
  return value === '1' ? true : value === '0' ? false : fallback;
}
