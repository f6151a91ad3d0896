import { checkTurn, type Failure } from './checkTurn';
import type { LoadedStory } from './loadStories';
import type { StoryWorld } from './storyWorld';

export interface TurnResult {
  /** 1-based, as a reader counts turns. */
  turn: number;
  said: string;
  pass: boolean;
  failures: Failure[];
  /** The rule the story expected (the first, when several are allowed), for per-rule figures. */
  expectedRule?: string;
  /** What the bot did, for the report. */
  got: { intent?: string; rule?: string; script?: string; replyKeys: string[]; reply: string };
}

export interface StoryResult {
  id: string;
  file: string;
  category: string;
  lang: string[];
  safety: boolean;
  pass: boolean;
  turns: TurnResult[];
}

/** Plays every story in its own fresh conversation, one after the other, and checks every turn. */
export async function runStories(stories: LoadedStory[], world: StoryWorld): Promise<StoryResult[]> {
  const results: StoryResult[] = [];
  for (const story of stories) {
    const conversation = await world.begin(story);
    const turns: TurnResult[] = [];
    for (const [index, turn] of story.turns.entries()) {
      const record = await conversation.play(turn);
      const failures = checkTurn(turn, record);
      turns.push({
        turn: index + 1,
        said: record.said,
        pass: failures.length === 0,
        failures,
        expectedRule: turn.rule === undefined ? undefined : [turn.rule].flat()[0],
        got: {
          intent: record.info.intent,
          rule: record.info.rule,
          script: record.info.script,
          replyKeys: record.replyKeys,
          reply: record.texts.join('\n'),
        },
      });
    }
    results.push({
      id: story.id,
      file: story.file,
      category: story.category,
      lang: story.lang,
      safety: story.safety === true,
      pass: turns.every((t) => t.pass),
      turns,
    });
  }
  return results;
}
