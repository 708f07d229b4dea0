/**
 * What every data builder receives from scripts/build-data.ts. Builders are pure-ish steps:
 * read verified sources and curated files in data/, validate, and write compact output to outDir.
 */
export interface BuildContext {
  /** Absolute path of a verified local copy of the source with this id (see data/sources/*.json). */
  resolveSource(id: string): Promise<string>;
  /** Absolute path of the repository's data/ folder (curated, committed files). */
  dataDir: string;
  /** Absolute path of the ignored output folder served by the app (public/generated). */
  outDir: string;
  log(message: string): void;
}

/** A builder failure that names what is wrong; build-data prints it and exits non-zero. */
export class BuildError extends Error {
  override name = 'BuildError';
}
