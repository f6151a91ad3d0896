import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsvLines } from './parseCsv';
import type { LabelledText } from './TextClassifier';

/** Longest text `eval` accepts: far past any real message, short of a pasted document. */
export const MAX_LABELLED_TEXT_CHARS = 10_000;

const labelled = z.object({
  text: z.string().trim().min(1, 'empty text').max(MAX_LABELLED_TEXT_CHARS, `text longer than ${MAX_LABELLED_TEXT_CHARS} characters`),
  label: z.string().trim().min(1, 'empty label').max(200, 'label longer than 200 characters'),
});
const jsonLine = z.object({ text: z.string(), intent: z.string() });

export class LabelledFileError extends Error {
  override readonly name = 'LabelledFileError';
}

/**
 * Reads labelled texts for `eval`: CSV with a header row whose first column is `text` and second
 * the label (BANKING77's and MASSIVE's layout: `text,category`), or JSON Lines of
 * `{"text", "intent"}` (chosen by a `.jsonl` name or a first character of `{`). Anything wrong
 * throws one line naming the file and the line: a missing file, a wrong header, an empty text or
 * label, a text past MAX_LABELLED_TEXT_CHARS, a line that is not JSON.
 */
export function readLabelledFile(file: string): LabelledText[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LabelledFileError(`readLabelledFile(): ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (file.endsWith('.jsonl') || content.trimStart().startsWith('{')) return readJsonLines(file, content);
  const rows = parseCsvLines(content);
  if (rows.length === 0) throw new LabelledFileError(`readLabelledFile(): ${file}: empty file, expected a header "text,label" and rows`);
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  if (header.length < 2 || header[0] !== 'text') {
    throw new LabelledFileError(`readLabelledFile(): ${file} line 1: expected a header "text,<label column>", got ${clip(rows[0].fields.join(','))}`);
  }
  return rows.slice(1).map(({ fields, line }) => {
    if (fields.length < 2) throw new LabelledFileError(`readLabelledFile(): ${file} line ${line}: expected "text,label", got ${clip(fields.join(','))}`);
    return check(file, line, { text: fields[0], label: fields[1] });
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
      throw new LabelledFileError(`readLabelledFile(): ${file} line ${i + 1}: not JSON`);
    }
    const parsed = jsonLine.safeParse(value);
    if (!parsed.success) {
      throw new LabelledFileError(`readLabelledFile(): ${file} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    }
    out.push(check(file, i + 1, { text: parsed.data.text, label: parsed.data.intent }));
  });
  return out;
}

function check(file: string, line: number, row: { text: string; label: string }): LabelledText {
  const parsed = labelled.safeParse(row);
  if (!parsed.success) throw new LabelledFileError(`readLabelledFile(): ${file} line ${line}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
  return parsed.data;
}

/** Quotes a bad value for an error line, cut so a 1 MB line cannot flood the terminal. */
function clip(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
