import type { TurnContext } from 'botbuilder';
import type { Localizer } from '../src/i18n/localizer';
import { getTurnLocale } from '../src/i18n/turnLocale';
import { turnInfo } from '../src/runtime/turnInfo';
import { ask, say } from './outbox';
import type { MenuChoice, TextRef } from './textRef';

/** Renders references in the turn's locale and queues them in the turn's outbox. */
export class Replies {
  constructor(private readonly localizer: Localizer) {}

  render(ctx: TurnContext, ref: TextRef): string {
    // Which catalogue texts a turn used is what the conversation stories and metrics check.
    if ('key' in ref) (turnInfo(ctx).replyKeys ??= []).push(ref.key);
    const locale = getTurnLocale(ctx);
    return 'key' in ref ? this.localizer.text(locale, ref.key, ref.vars) : this.localizer.pick(locale, ref.text);
  }

  say(ctx: TurnContext, ...refs: TextRef[]): void {
    for (const ref of refs) say(ctx, this.render(ctx, ref));
  }

  label(ctx: TurnContext, choice: MenuChoice): string {
    const locale = getTurnLocale(ctx);
    return 'key' in choice.label ? this.localizer.label(locale, choice.label.key) : this.localizer.pick(locale, choice.label.text);
  }

  /** A question with numbered choices in the text (for WeChat) and as buttons (everywhere else). */
  ask(ctx: TurnContext, question: TextRef, choices: MenuChoice[], preface: TextRef[] = []): void {
    const locale = getTurnLocale(ctx);
    const labels = choices.map((c) => this.label(ctx, c));
    const lines = labels.map((label, i) => this.localizer.text(locale, 'menu.item', { n: i + 1, label }));
    const text = [...preface.map((p) => this.render(ctx, p)), [this.render(ctx, question), ...lines].join('\n')].join('\n\n');
    ask(ctx, text, labels);
  }
}
