/**
 * Stories: ordered slides, each a saved view (its URL query) with a title and optional notes. Pure
 * list operations and the compact text encoding used by share links; no browser, no Svelte.
 */

export interface Slide {
  id: string;
  title: string;
  notes: string;
  /** The slide's view as its URL query (`?lang=sv&c=…`): one strict parser validates it. */
  view: string;
}

export interface Story {
  id: string;
  title: string;
  slides: Slide[];
}

/** Tag-like text ("<script", "</b", "<!--"): never needed in a title, a sign of a hostile file. */
export const MARKUP = /<\s*[/!?]?\s*[a-z]/i;

/**
 * Text typed into a title or note, made safe to store and share: a "<" that would start a tag
 * becomes "‹", so what the user saves is always importable again ("< 5 km" stays as it is). Titles
 * are rendered as text in any case; this keeps exported files free of anything tag-like.
 */
export function plainText(text: string): string {
  return text.replace(/<(?=\s*[/!?]?\s*[a-z])/gi, '‹');
}

/** Move the item at `from` to `to` (both clamped); a new array, the input is left as it was. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= items.length) return next;
  const target = Math.max(0, Math.min(items.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** A copy of the slide at `index`, inserted right after it with a new id. */
export function duplicateSlide(slides: readonly Slide[], index: number, newId: string): Slide[] {
  const original = slides[index];
  if (!original) return [...slides];
  const next = [...slides];
  next.splice(index + 1, 0, { ...original, id: newId });
  return next;
}

/** UTF-8 text as base64url (no padding): compact and safe in a URL hash. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a base64url string encodes, or null when it is not valid base64url UTF-8. */
export function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
