/**
 * Parses the small, flat XML documents WeChat posts (`<xml><ToUserName>…</ToUserName>…</xml>`).
 * Untrusted input: a DOCTYPE (and with it any entity declaration) is refused before the parser
 * sees the text, so no entity is ever expanded (billion laughs, external entities). Only XML's
 * five predefined entities are decoded. Values stay strings: MsgId is a 64-bit integer that a JS
 * number would corrupt.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class WeChatXmlError extends Error {
  constructor(message: string) {
    super(`parseWeChatXml: ${message}`);
    this.name = 'WeChatXmlError';
  }
}

/** The top-level text fields of the `<xml>` root; nested elements are dropped. */
export type WeChatFields = Record<string, string>;

const FORBIDDEN = /<!(DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
});

/** WeChat's documents nest two levels (three with the safe-mode envelope); a little slack for the rest. */
const MAX_DEPTH = 8;
/** Element names that would become an object's prototype links once parsed into an object. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * One pass over the raw text before the (recursive) validator and parser see it: refuses deep
 * nesting and reserved element names. CDATA sections, comments and declarations are skipped whole.
 */
function checkShape(xml: string): void {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    if (xml.startsWith('<![CDATA[', i) || xml.startsWith('<!--', i)) {
      const end = xml.indexOf(xml[i + 2] === '[' ? ']]>' : '-->', i);
      if (end === -1) throw new WeChatXmlError('unterminated CDATA section or comment');
      i = xml.indexOf('<', end);
      continue;
    }
    const close = xml.indexOf('>', i);
    if (close === -1) throw new WeChatXmlError('unterminated tag');
    const next = xml[i + 1];
    if (next === '/') depth--;
    else if (next !== '?' && next !== '!') {
      const name = /^[^\s/>]*/.exec(xml.slice(i + 1, Math.min(close, i + 65)))?.[0] ?? '';
      if (RESERVED_NAMES.has(name)) throw new WeChatXmlError(`element name <${name}> is not accepted`);
      if (xml[close - 1] !== '/') depth++;
      if (depth > MAX_DEPTH) throw new WeChatXmlError(`elements nest deeper than ${MAX_DEPTH} levels`);
    }
    i = xml.indexOf('<', close);
  }
}

export function parseWeChatXml(xml: string): WeChatFields {
  if (FORBIDDEN.test(xml)) throw new WeChatXmlError('DOCTYPE and entity declarations are not accepted');
  checkShape(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new WeChatXmlError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc: unknown = parser.parse(xml);
  const root = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).xml : undefined;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new WeChatXmlError('the root element must be <xml>');
  const fields: WeChatFields = {};
  for (const [name, value] of Object.entries(root)) {
    // A repeated top-level field (two <Content>s) has no defined meaning: refuse rather than guess.
    if (Array.isArray(value)) throw new WeChatXmlError(`field <${name}> appears more than once`);
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}
