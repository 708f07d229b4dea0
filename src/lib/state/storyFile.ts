/**
 * The story file format (JSON export/import and share links) and its strict validation. Pure; next
 * to viewState.ts because every slide's view is checked by the same parser that reads the URL.
 *
 * A file is `{ format: "gransatlas-stories", version: 1, stories: [...] }`. Anything unexpected —
 * bad JSON, another format or version, too large, unknown fields, markup in a title, a view the URL
 * parser would not read back unchanged — rejects the whole file with an error code the UI turns into
 * a message; nothing is half-imported.
 */
import * as v from 'valibot';
import { defaultView, viewFromSearch, viewToSearch } from './viewState';
import { MARKUP, fromBase64Url, toBase64Url, type Slide, type Story } from '../domain/stories';

export const STORY_FORMAT = 'gransatlas-stories';
export const STORY_VERSION = 1;
/** Largest file read (bytes of text). */
export const MAX_FILE_CHARS = 1_000_000;
/** Longest share-link payload (base64url characters after `#story=`). */
export const MAX_LINK_CHARS = 12_000;
export const LIMITS = { stories: 200, slides: 100, title: 200, notes: 4000, view: 2000 } as const;

export type StoryErrorCode =
  'json' | 'format' | 'version' | 'size' | 'schema' | 'markup' | 'view' | 'link';

export type StoryResult<T> = { ok: true; value: T } | { ok: false; error: StoryErrorCode };

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
// Control characters have no place in a title or a note (a sign of a binary or hostile file).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((s) => !CONTROL.test(s), 'control'),
  );

const SlideSchema = v.strictObject({
  id: ID,
  title: text(LIMITS.title),
  notes: v.optional(text(LIMITS.notes), ''),
  view: v.pipe(v.string(), v.startsWith('?'), v.maxLength(LIMITS.view)),
});

const StorySchema = v.strictObject({
  id: ID,
  title: text(LIMITS.title),
  slides: v.pipe(v.array(SlideSchema), v.maxLength(LIMITS.slides)),
});

const FileSchema = v.strictObject({
  format: v.literal(STORY_FORMAT),
  version: v.literal(STORY_VERSION),
  stories: v.pipe(v.array(StorySchema), v.maxLength(LIMITS.stories)),
});

const PROBE = defaultView('en');

/**
 * True when `search` is a view the URL parser reads back unchanged: every parameter it names is one
 * the view writes, with the value the view writes for it (missing ones take their defaults). The
 * embed flag is a way of showing a view, not part of one, so a slide never carries it.
 */
export function isValidSlideView(search: string): boolean {
  if (!search.startsWith('?') || search.length > LIMITS.view) return false;
  let given: URLSearchParams;
  try {
    given = new URLSearchParams(search);
  } catch {
    return false;
  }
  const canonical = new URLSearchParams(viewToSearch(viewFromSearch(search, PROBE)));
  const seen = new Set<string>();
  for (const [key, value] of given) {
    if (seen.has(key) || key === 'embed') return false;
    seen.add(key);
    if (canonical.get(key) !== value) return false;
  }
  return true;
}

/** Validate parsed JSON as a story file. */
export function readStoryData(data: unknown): StoryResult<Story[]> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('format');
  const record = data as Record<string, unknown>;
  if (record.format !== STORY_FORMAT) return fail('format');
  if (record.version !== STORY_VERSION) return fail('version');
  const result = v.safeParse(FileSchema, data);
  if (!result.success) return fail('schema');
  const stories = result.output.stories as Story[];
  const titles = stories.flatMap((s) => [s.title, ...s.slides.flatMap((x) => [x.title, x.notes])]);
  if (titles.some((t) => MARKUP.test(t))) return fail('markup');
  if (!stories.every((s) => s.slides.every((slide) => isValidSlideView(slide.view)))) {
    return fail('view');
  }
  return { ok: true, value: stories };
}

/** Validate the text of a story file. */
export function readStoryFile(textContent: string): StoryResult<Story[]> {
  if (textContent.length > MAX_FILE_CHARS) return fail('size');
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch {
    return fail('json');
  }
  return readStoryData(data);
}

/** The JSON text of a story file holding `stories` (indented for people, or compact for storage). */
export function writeStoryFile(stories: readonly Story[], compact = false): string {
  const file = { format: STORY_FORMAT, version: STORY_VERSION, stories };
  return compact ? JSON.stringify(file) : JSON.stringify(file, null, 2);
}

/** The share-link payload (base64url of the compact file JSON) of one story, or null if too long. */
export function encodeStoryLink(story: Story): string | null {
  const payload = toBase64Url(
    JSON.stringify({ format: STORY_FORMAT, version: STORY_VERSION, stories: [story] }),
  );
  return payload.length <= MAX_LINK_CHARS ? payload : null;
}

/** The story a share-link payload carries. */
export function decodeStoryLink(payload: string): StoryResult<Story> {
  if (payload.length > MAX_LINK_CHARS) return fail('size');
  const json = fromBase64Url(payload);
  if (json === null) return fail('link');
  const result = readStoryFile(json);
  if (!result.ok) return result;
  if (result.value.length !== 1) return fail('link');
  return { ok: true, value: result.value[0] };
}

/** The `#story=` payload of a location hash, if there is one. */
export function storyPayloadFromHash(hash: string): string | null {
  const match = /^#story=([^&]*)$/.exec(hash);
  return match ? match[1] : null;
}

function fail<T>(error: StoryErrorCode): StoryResult<T> {
  return { ok: false, error };
}

export type { Slide, Story };
