import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { Localizer } from '../src/i18n/localizer';
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
    const parsed = askStateSchema.safeParse(options ?? {});
    if (!parsed.success || !dc.activeDialog) {
      throw new Error(`AskDialog.beginDialog(): invalid options: ${parsed.error?.message ?? 'no active dialog'}`);
    }
    dc.activeDialog.state = parsed.data;
    this.replies.ask(dc.context, parsed.data.question, parsed.data.choices, options?.preface ?? []);
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
    const choice = matchChoice(input.normalized, state.choices, this.localizer);
    if (choice) return { kind: 'choice', id: choice.id };
    if (this.acceptors[state.accept](input)) return { kind: 'text', text: input.text };
    return undefined;
  }
}

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
    const parsed = askStateSchema.safeParse(raw);
    state = parsed.success ? parsed.data : null;
    parsedStates.set(raw, state);
  }
  return state ?? undefined;
}
