// The kinds of findings (docs/policy.md), in the order the page lists them, with what each means.
import { el } from './dom.js';

export const FINDING_KINDS = [
  { kind: 'different', gist: 'values differ', meaning: 'both scopes set and read the key, with different values' },
  { kind: 'missing', gist: 'read, not set', meaning: 'read here but not set, while another scope sets it: the code gets nothing' },
  { kind: 'defaulted', gist: 'default used', meaning: 'not set here, so the code fell back to its own default, while another scope sets it' },
  { kind: 'unused', gist: 'never read', meaning: 'set here but no live instance reads it: a dead setting' },
  { kind: 'inconsistent', gist: 'instances disagree', meaning: 'the live instances of this scope hold different values' },
  { kind: 'rule', gist: 'breaks policy', meaning: 'the value breaks a rule of the policy, or drift outlived its maxAge' },
  { kind: 'read-only-in', gist: 'read in one scope', meaning: 'only the code in this scope reads the key' },
  { kind: 'shadowed', gist: 'another source loses', meaning: 'several sources of this scope define the key with different values; the framework takes one' },
];

const MEANINGS = new Map(FINDING_KINDS.map(({ kind, meaning }) => [kind, meaning]));

/** A finding kind as a small pill; a kind this page does not know still shows, in neutral colours. */
export function badge(kind) {
  const known = MEANINGS.has(kind);
  return el('span', {
    className: known ? `badge badge-${kind}` : 'badge',
    text: kind,
    title: known ? MEANINGS.get(kind) : 'a finding kind this page does not know yet',
    dataset: { kind },
  });
}
