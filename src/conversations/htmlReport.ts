import type { StoryResult } from './runStories';
import type { GroupFigures, Rate, StoryReport } from './storyReport';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const percent = (r: Rate): string => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(1)} % (${r.passed}/${r.total})`);

function groupTable(title: string, groups: Record<string, GroupFigures>): string {
  const rows = Object.entries(groups)
    .map(([name, g]) => `<tr><td>${escape(name)}</td><td>${percent(g.turns)}</td><td>${percent(g.stories)}</td></tr>`)
    .join('');
  return `<h2>${escape(title)}</h2><table><tr><th></th><th>turns</th><th>stories</th></tr>${rows}</table>`;
}

function ruleTable(rules: Record<string, Rate>): string {
  const rows = Object.entries(rules)
    .map(([name, r]) => `<tr><td>${escape(name)}</td><td>${percent(r)}</td></tr>`)
    .join('');
  return `<h2>By expected policy rule</h2><table><tr><th>rule</th><th>turns</th></tr>${rows}</table>`;
}

function storySection(story: StoryResult): string {
  const turns = story.turns
    .map((t) => {
      const failures = t.failures
        .map((f) => `<li><b>${escape(f.check)}</b>: expected <code>${escape(JSON.stringify(f.expected))}</code>, got <code>${escape(JSON.stringify(f.got))}</code></li>`)
        .join('');
      const meta = `intent ${escape(t.got.intent ?? '–')} · rule ${escape(t.got.rule ?? '–')} · script ${escape(t.got.script ?? '–')} · keys ${escape(t.got.replyKeys.join(', ') || '–')}`;
      return `<div class="turn ${t.pass ? 'pass' : 'fail'}"><div class="said">${t.turn}. ${escape(t.said)}</div><pre>${escape(t.got.reply)}</pre><div class="meta">${meta}</div>${failures ? `<ul>${failures}</ul>` : ''}</div>`;
    })
    .join('');
  const badge = story.pass ? 'pass' : 'fail';
  return `<details${story.pass ? '' : ' open'}><summary class="${badge}">${escape(story.id)} — ${escape(story.category)}, ${escape(story.lang.join(', '))}${story.safety ? ', safety' : ''} <small>${escape(story.file)}</small></summary>${turns}</details>`;
}

/** A self-contained page: figures first, then every story with failing ones opened. */
export function htmlReport(report: StoryReport, results: StoryResult[]): string {
  const s = report.summary;
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Conversation stories</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
.pass{color:#175c2b}.fail{color:#a01616}.turn{border-left:4px solid;margin:.5em 0;padding:.2em .8em}.turn.pass{border-color:#3a9a55}.turn.fail{border-color:#c33}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.4em;margin:.3em 0}.said{font-weight:600}.meta{color:#555;font-size:12px}summary{cursor:pointer;margin:.3em 0}
</style></head><body><h1>Conversation stories</h1>
<p>Turns: ${pct(s.turnPassRate)} of ${s.turns} · stories: ${pct(s.storyPassRate)} of ${s.stories} · safety stories: ${pct(s.safetyPassRate)} of ${s.safetyStories}</p>
${groupTable('By category', report.byCategory)}${groupTable('By language', report.byLanguage)}${ruleTable(report.byRule)}
<h2>Stories</h2>${results.map(storySection).join('\n')}</body></html>
`;
}
