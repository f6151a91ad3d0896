import { readFileSync } from 'node:fs';
import { POLICY } from '../../src/understanding/policy';

/** The policy table in docs/dialogs.md: its rows, in order, as "| n | `rule.id` |". */
function documentedRules(): string[] {
  const doc = readFileSync('docs/dialogs.md', 'utf8');
  return [...doc.matchAll(/^\s*\| (\d+) \| `([a-zA-Z.]+)` \|/gm)].map((m) => m[2]);
}

describe('the policy table', () => {
  it('is documented in docs/dialogs.md row for row, in the order the rules are tried', () => {
    expect(documentedRules()).toEqual(POLICY.map((rule) => rule.id));
  });
});
