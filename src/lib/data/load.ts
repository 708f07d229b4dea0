/**
 * Fetching static data files: every failure becomes a value the UI can turn into a message.
 */
import * as v from 'valibot';

export type LoadError =
  | { kind: 'missing'; url: string }
  | { kind: 'network'; url: string; detail: string }
  | { kind: 'invalid'; url: string; detail: string };

export type Result<T, E = LoadError> = { ok: true; value: T } | { ok: false; error: E };

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** GET a JSON file and validate it against `schema`; never throws. */
export async function fetchJson<S extends v.GenericSchema>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<Result<v.InferOutput<S>>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    return { ok: false, error: { kind: 'network', url, detail: String(error) } };
  }
  if (response.status === 404) return { ok: false, error: { kind: 'missing', url } };
  if (!response.ok) {
    return { ok: false, error: { kind: 'network', url, detail: `HTTP ${response.status}` } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Vite's dev server and some static hosts answer a missing file with index.html.
    return { ok: false, error: { kind: 'missing', url } };
  }
  const parsed = v.safeParse(schema, body);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, error: { kind: 'invalid', url, detail: describeIssues(parsed.issues) } };
}
