/** Saving what the app made (CSV, PNG, story files) as a file: the browser's own download. */
import { CSV_MIME } from '../domain/csv';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV text (it carries its own BOM, see domain/csv.ts) as a file. */
export function downloadCsv(csv: string, fileName: string): void {
  downloadBlob(new Blob([csv], { type: CSV_MIME }), fileName);
}
