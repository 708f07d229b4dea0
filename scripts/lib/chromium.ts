/**
 * Finding and starting a headless Chromium for the browser tests and the benchmark:
 * $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser Playwright installed itself.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: run `apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** Flags measured on these machines: no sandbox as root, no background traffic, WebGL on the CPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
