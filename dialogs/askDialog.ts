import type { TurnContext } from 'botbuilder';
import { Dialog } from './dialogKit';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { Localizer } from '../src/i18n/localizer';
import type { DialogueAct } from '../src/understanding/parse';
import { matchChoice } from './choiceMatcher';
import { DialogId } from './dialogIds';
import type { Replies } from './replies';
import { menuChoiceSchema, t, textRefSchema, type MenuChoice, type TextRef } from './textRef';
import { getTurnInput, type TurnInput } from './turnInput';

/** Free text a question accepts besides its choices. */
export const FREE_TEXT_KINDS = ['none', 'branchQuery', 'anyText'] as const;
export type FreeTextKind = (typeof FREE_TEXT_KINDS)[number];
export type FreeTextAcceptors = Record<FreeTextKind, (input: TurnInput) => boolean>;

export interface AskOptions {
  question: TextRef;
  choices: MenuChoice[];
  accept?: FreeTextKind;
  /** Said (with `{query}` = the customer's text) before repeating the question when input fits nothing. */
  notUnderstood?: TextRef;
  /** Said once before the question, in the same message (not repeated on re-asking). */
  preface?: TextRef[];
}

export type AskResult = { kind: 'choice'; id: string } | { kind: 'text'; text: string };

const askStateSchema = z.object({
  question: textRefSchema,
  choices: z.array(menuChoiceSchema),
  accept: z.enum(FREE_TEXT_KINDS).default('none'),
  notUnderstood: textRefSchema.optional(),
});
type AskState = z.output<typeof askStateSchema>;

const askResultSchema = z.union([
  z.object({ kind: z.literal('choice'), id: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);

/** Reads a waterfall step's result as an AskResult (undefined when the question was abandoned). */
export function askResult(value: unknown): AskResult | undefined {
  // chosenKey() asks this of plain strings too; zod's failure path (issue objects) cost ~4 µs each.
  if (typeof value !== 'object' || value === null) return undefined;
  const parsed = askResultSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The one way flows wait for the customer: a question with numbered choices (buttons too) and,
 * optionally, free text of a known kind. Its state holds references, not rendered text, so it
 * can be asked again in another language, and it is validated when read back from storage.
 * The router asks `claim` first; input nobody claims is handled there (FAQ, "not understood").
 */
export class AskDialog extends Dialog<AskOptions> {
  constructor(
    private readonly replies: Replies,
    private readonly localizer: Localizer,
    private readonly acceptors: FreeTextAcceptors,
  ) {
    super(DialogId.Ask);
  }

  override async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    // What the state keeps of the options (the preface is said once and not kept).
    const stored = options
      ? { question: options.question, choices: options.choices, accept: options.accept, notUnderstood: options.notUnderstood }
      : {};
    const state = parseState(stored);
    if (!state || !dc.activeDialog) {
      const problem = askStateSchema.safeParse(stored).error?.message ?? 'no active dialog';
      throw new Error(`AskDialog.beginDialog(): invalid options: ${problem}`);
    }
    dc.activeDialog.state = state;
    this.replies.ask(dc.context, state.question, state.choices, options?.preface ?? []);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = readState(dc.activeDialog);
    if (!state) return dc.endDialog();
    const input = getTurnInput(dc.context);
    const result = input ? this.claimState(state, input) : undefined;
    if (result) return dc.endDialog(result);
    this.sayNotUnderstood(dc.context, state, input?.text ?? '');
    return Dialog.EndOfTurn;
  }

  /** A dialog started on top of this question (an FAQ aside) ended: ask the question again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(ctx: TurnContext, instance: DialogInstance): Promise<void> {
    this.reprompt(ctx, instance);
  }

  /** What this question makes of the input, or undefined when it is not an answer to it. */
  claim(instance: DialogInstance, input: TurnInput): AskResult | undefined {
    const state = readState(instance);
    return state ? this.claimState(state, input) : undefined;
  }

  /** True when the input is exactly one of the choices (its number, label or one of its words). */
  claimsExactly(instance: DialogInstance, input: TurnInput): boolean {
    const state = readState(instance);
    return state !== undefined && matchChoice(input.normalized, state.choices, this.localizer, true) !== undefined;
  }

  reprompt(ctx: TurnContext, instance: DialogInstance, preface: TextRef[] = []): void {
    const state = readState(instance);
    if (state) this.replies.ask(ctx, state.question, state.choices, preface);
  }

  sayNotUnderstood(ctx: TurnContext, state: AskState, text: string): void {
    const note = state.notUnderstood ?? t('common.notUnderstood');
    const withQuery = 'key' in note ? t(note.key, { ...note.vars, query: text }) : note;
    this.replies.ask(ctx, state.question, state.choices, [withQuery]);
  }

  notUnderstood(ctx: TurnContext, instance: DialogInstance, text: string): void {
    const state = readState(instance);
    if (state) this.sayNotUnderstood(ctx, state, text);
  }

  private claimState(state: AskState, input: TurnInput): AskResult | undefined {
    const choice = matchChoice(input.normalized, state.choices, this.localizer) ?? this.byAct(state, input);
    if (choice) return { kind: 'choice', id: choice.id };
    if (this.acceptors[state.accept](input)) return { kind: 'text', text: input.text };
    return undefined;
  }

  /**
   * "no, I'll call the hotline myself" / "不用了，我自己打电话": a yes or no with more words than a
   * choice's label is still that answer (the parse's act says so), when the question has such a choice.
   */
  private byAct(state: AskState, input: TurnInput): MenuChoice | undefined {
    const words = ACT_WORDS[input.parse.act];
    if (!words) return undefined;
    for (const word of words) {
      const choice = matchChoice(word, state.choices, this.localizer, true);
      if (choice) return choice;
    }
    return undefined;
  }
}

/** The plain words of a yes or a no, matched against the pending question's choices (their words list every language). */
const ACT_WORDS: Partial<Record<DialogueAct, readonly string[]>> = { affirm: ['yes'], deny: ['no'] };

/**
 * The router asks the pending question several times per turn (exact claim, claim, reprompt), and
 * validating its state was the bot's largest zod cost in profiles: parse each state object once.
 * State objects are fresh from storage every turn and never mutated after `beginDialog`.
 */
const parsedStates = new WeakMap<object, AskState | null>();

function readState(instance: DialogInstance | undefined): AskState | undefined {
  const raw: unknown = instance?.state;
  if (typeof raw !== 'object' || raw === null) return undefined;
  let state = parsedStates.get(raw);
  if (state === undefined) {
    state = parseState(raw);
    parsedStates.set(raw, state);
  }
  return state ?? undefined;
}

/**
 * Every conversation asks the same few questions, so the same state texts come back from storage
 * again and again; validation results are kept by JSON text. Measured: the branch question's
 * state (eight bilingual cities, twice) took 17 µs to validate and ~2 µs to stringify; this was
 * ~4 % of the bot's CPU per turn in bench/turnCost.ts. Results are deep-frozen because one
 * object serves every conversation with that state. The bound keeps states that quote a
 * customer's words (branch.notFound) from growing the map without limit.
 */
const STATE_CACHE_LIMIT = 256;
const statesByJson = new Map<string, AskState | null>();

function parseState(raw: object): AskState | null {
  const json = JSON.stringify(raw);
  let state = statesByJson.get(json);
  if (state === undefined) {
    const parsed = askStateSchema.safeParse(raw);
    state = parsed.success ? deepFreeze(parsed.data) : null;
    if (statesByJson.size >= STATE_CACHE_LIMIT) statesByJson.clear();
    statesByJson.set(json, state);
  }
  return state;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
