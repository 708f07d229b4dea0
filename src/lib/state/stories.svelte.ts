/**
 * Stories (rune state): the saved list, kept in localStorage; the story being edited; presenting
 * (which slide is on screen); and the open dialogs of the presenter UI. A slide is the view's URL
 * query, so showing one is parsing it into `view` and flying the camera there.
 */
import { tick } from 'svelte';
import { view } from './view.svelte';
import { defaultView, viewFromSearch, viewToSearch } from './viewState';
import { mapActions } from './mapActions';
import {
  decodeStoryLink,
  readStoryData,
  storyPayloadFromHash,
  writeStoryFile,
  type StoryErrorCode,
} from './storyFile';
import { duplicateSlide, moveItem, plainText, type Slide, type Story } from '../domain/stories';

const STORAGE_KEY = 'gransatlas.stories';

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function loadStored(): Story[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return [];
    const result = readStoryData(JSON.parse(raw));
    if (result.ok) return result.value;
    // Never overwrite what cannot be read: keep it aside for someone to recover.
    localStorage.setItem(`${STORAGE_KEY}.unreadable`, raw);
  } catch {
    // Storage disabled or unreadable: start empty.
  }
  return [];
}

export type PresenterMessage =
  | { kind: 'error'; code: StoryErrorCode }
  | { kind: 'info'; key: 'imported' | 'linkImported' | 'linkCopied' | 'saved' | 'storageFailed' };

class Stories {
  list = $state.raw<Story[]>(loadStored());
  currentId = $state<string | null>(null);
  current = $derived(this.list.find((s) => s.id === this.currentId) ?? this.list[0] ?? null);
  /** Index of the slide on screen while presenting; null when not presenting. */
  presenting = $state<number | null>(null);
  storiesOpen = $state(false);
  exportOpen = $state(false);
  message = $state<PresenterMessage | null>(null);
}

export const stories = new Stories();

function persist(list: Story[]) {
  stories.list = list;
  try {
    // Stored in the file format, so the one validator reads it back.
    localStorage.setItem(STORAGE_KEY, writeStoryFile(list, true));
  } catch {
    stories.message = { kind: 'info', key: 'storageFailed' };
  }
}

function updateStory(id: string, change: (story: Story) => Story) {
  persist(stories.list.map((s) => (s.id === id ? change(s) : s)));
}

function updateSlides(storyId: string, change: (slides: Slide[]) => Slide[]) {
  updateStory(storyId, (s) => ({ ...s, slides: change(s.slides) }));
}

/** The current view as a slide query (the camera where the map is, never the embed flag). */
export function currentViewQuery(): string {
  return viewToSearch({ ...view, embed: false });
}

export function createStory(title: string): Story {
  const story: Story = { id: newId(), title, slides: [] };
  persist([...stories.list, story]);
  stories.currentId = story.id;
  return story;
}

export function renameStory(id: string, title: string) {
  updateStory(id, (s) => ({ ...s, title: plainText(title) }));
}

export function deleteStory(id: string) {
  persist(stories.list.filter((s) => s.id !== id));
  if (stories.currentId === id) stories.currentId = null;
}

export function addSlide(storyId: string, title: string) {
  updateSlides(storyId, (slides) => [
    ...slides,
    { id: newId(), title, notes: '', view: currentViewQuery() },
  ]);
}

export function updateSlide(storyId: string, slideId: string, change: Partial<Slide>) {
  updateSlides(storyId, (slides) =>
    slides.map((s) => (s.id === slideId ? { ...s, ...change } : s)),
  );
}

export function moveSlide(storyId: string, from: number, to: number) {
  updateSlides(storyId, (slides) => moveItem(slides, from, to));
}

export function copySlide(storyId: string, index: number) {
  updateSlides(storyId, (slides) => duplicateSlide(slides, index, newId()));
}

export function deleteSlide(storyId: string, slideId: string) {
  updateSlides(storyId, (slides) => slides.filter((s) => s.id !== slideId));
}

/** Add imported stories; one with an id already here gets a new id, so nothing is replaced. */
export function addStories(imported: Story[]) {
  const ids = stories.list.map((s) => s.id);
  const added = imported.map((s) => (ids.includes(s.id) ? { ...s, id: newId() } : s));
  persist([...stories.list, ...added]);
  if (added.length > 0) stories.currentId = added[0].id;
}

/** Show a slide: every view field at once, the camera by flying there. */
export function showSlide(slide: Slide) {
  const target = viewFromSearch(slide.view, defaultView(view.lang));
  const { camera, embed: _embed, ...rest } = target;
  Object.assign(view, rest);
  mapActions.flyTo(camera);
}

export function startPresenting(index = 0) {
  const story = stories.current;
  if (!story || story.slides.length === 0) return;
  stories.storiesOpen = false;
  const start = Math.max(0, Math.min(story.slides.length - 1, index));
  stories.presenting = start;
  // Fly once the top bar and panels are gone, so the flight ends where the slide says.
  void tick().then(() => showSlide(story.slides[start]));
}

export function step(delta: number) {
  const story = stories.current;
  if (!story || stories.presenting === null) return;
  const next = Math.max(0, Math.min(story.slides.length - 1, stories.presenting + delta));
  if (next === stories.presenting) return;
  stories.presenting = next;
  showSlide(story.slides[next]);
}

export function stopPresenting() {
  stories.presenting = null;
}

/** A story shared as `#story=…` is added on load; the hash is then cleared. */
export function importFromHash() {
  const payload = storyPayloadFromHash(location.hash);
  if (payload === null) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  const result = decodeStoryLink(payload);
  if (result.ok) {
    addStories([result.value]);
    stories.message = { kind: 'info', key: 'linkImported' };
  } else {
    stories.message = { kind: 'error', code: result.error };
  }
  stories.storiesOpen = true;
}
