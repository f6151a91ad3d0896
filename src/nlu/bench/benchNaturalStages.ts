/**
 * Why two pipeline stages use our own loops instead of natural's
 * (run: npx tsx src/nlu/bench/benchNaturalStages.ts [path/to/banking77/train.csv]):
 * - character n-grams: natural's `ngrams_zh` builds an array per n-gram through underscore;
 * - IDF: natural's `TfIdf.idf()` rescans every document for each term (quadratic on BANKING77).
 * Prints the timings of both next to ours, on our phrases and on 2,000 BANKING77 texts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ngrams } from 'natural/lib/natural/ngrams/ngrams_zh';
import TfIdf = require('natural/lib/natural/tfidf/tfidf');
import { readLabelledFile } from '../readLabelledFile';
import { Vectorizer } from '../Vectorizer';
const texts = ['网银证书过期了怎么办', '最近的网点在哪里营业时间是几点', '我的账户被盗了快帮我冻结', '转人工客服'];
const N = 100000;
let t = performance.now(); let s = 0;
for (let i = 0; i < N; i++) { const x = texts[i & 3]; for (let n = 1; n <= 3; n++) for (const g of ngrams(x, n)) s += g.join('').length; }
const nat = performance.now() - t;
t = performance.now();
for (let i = 0; i < N; i++) { const x = texts[i & 3]; for (let n = 1; n <= 3; n++) for (let j = 0; j + n <= x.length; j++) s += x.slice(j, j + n).length; }
const own = performance.now() - t;
process.stdout.write(JSON.stringify({ ngramsZhMs: Math.round(nat), ownLoopMs: Math.round(own), ratio: Math.round((nat / own) * 10) / 10, checksum: s }) + '\n');
// BANKING77 (PolyAI, CC BY 4.0) is not in the repository; the default is where our workspace keeps it.
const trainCsv = process.argv[2] ?? join(__dirname, '../../../../shared/data/banking77/train.csv');
if (!existsSync(trainCsv)) {
  process.stdout.write(`BANKING77 train.csv not found at ${trainCsv}: pass its path to time TF-IDF (github.com/PolyAI-LDN/task-specific-datasets, banking_data/)\n`);
  process.exit(0);
}
const docs = readLabelledFile(trainCsv).slice(0, 2000).map((e) => e.text.toLowerCase().split(/\W+/).filter(Boolean));
const tf = new TfIdf(); for (const d of docs) tf.addDocument(d);
const vocab = [...new Set(docs.flat())];
t = performance.now(); for (const w of vocab) tf.idf(w); const natIdf = performance.now() - t;
t = performance.now(); Vectorizer.fit(docs); const ownIdf = performance.now() - t;
process.stdout.write(JSON.stringify({ docs: docs.length, vocabulary: vocab.length, naturalTfIdfMs: Math.round(natIdf), vectorizerFitMs: Math.round(ownIdf) }) + '\n');
