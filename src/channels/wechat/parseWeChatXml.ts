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

export function parseWeChatXml(xml: string): WeChatFields {
  if (FORBIDDEN.test(xml)) throw new WeChatXmlError('DOCTYPE and entity declarations are not accepted');
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
