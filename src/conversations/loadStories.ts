import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { storySchema, type Story } from './storySchema';

/** A bad story file or story: the message names the file and the story, on one line. */
export class StoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryFileError';
  }
}

export interface LoadedStory extends Story {
  /** The file it came from, relative to the working directory. */
  file: string;
}

/** The story files of a directory (`*.json`, sorted) or the one file given. */
export function storyFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new StoryFileError(`${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

/** Reads and validates every story of the given files or directories; ids must be unique. */
export function loadStories(paths: string[]): LoadedStory[] {
  const stories: LoadedStory[] = [];
  const seen = new Map<string, string>();
  for (const file of paths.flatMap(storyFiles)) {
    for (const story of readFile(file)) {
      const other = seen.get(story.id);
      if (other) throw new StoryFileError(`${story.file}: story "${story.id}": the id is already used in ${other}`);
      seen.set(story.id, story.file);
      stories.push(story);
    }
  }
  return stories;
}

function readFile(path: string): LoadedStory[] {
  const file = relative(process.cwd(), path) || path;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoryFileError(`${file}: not a readable JSON file (${reason})`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((raw, index) => {
    const result = storySchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new StoryFileError(`${file}: story ${storyName(raw, index)}: ${where}${issue.message}`);
    }
    return { ...result.data, file };
  });
}

function storyName(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
  return typeof id === 'string' ? `"${id}"` : `#${index + 1} (no id)`;
}
