/**
 * Files dropped anywhere on the page go to "Your data", whichever layers are on: the layer is turned
 * on and its code loaded on the first drop. Listening starts with the app, so a drop never makes the
 * browser leave the map to open the file.
 */
import { view } from './view.svelte';

class FileDrag {
  /** A file is being dragged over the page. */
  active = $state(false);
}

export const fileDrag = new FileDrag();

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function listenForFileDrops(): () => void {
  let depth = 0;
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    fileDrag.active = true;
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) fileDrag.active = false;
  };
  const over = (e: DragEvent) => {
    if (hasFiles(e)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    depth = 0;
    fileDrag.active = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    if (!view.layers.includes('imported')) view.layers = [...view.layers, 'imported'];
    void import('./imported.svelte').then((m) => m.importFiles(files));
  };
  document.addEventListener('dragenter', enter);
  document.addEventListener('dragleave', leave);
  document.addEventListener('dragover', over);
  document.addEventListener('drop', drop);
  return () => {
    document.removeEventListener('dragenter', enter);
    document.removeEventListener('dragleave', leave);
    document.removeEventListener('dragover', over);
    document.removeEventListener('drop', drop);
  };
}
