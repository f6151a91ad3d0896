/**
 * `npm run --silent faq -- <command>`. Machine-readable output goes to stdout (the last line one
 * JSON object); tables and misses go to stderr.
 *
 *   test [--misses] [--file F]     held-out figures: hit rate, answered outright, wrong answers,
 *        [--dev | --dev-file D]    out-of-scope false answers, per language; with --dev also the
 *                                  dev set (intents/faqDev.json, or D) per variety, under "dev"
 *   calibrate [--file F]           refit the confidence model; prints the weights and its calibration
 *   bench [--file F] [--rounds N]  µs per search over the held-out and out-of-scope questions (median of rounds)
 *   ask [--file F]                 stdin: one question per line; stdout: outcome, confidence, best entries
 *   pairs FILE...                  paraphrase agreement (ROC AUC) on labelled pair files (BQ, AFQMC)
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadBranches } from '../branches/loadBranches';
import { DEFAULT_DATA_FILES } from '../i18n/dataFiles';
import { loadCatalogues } from '../i18n/loadCatalogues';
import { normalizeText } from '../i18n/normalizeText';
import { loadLexicons } from '../understanding/loadLexicons';
import { pinyinReadingOf } from '../understanding/pinyinReadingOf';
import { PACKAGE_ROOT } from '../packageRoot';
import { devFigures, type DevFigures } from './faqDevEvaluation';
import { readFaqDevFile } from './faqDevSchema';
import { faqFigures, type FaqFigures } from './faqEvaluation';
import type { FaqIndex } from './faqIndex';
import { calibrationTable, fitConfidence, roundModel, type LabelledSignals } from './fitConfidence';
import { faqIndexOf, readFaqFile } from './loadFaq';
import { pairAgreement } from './pairAgreement';

/**
 * An out-of-scope question counts this many times in the confidence fit: there are few of them in
 * the file, and answering one is worse than offering choices for a real question.
 */
const OUT_OF_SCOPE_WEIGHT = 3;

/** The dev set kept beside the FAQ (faqDevSchema.ts); not part of a bank's data, so not in DataFiles. */
const DEV_FILE = resolve(PACKAGE_ROOT, 'intents/faqDev.json');

const USAGE = 'usage: faq test [--misses] [--dev | --dev-file D] | calibrate | bench [--rounds N] | ask | pairs FILE... ; all take [--file intents/faq.json]\n';

function main(argv: readonly string[]): Promise<number> | number {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: { file: { type: 'string' }, misses: { type: 'boolean' }, rounds: { type: 'string' }, dev: { type: 'boolean' }, 'dev-file': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = readFaqFile(values.file ?? DEFAULT_DATA_FILES.faqFile);
  const index = faqIndexOf(file);
  const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  if (command === 'test') {
    const { figures, phrasings, outOfScope } = faqFigures(index, file);
    if (values.misses) {
      for (const p of phrasings.filter((r) => r.outcome === 'wrong' || r.outcome === 'missed')) {
        process.stderr.write(`${p.outcome.padEnd(6)} ${p.id} [${p.lang}] ${p.text} → ${p.top ?? '-'} (${p.search.outcome} ${p.search.confidence.toFixed(2)})\n`);
      }
      for (const o of outOfScope.filter((r) => r.search.outcome !== 'none')) {
        process.stderr.write(`oos-${o.search.outcome} [${o.lang}] ${o.text} → ${o.search.ranked[0]?.entry.id} (${o.search.confidence.toFixed(2)})\n`);
      }
    }
    process.stderr.write(describe(figures));
    const devFile = values['dev-file'] ?? (values.dev ? DEV_FILE : undefined);
    if (devFile === undefined) {
      out(figures);
      return 0;
    }
    // Searched as a turn searches: pinyin read in characters first (src/router.ts).
    const reading = pinyinReadingOf(() => {
      const catalogues = loadCatalogues(DEFAULT_DATA_FILES.repliesDir);
      return { lexicons: loadLexicons(), faqEntries: file.entries, zh: catalogues.zh, en: catalogues.en, branches: loadBranches(DEFAULT_DATA_FILES.branchesFile).branches };
    });
    const lookup = (text: string) => reading.read(normalizeText(text)) ?? text;
    const dev = devFigures(index, readFaqDevFile(devFile, new Set(file.entries.map((e) => e.id))), lookup);
    if (values.misses) {
      for (const r of dev.results.filter((x) => x.outcome === 'wrong' || x.outcome === 'missed')) {
        process.stderr.write(`dev-${r.outcome.padEnd(6)} ${r.id} [${r.variety}] ${r.text} → ${r.top ?? '-'} (${r.search.outcome} ${r.search.confidence.toFixed(2)})\n`);
      }
      for (const o of dev.outOfScope.filter((x) => x.search.outcome !== 'none')) {
        process.stderr.write(`dev-oos-${o.search.outcome} [${o.variety}] ${o.text} → ${o.search.ranked[0]?.entry.id} (${o.search.confidence.toFixed(2)})\n`);
      }
    }
    process.stderr.write(describeDev(dev.figures));
    out({ ...figures, dev: dev.figures });
    return 0;
  }
  if (command === 'calibrate') {
    const { phrasings, outOfScope } = faqFigures(index, file);
    const examples: LabelledSignals[] = [
      ...phrasings.map((p) => ({ signals: p.search.signals, right: p.top === p.id })),
      ...outOfScope.map((o) => ({ signals: o.search.signals, right: false, weight: OUT_OF_SCOPE_WEIGHT })),
    ];
    const before = calibrationTable(examples, index.settings.confidence);
    const model = roundModel(fitConfidence(examples));
    const after = calibrationTable(examples, model);
    out({ examples: examples.length, current: { model: index.settings.confidence, ...before }, fitted: { model, ...after } });
    return 0;
  }
  if (command === 'bench') return bench(index, file, Number(values.rounds ?? 5), out);
  if (command === 'ask') return ask(index, out);
  if (command === 'pairs') {
    if (positionals.length === 0) throw new UsageError('pairs needs at least one FILE');
    for (const path of positionals) out(pairAgreement(path, (text) => index.analyze(text)));
    return 0;
  }
  throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command');
}

function describe(f: FaqFigures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const line = (name: string, r: FaqFigures['perLanguage']['zh']) =>
    `${name.padEnd(4)} ${String(r.phrasings).padStart(4)} phrasings: hit ${pct(r.hitRate)}, answered ${pct(r.answeredRate)}, offered ${pct(r.offeredRate)}, wrong answer ${pct(r.wrongAnswerRate)}, missed ${pct(r.missedRate)}\n`;
  return (
    `${f.entries} entries\n${line('all', f)}${line('zh', f.perLanguage.zh)}${line('en', f.perLanguage.en)}` +
    `out of scope: ${f.outOfScope.falseAnswers}/${f.outOfScope.questions} answered (${pct(f.outOfScope.falseAnswerRate)}), ${f.outOfScope.offeredChoices} offered choices\n`
  );
}

function describeDev(f: DevFigures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const line = (name: string, r: FaqFigures['perLanguage']['zh']) =>
    `${name.padEnd(10)} ${String(r.phrasings).padStart(4)} questions: hit ${pct(r.hitRate)}, answered ${pct(r.answeredRate)}, offered ${pct(r.offeredRate)}, wrong answer ${pct(r.wrongAnswerRate)}, missed ${pct(r.missedRate)}\n`;
  const varieties = Object.entries(f.perVariety).map(([name, r]) => line(name, r));
  return `dev set\n${line('all', f)}${varieties.join('')}dev out of scope: ${f.outOfScope.falseAnswers}/${f.outOfScope.questions} answered, ${f.outOfScope.offeredChoices} offered choices\n`;
}

function bench(index: FaqIndex, file: ReturnType<typeof readFaqFile>, rounds: number, out: (v: unknown) => void): number {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new UsageError('--rounds expects a whole number from 1 to 100');
  const queries = [
    ...file.entries.flatMap((e) => [...e.tests.zh, ...e.tests.en]),
    ...file.outOfScopeTests.zh,
    ...file.outOfScopeTests.en,
  ];
  for (const q of queries) index.search(q); // warm up (JIT, spelling cache)
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < 10; i += 1) for (const q of queries) index.search(q);
    const used = process.cpuUsage(startCpu);
    wall.push(Number(process.hrtime.bigint() - start) / 1000 / (10 * queries.length));
    cpu.push((used.user + used.system) / (10 * queries.length));
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
  out({ queries: queries.length, rounds, medianCpuMicrosPerSearch: median(cpu), medianWallMicrosPerSearch: median(wall) });
  return 0;
}

async function ask(index: FaqIndex, out: (v: unknown) => void): Promise<number> {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const s = index.search(line);
    out({ text: line, outcome: s.outcome, confidence: Math.round(s.confidence * 1000) / 1000, signals: s.signals, best: s.ranked.slice(0, 3).map((h) => ({ id: h.entry.id, score: Math.round(h.score * 1000) / 1000 })) });
  }
  return 0;
}

class UsageError extends Error {}

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`faq: ${message}\n${error instanceof UsageError || (error instanceof Error && error.name === 'TypeError') ? USAGE : ''}`);
      process.exitCode = 2;
    },
  );
