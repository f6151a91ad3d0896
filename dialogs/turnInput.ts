import type { TurnContext } from 'botbuilder';
import type { SharedLocation } from '../src/channels/location';
import type { ReplyLocale } from '../src/i18n/localizer';
import type { Recognition } from '../src/nlu/types';
import type { ConversationMemory } from '../src/understanding/conversationMemory';
import type { Parse } from '../src/understanding/parse';

/** What the router learned about this turn's message, shared with every dialog that runs in it. */
export interface TurnInput {
  /** The customer's text made safe to quote: tags stripped, whitespace tidied, length capped. */
  text: string;
  /**
   * `text` normalized for matching (simplified, lower-case, punctuation as spaces); toneless pinyin
   * in it is written in characters ("quxiao" → 取消), so lexicons and command words read it.
   */
  normalized: string;
  /** What FAQ lookups search: `text`, or its reading in characters when it was typed in pinyin. */
  lookup: string;
  recognition: Recognition;
  locale: ReplyLocale;
  location?: SharedLocation;
  /** The parse of this message (act, slots, safety). */
  parse: Parse;
  /** The conversation's memory (slots, topic, what was shown); flows read and update it, the router saves it. */
  memory: ConversationMemory;
}

const TURN_INPUT = Symbol('turnInput');

export function setTurnInput(ctx: TurnContext, input: TurnInput): void {
  ctx.turnState.set(TURN_INPUT, input);
}

export function getTurnInput(ctx: TurnContext): TurnInput | undefined {
  const input: TurnInput | undefined = ctx.turnState.get(TURN_INPUT);
  return input;
}
