import type { TurnContext } from 'botbuilder';
import { detectScript } from '../nlu/detectScript';
import { turnInfo } from '../runtime/turnInfo';
import { SCRIPTS, type CustomerScript } from './handoverRecord';

/**
 * The script to answer in: what the NLU saw this turn if it ran, else a guess from the text, with
 * the channel's locale deciding when the text says nothing (an English Teams client writing "1").
 */
export function customerScript(ctx: TurnContext, fallback?: CustomerScript): CustomerScript {
  const seen = turnInfo(ctx).script;
  const known = SCRIPTS.find((s) => s === seen);
  if (known) return known;
  const locale = (ctx.activity.locale ?? '').toLowerCase();
  const byLocale: CustomerScript = locale.startsWith('en') ? 'en' : /^zh-(tw|hk|mo|hant)/.test(locale) ? 'zh-Hant' : 'zh-Hans';
  const base = fallback ?? byLocale;
  return detectScript(ctx.activity.text ?? '', { language: base === 'en' ? 'en' : 'zh', script: base }).script;
}
