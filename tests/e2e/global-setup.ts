/**
 * Serves the production build (dist/, made by `vite build` before this runs) on a free port for the
 * browser tests, and stops the server afterwards. Nothing needs to be running beforehand.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../../scripts/lib/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!findChromium()) throw new Error(NO_CHROMIUM_MESSAGE);
  // E2E_DIST lets parallel work test its own build folder (`vite build --outDir …`).
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No production build in ${outDir}: run \`npm run build\` first.`);
  }
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
