// What the colours, marks and badges of the matrix mean.
import { el, fill } from './dom.js';
import { FINDING_KINDS, badge } from './finding-kinds.js';

export function renderLegend(container) {
  fill(container,
    el('div', { className: 'legend-line' },
      el('span', { className: 'legend-label', text: 'Values' }),
      el('span', { className: 'legend-item', title: 'Cells of one row share a colour when they hold the same value; a row whose scopes all agree stays white.' },
        el('span', { className: 'swatch value-colour-0', text: '10s' }),
        el('span', { className: 'swatch value-colour-1', text: '60s' }),
        ' same colour = same value'),
      el('span', { className: 'legend-item' }, el('span', { className: 'swatch value-fingerprint', text: '#ab12cd34' }), ' hidden value'),
      el('span', { className: 'legend-item' }, el('span', { className: 'swatch cell-unset' }, el('span', { className: 'value-unset', text: 'unset' })), ' read but not set'),
      el('span', { className: 'legend-item' }, el('span', { className: 'swatch cell-default', text: 'default: X' }), ' the code\'s fallback'),
      el('span', { className: 'legend-item' }, el('span', { className: 'swatch cell-absent', text: '—' }), ' not in that scope'),
      el('span', { className: 'legend-item' }, el('span', { className: 'swatch drift-mark' }), ' key has findings')),
    el('div', { className: 'legend-line' },
      el('span', { className: 'legend-label', text: 'Findings' }),
      FINDING_KINDS.map(({ kind, gist }) => el('span', { className: 'legend-item' }, badge(kind), ` ${gist}`))));
}
