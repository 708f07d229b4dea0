/**
 * PNG export of what the screen shows: the map drawn again at 1×/2×/4×, framed with a title bar, the
 * legend of every visible layer (read from the legends on screen: their labels and swatches), a
 * scale bar and the attribution, then downloaded as a Blob.
 */
import { downloadBlob } from '../download';
import { mapActions } from '../../state/mapActions';
import { exportLayout, scaleBar, EXPORT_FRAME } from '../../domain/exportImage';
import { MAP_ATTRIBUTION } from '../../map/attribution';

export interface LegendItem {
  label: string;
  /** An SVG swatch drawn as an image, a CSS colour, or nothing. */
  swatch: HTMLImageElement | string | null;
}

export interface LegendBlock {
  title: string;
  items: LegendItem[];
}

const FONT = '"Noto Sans", system-ui, sans-serif';

function loadSvg(svg: SVGElement | string): Promise<HTMLImageElement | null> {
  const markup = typeof svg === 'string' ? svg : new XMLSerializer().serializeToString(svg);
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

function visibleColour(element: Element): string | null {
  const colour = getComputedStyle(element).backgroundColor;
  return colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour) ? colour : null;
}

async function swatchOf(row: Element): Promise<LegendItem['swatch']> {
  // A swatch that CSS paints as more than one colour (e.g. the no-data hatch, a gradient) carries
  // its own SVG drawing for the export.
  const drawn = row.querySelector<HTMLElement>('[data-swatch-svg]')?.dataset.swatchSvg;
  if (drawn) return loadSvg(drawn);
  const svg = row.querySelector('svg');
  if (svg) return loadSvg(svg);
  for (const child of row.querySelectorAll('*')) {
    const colour = visibleColour(child);
    if (colour) return colour;
  }
  return null;
}

/** The legend model of the layers on screen: `titleOf(layerId)` names each block. */
export async function legendFromScreen(titleOf: (id: string) => string): Promise<LegendBlock[]> {
  const blocks: LegendBlock[] = [];
  const seen = new Set<string>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-testid^="legend-"]')) {
    const id = element.dataset.testid!.slice('legend-'.length);
    if (seen.has(id)) continue;
    seen.add(id);
    const rows = [...element.querySelectorAll('.legend li, li')];
    const items: LegendItem[] = [];
    if (rows.length > 0) {
      for (const row of new Set(rows)) {
        const label = (row.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (label) items.push({ label, swatch: await swatchOf(row) });
      }
    } else {
      const label = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (label) items.push({ label: label.slice(0, 120), swatch: null });
    }
    blocks.push({ title: titleOf(id), items });
  }
  return blocks;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export interface ExportRequest {
  title: string;
  ratio: number;
  legend: LegendBlock[];
  /** Shown at the right of the title bar (e.g. "Gränsatlas · 2022"). */
  subtitle: string;
}

/** Compose the export image; null when the map is not there. */
export async function composeExport(request: ExportRequest): Promise<HTMLCanvasElement | null> {
  const snapshot = await mapActions.snapshot(request.ratio);
  if (!snapshot) return null;
  const r = snapshot.ratio;
  const layout = exportLayout(snapshot.width, snapshot.height, r);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.drawImage(snapshot.image, layout.map.x, layout.map.y, layout.map.width, layout.map.height);

  // Title bar.
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1f1f1d';
  ctx.font = `400 ${13 * r}px ${FONT}`;
  const subtitleWidth = Math.min(ctx.measureText(request.subtitle).width, layout.width * 0.35);
  ctx.textAlign = 'right';
  ctx.fillStyle = '#55534f';
  ctx.fillText(
    fitText(ctx, request.subtitle, subtitleWidth),
    layout.width - 16 * r,
    (EXPORT_FRAME.title / 2) * r,
  );
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1f1f1d';
  ctx.font = `600 ${22 * r}px ${FONT}`;
  ctx.fillText(
    fitText(ctx, request.title, layout.width - subtitleWidth - 48 * r),
    16 * r,
    (EXPORT_FRAME.title / 2) * r,
  );
  ctx.fillStyle = '#1f1f1d';
  ctx.fillRect(0, layout.map.y - r, layout.width, r);

  drawLegend(ctx, request.legend, r, layout.map.y);

  // Footer: scale bar left, attribution right.
  const footerY = layout.map.y + layout.map.height;
  ctx.fillRect(0, footerY, layout.width, r);
  const mid = footerY + (EXPORT_FRAME.footer / 2) * r;
  const bar = scaleBar(snapshot.zoom, snapshot.lat, Math.min(120, snapshot.width / 4));
  const x0 = 16 * r;
  ctx.lineWidth = 2 * r;
  ctx.strokeStyle = '#1f1f1d';
  ctx.beginPath();
  ctx.moveTo(x0, mid - 5 * r);
  ctx.lineTo(x0, mid + 3 * r);
  ctx.lineTo(x0 + bar.pixels * r, mid + 3 * r);
  ctx.lineTo(x0 + bar.pixels * r, mid - 5 * r);
  ctx.stroke();
  ctx.font = `400 ${12 * r}px ${FONT}`;
  ctx.fillStyle = '#1f1f1d';
  ctx.fillText(bar.label, x0 + bar.pixels * r + 8 * r, mid);
  const attributionX = x0 + bar.pixels * r + 8 * r + ctx.measureText(bar.label).width + 16 * r;
  ctx.textAlign = 'right';
  ctx.font = `400 ${11 * r}px ${FONT}`;
  ctx.fillStyle = '#55534f';
  ctx.fillText(
    fitText(ctx, MAP_ATTRIBUTION, layout.width - attributionX - 12 * r),
    layout.width - 12 * r,
    mid,
  );
  ctx.textAlign = 'left';
  return canvas;
}

function drawLegend(ctx: CanvasRenderingContext2D, blocks: LegendBlock[], r: number, top: number) {
  if (blocks.length === 0) return;
  const pad = 10 * r;
  const line = 20 * r;
  const width = 250 * r;
  const rows = blocks.reduce((n, b) => n + 1 + b.items.length, 0);
  const height = pad * 2 + rows * line;
  const x = 12 * r;
  const y = top + 12 * r;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(x, y, width, height);
  ctx.strokeStyle = '#1f1f1d';
  ctx.lineWidth = r;
  ctx.strokeRect(x, y, width, height);
  let cursor = y + pad + line / 2;
  for (const block of blocks) {
    ctx.font = `600 ${13 * r}px ${FONT}`;
    ctx.fillStyle = '#1f1f1d';
    ctx.fillText(fitText(ctx, block.title, width - 2 * pad), x + pad, cursor);
    cursor += line;
    ctx.font = `400 ${12 * r}px ${FONT}`;
    for (const item of block.items) {
      const sx = x + pad;
      if (item.swatch instanceof HTMLImageElement) {
        const w = 32 * r;
        const h = Math.min(16 * r, (item.swatch.height / item.swatch.width) * w || 12 * r);
        ctx.drawImage(item.swatch, sx, cursor - h / 2, w, h);
      } else if (typeof item.swatch === 'string') {
        ctx.fillStyle = item.swatch;
        ctx.fillRect(sx + 8 * r, cursor - 6 * r, 16 * r, 12 * r);
      }
      ctx.fillStyle = '#1f1f1d';
      ctx.fillText(fitText(ctx, item.label, width - 2 * pad - 40 * r), sx + 40 * r, cursor);
      cursor += line;
    }
  }
}

/** Save a canvas as a PNG file. */
export async function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  downloadBlob(blob, fileName);
}
