/**
 * GET for the refresh scripts, which talk to the statistics offices' APIs: an unreachable host is
 * an OfflineError the script can explain; an HTTP error carries the start of the answer.
 */
export class OfflineError extends Error {
  override name = 'OfflineError';
}

export async function fetchText(url: string, init?: RequestInit): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    throw new OfflineError(
      `cannot reach ${new URL(url).host} (${(e as Error).message}). This script needs a network; ` +
        'the data build itself works offline from data/ and the local raw sources.',
    );
  }
  if (!res.ok) {
    throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  return res.text();
}
