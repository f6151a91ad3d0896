import { createInterface } from 'node:readline';
import type { Recognizer } from './types';

/** `classify`: one text per line on stdin, one JSON object per line on stdout. */
export async function runClassify(recognizer: Recognizer, input: NodeJS.ReadableStream, out: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const text of lines) {
    const r = recognizer.recognize(text);
    out.write(`${JSON.stringify({ text, intent: r.intent, score: Math.round(r.score * 10000) / 10000, language: r.language, script: r.script })}\n`);
  }
}
