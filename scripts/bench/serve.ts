/**
 * A small static file server for the benchmark (node:http, no compression, no caching headers):
 * every page is served the same way, so the timings compare like with like.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on a free port of 127.0.0.1. `mounts` maps a URL prefix (e.g. "/generated/") to
 * another folder, so a bench page can read the app's data files without copying them.
 */
export async function serveStatic(
  root: string,
  mounts: Record<string, string> = {},
): Promise<StaticServer> {
  const resolve = (pathname: string): string | null => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) return inside(dir, pathname.slice(prefix.length));
    }
    return inside(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  };
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** `dir` joined with `rel`, or null when `rel` tries to leave `dir`. */
function inside(dir: string, rel: string): string | null {
  const base = path.resolve(dir);
  const full = path.resolve(base, `./${rel}`);
  return full === base || full.startsWith(base + path.sep) ? full : null;
}
