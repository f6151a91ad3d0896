import type { Activity } from 'botbuilder';

/**
 * `textFormat` on what Direct Line clients receive (Bot Framework Activity schema: plain, markdown,
 * xml; clients assume markdown when it is missing). Microsoft Web Chat renders markdown with
 * markdown-it and `breaks: false`, so a missing format turns an agent's `[x](https://…)` into a live
 * link, `![](…)` into an outside image, and a bot answer's single line breaks into one run-on line.
 * Our texts are plain: say so, and Web Chat shows them as written, one paragraph per line. A reply
 * that really is markdown keeps it, with its line breaks made hard breaks so they survive too.
 */
export function withTextFormat(activity: Partial<Activity>): Partial<Activity> {
  if (activity.type !== 'message' || typeof activity.text !== 'string') return activity;
  if (activity.textFormat === 'markdown') return { ...activity, text: markdownHardBreaks(activity.text) };
  if (activity.textFormat) return activity;
  return { ...activity, textFormat: 'plain' };
}

/** CommonMark hard line break: two spaces before the newline (blank lines stay paragraph breaks). */
export function markdownHardBreaks(text: string): string {
  return text.replace(/([^\n])\n(?!\n)/g, '$1  \n');
}
