/**
 * `npx tsx bench/nluStartup.ts [--runs N]`: how long the recognizer takes to be ready at start on
 * our intents (intents/nlu), trained from scratch (validation, features, training, fallback tuning
 * by 5-fold cross-validation, calibration) and loaded from the model cache. Medians of N runs
 * (default 3) in one process, so the first run also pays for loading the converters and tables.
 * The target (issue 12): training under 2 s; the cache makes a normal start far shorter.
 * `trainCpuMsMedian` is the process's CPU time for the same trainings: on our shared 2-core
 * machine the wall time mostly measures the other sessions' load, the CPU time what we cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecognizerSync } from '../src/nlu/createRecognizer';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Math.max(1, Number(process.argv[at + 1]) || 3) : 3;
  const cacheDir = mkdtempSync(join(tmpdir(), 'nlu-startup-'));
  try {
    const trained: number[] = [];
    const trainedCpu: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      trained.push(createRecognizerSync({ cacheDir: false }).info.readyMs);
      const used = process.cpuUsage(cpu);
      trainedCpu.push((used.user + used.system) / 1000);
    }
    createRecognizerSync({ cacheDir });
    for (let i = 0; i < runs; i++) loaded.push(createRecognizerSync({ cacheDir }).info.readyMs);
    const round = (ms: number) => Math.round(ms);
    console.log(JSON.stringify({ trainMsMedian: round(median(trained)), trainMsRuns: trained.map(round), trainCpuMsMedian: round(median(trainedCpu)), trainCpuMsRuns: trainedCpu.map(round), cacheLoadMsMedian: round(median(loaded)), runs }));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main();
