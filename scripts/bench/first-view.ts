/**
 * The first view (issue 2): the app's initial JS and default-view data (gzip) and its time to the
 * map's first `idle`, against a bare MapLibre page drawing the same boundaries (time, JS) and a
 * floor page with only MapLibre + deck.gl core/layers/mapbox (JS).
 */
import path from 'node:path';
import { buildPage } from './build-pages';
import { measureLoad, spread, type AssetGroup, type PageLoad } from './measure';
import { atMost, type BenchContext, type BenchSection } from './section';

export const TARGETS = {
  initialJsVsFloor: 1.1,
  firstIdleVsBare: 1.3,
  defaultViewDataGzipBytes: 1_000_000,
} as const;

const unique = (values: string[]) => [...new Set(values)];
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
const totals = ({ bytes, gzipBytes }: AssetGroup) => ({ bytes, gzipBytes });
const fileSet = (load: PageLoad) =>
  [...load.assets.js.files, ...load.assets.data.files].map((f) => f.path).join(',');

/** Sizes from the first measured run (a cold load fetches the same files each time), times from all. */
function summarise(name: string, loads: PageLoad[], ctx: BenchContext) {
  const [first] = loads;
  const differing = loads.filter((load) => fileSet(load) !== fileSet(first));
  if (differing.length > 0) {
    const files = (load: PageLoad) => new Set(fileSet(load).split(','));
    const odd = differing.flatMap((load) => {
      const [a, b] = [files(first), files(load)];
      return [...a, ...b].filter((f) => !(a.has(f) && b.has(f)));
    });
    ctx.log(
      `warning: ${name} fetched different files in different runs (${[...new Set(odd)].join(', ')}); sizes are the first run's`,
    );
  }
  return {
    initialJs: first.assets.js,
    // Only the app has it: JS until deck.gl and the place names are attached (no target).
    ...(first.firstView ? { firstViewJs: totals(first.firstView.js) } : {}),
    defaultViewData: first.assets.data,
    css: totals(first.assets.css),
    fonts: totals(first.assets.font),
    firstIdleMs: spread(loads.map((l) => l.firstIdleMs)),
    dataReadyMs: spread(loads.map((l) => l.readyMs)),
    camera: first.camera,
    mapSize: first.mapSize,
    pageErrors: unique(loads.flatMap((l) => l.pageErrors)),
    foreignRequests: unique(loads.flatMap((l) => l.foreignRequests)),
  };
}

export const firstView: BenchSection = {
  name: 'first view',
  async run(ctx) {
    const pagesDir = path.join(ctx.repoRoot, 'scripts', 'bench');
    const outRoot = path.join(ctx.repoRoot, 'dist-bench');
    for (const page of ['bare', 'floor']) {
      ctx.log(`building the ${page} page into dist-bench/${page}`);
      await buildPage(path.join(pagesDir, page), path.join(outRoot, page));
    }
    const servers = {
      app: await ctx.serve(ctx.appDir),
      bare: await ctx.serve(path.join(outRoot, 'bare'), {
        '/generated/': path.join(ctx.appDir, 'generated'),
      }),
      floor: await ctx.serve(path.join(outRoot, 'floor')),
    };
    try {
      const load = async (name: string, url: string, label: string) => {
        // The app attaches deck.gl (place names, data layers) just after its first idle: its first
        // view's files are counted until then, so deck.gl is in it as it is in the floor page.
        const result = await measureLoad(ctx.browser, url, { untilOverlay: name === 'app' });
        ctx.log(`${name} ${label}: first idle ${Math.round(result.firstIdleMs)} ms`);
        return result;
      };
      // The bare page takes the app's camera and map size, so both draw the same area.
      const probe = await load('app', servers.app.url, 'warm-up');
      const { camera, mapSize } = probe;
      const bareUrl = `${servers.bare.url}?${new URLSearchParams({
        lon: String(camera.lon),
        lat: String(camera.lat),
        zoom: String(camera.zoom),
        w: String(mapSize.width),
        h: String(mapSize.height),
      })}`;
      for (let i = 1; i < ctx.warmup; i++) await load('app', servers.app.url, 'warm-up');
      for (let i = 0; i < ctx.warmup; i++) await load('bare', bareUrl, 'warm-up');

      // Alternate the pages so that drift on the machine touches both alike.
      const appLoads: PageLoad[] = [];
      const bareLoads: PageLoad[] = [];
      for (let i = 1; i <= ctx.runs; i++) {
        appLoads.push(await load('app', servers.app.url, `run ${i}/${ctx.runs}`));
        bareLoads.push(await load('bare', bareUrl, `run ${i}/${ctx.runs}`));
      }
      const floorLoad = await load('floor', servers.floor.url, 'load');

      const app = summarise('app', appLoads, ctx);
      const bare = summarise('bare', bareLoads, ctx);
      const floor = {
        initialJs: floorLoad.assets.js,
        pageErrors: floorLoad.pageErrors,
      };
      const ratios = {
        initialJsVsFloor: ratio(app.initialJs.gzipBytes, floor.initialJs.gzipBytes),
        firstViewJsVsFloor: ratio(app.firstViewJs?.gzipBytes ?? NaN, floor.initialJs.gzipBytes),
        initialJsVsBare: ratio(app.initialJs.gzipBytes, bare.initialJs.gzipBytes),
        firstIdleVsBare: ratio(app.firstIdleMs.median, bare.firstIdleMs.median),
      };
      return {
        entries: { app, bare, floor },
        ratios,
        targets: {
          initialJs: atMost(
            `initial JS gzip ≤ ${TARGETS.initialJsVsFloor} × floor page (ratio)`,
            ratios.initialJsVsFloor,
            TARGETS.initialJsVsFloor,
          ),
          firstIdle: atMost(
            `first idle ≤ ${TARGETS.firstIdleVsBare} × bare MapLibre page (ratio of medians)`,
            ratios.firstIdleVsBare,
            TARGETS.firstIdleVsBare,
          ),
          defaultViewData: atMost(
            'default-view data ≤ 1 MB gzip (bytes)',
            app.defaultViewData.gzipBytes,
            TARGETS.defaultViewDataGzipBytes,
          ),
        },
      };
    } finally {
      await Promise.all(Object.values(servers).map((s) => s.close()));
    }
  },
};
