/**
 * RFC 4180 CSV: fields separated by commas, optionally double-quoted, quotes doubled inside quotes,
 * quoted fields may span lines. Small on purpose: BANKING77's files are all we read with it.
 * Fields are sliced, not built a character at a time: concatenation leaves each text as a rope of
 * one-character pieces, ~20x its size in memory until V8 flattens it, which also skews the
 * model-memory figure the CLI reports.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.fields);
}

/** A CSV row and the (1-based) line it starts on, so errors can name the line. */
export interface CsvRow {
  fields: string[];
  line: number;
}

export function parseCsvLines(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      let end = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0) {
          value += text.slice(end);
          end = n;
          break;
        }
        value += text.slice(end, q);
        line += countNewlines(text, end, q);
        if (text[q + 1] === '"') {
          value += '"';
          end = q + 2;
        } else {
          end = q + 1;
          break;
        }
      }
      field = value;
      i = end;
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      if (i === n) row.push('');
    } else {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      rows.push({ fields: row, line: rowLine });
      line++;
      rowLine = line;
      row = [];
    }
  }
  if (row.length > 0) rows.push({ fields: row, line: rowLine });
  return rows.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
