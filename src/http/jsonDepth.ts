/**
 * How deeply a JSON text nests, found in one pass over the raw text (brackets outside strings),
 * before JSON.parse and zod walk it recursively: a body nested thousands deep is refused with a
 * 400 instead of exhausting the stack somewhere later in the turn.
 */
export const MAX_JSON_DEPTH = 32;

export function jsonTooDeep(raw: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** The same bound for a value already parsed (restify's bodyParser parses before we see it). */
export function valueTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || typeof top.value !== 'object' || top.value === null) continue;
    if (top.depth >= limit) return true;
    for (const child of Object.values(top.value)) stack.push({ value: child, depth: top.depth + 1 });
  }
  return false;
}
