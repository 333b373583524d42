// One way to show a configured value everywhere: revealed text, short fingerprint, or "unset".
import { el } from './dom.js';
import { fingerprintLabel } from './format.js';

/** value: the revealed value or null/undefined; fingerprint: null when the key is not set. */
export function valueText({ present, value, fingerprint }) {
  if (!present) return el('span', { className: 'value-unset', text: 'unset' });
  if (value === '') return el('span', { className: 'value-empty', text: '(empty)', title: 'set to the empty string' });
  if (value !== null && value !== undefined) return el('span', { className: 'value-revealed', text: value });
  if (fingerprint) {
    return el('span', {
      className: 'value-fingerprint',
      text: fingerprintLabel(fingerprint),
      title: `value hidden by the agent's reveal policy; fingerprint ${fingerprint}`,
    });
  }
  return el('span', { className: 'value-fingerprint', text: 'hidden' });
}
