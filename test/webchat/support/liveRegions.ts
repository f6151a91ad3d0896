/**
 * What a screen reader is told: the live regions in Chromium's own accessibility tree (read over
 * the DevTools protocol, `Accessibility.getFullAXTree`, shadow roots included), each with its
 * politeness, whether it is read as a whole (`atomic`) and the text it holds as the screen reader
 * gets it (the names of its text nodes, in order). Reading the tree rather than the DOM's
 * attributes also catches a region that the browser does not expose (hidden, or `aria-live` on an
 * element that has no accessible node).
 */
import type { Page } from 'playwright-core';

export interface LiveRegion {
  live: string;
  atomic: boolean;
  role: string;
  text: string;
}

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  properties?: Array<{ name: string; value: AXValue }>;
  childIds?: string[];
}

export async function liveRegions(page: Page): Promise<LiveRegion[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const property = (n: AXNode, name: string) => n.properties?.find((p) => p.name === name)?.value.value;
    const text = (n: AXNode): string[] =>
      n.role?.value === 'StaticText' ? [String(n.name?.value ?? '')] : (n.childIds ?? []).flatMap((id) => (byId.has(id) ? text(byId.get(id) as AXNode) : []));
    return nodes
      .filter((n) => !n.ignored && typeof property(n, 'live') === 'string' && property(n, 'live') !== 'off')
      .map((n) => ({ live: String(property(n, 'live')), atomic: property(n, 'atomic') === true, role: String(n.role?.value ?? ''), text: text(n).join(' ') }));
  } finally {
    await cdp.detach();
  }
}
