import { loadStories, type LoadedStory } from './loadStories';

/** Where the repository's own stories live. */
export const DEFAULT_STORY_DIR = 'test/conversations';

/**
 * Loads the stories and keeps those matching any filter (case-insensitive substring of the
 * story id, category, file or a language tag); no filter keeps all.
 */
export function selectStories(paths: string[], filters: string[]): LoadedStory[] {
  const stories = loadStories(paths);
  if (filters.length === 0) return stories;
  const wanted = filters.map((f) => f.toLowerCase());
  return stories.filter((s) => {
    const fields = [s.id, s.category, s.file, ...s.lang].map((f) => f.toLowerCase());
    return wanted.some((w) => fields.some((f) => f.includes(w)));
  });
}
