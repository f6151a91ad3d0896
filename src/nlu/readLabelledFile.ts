import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsv } from './parseCsv';
import type { LabelledText } from './TextClassifier';

const jsonLine = z.object({ text: z.string(), intent: z.string().min(1) });

/**
 * Reads labelled texts for `eval`: CSV with a header row whose first column is the text and second
 * the label (BANKING77's layout), or JSON Lines of `{"text", "intent"}` (chosen by a `.jsonl` name
 * or a first character of `{`). A bad line throws naming the file and line.
 */
export function readLabelledFile(file: string): LabelledText[] {
  const content = readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl') || content.trimStart().startsWith('{')) return readJsonLines(file, content);
  const rows = parseCsv(content);
  return rows.slice(1).map((row, i) => {
    if (row.length < 2 || row[1].trim() === '') {
      throw new Error(`readLabelledFile(): ${file} row ${i + 2}: expected "text,label", got ${JSON.stringify(row)}`);
    }
    return { text: row[0], label: row[1].trim() };
  });
}

function readJsonLines(file: string, content: string): LabelledText[] {
  const out: LabelledText[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`readLabelledFile(): ${file} line ${i + 1}: not JSON`);
    }
    const parsed = jsonLine.safeParse(value);
    if (!parsed.success) {
      throw new Error(`readLabelledFile(): ${file} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    }
    out.push({ text: parsed.data.text, label: parsed.data.intent });
  });
  return out;
}
