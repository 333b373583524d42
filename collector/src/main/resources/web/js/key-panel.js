// One key up close: the findings about it and its timeline — each value in each scope, when it
// was first and last seen, by how many instances, and which code read it.
import { el, fill } from './dom.js';
import { badge } from './finding-kinds.js';
import { formatAge, formatTime, plural } from './format.js';
import { colourClass, valueColours } from './value-colours.js';
import { valueText } from './value-text.js';

export function renderKeyHint(panel) {
  fill(panel,
    el('h2', { className: 'panel-title', text: 'Pick a key' }),
    el('p', { className: 'hint', text: 'Click a key in the matrix to see the findings about it and its timeline: every value it had in every scope, since when, on how many instances, and the code that reads it.' }));
}

export function renderKeyLoading(panel, { source, key }, onClose) {
  fill(panel, title(source, key, onClose), el('p', { className: 'hint', text: 'Loading its history…' }));
}

export function renderKeyFailure(panel, { source, key }, message, onClose) {
  fill(panel, title(source, key, onClose), el('p', { className: 'panel-error', text: message }));
}

/**
 * row: the key's matrix row (to colour values as the matrix does), or undefined when the key is not
 * in the live matrix any more. history: the history endpoint's answer. findings: those about this key.
 */
export function renderKeyPanel(panel, { source, key, row, scopes, history, findings, onClose }) {
  const colours = row ? valueColours(row, scopes) : { ofFingerprint: () => null };
  fill(panel,
    title(source, key, onClose),
    el('section', { className: 'panel-section' },
      el('h3', { text: `Findings (${findings.length})` }),
      findings.length
        ? el('ul', { className: 'finding-list' }, findings.map(findingItem))
        : el('p', { className: 'hint', text: 'None: this key agrees across the live scopes.' })),
    el('section', { className: 'panel-section' },
      el('h3', { text: 'Timeline' }),
      history.length
        ? timeline(history, colours)
        : el('p', { className: 'hint', text: 'No value of this key has been recorded.' })));
}

function title(source, key, onClose) {
  return el('div', { className: 'panel-heading' },
    el('div', {},
      el('span', { className: 'source', text: source }),
      el('h2', { className: 'panel-title key-title', text: key, title: key })),
    el('button', { className: 'quiet-button close-button', text: 'Close', attributes: { type: 'button' }, on: { click: onClose } }));
}

function findingItem(finding) {
  return el('li', { className: 'finding' },
    badge(finding.kind),
    el('p', { className: 'finding-message', text: finding.message }),
    finding.since && el('p', { className: 'finding-since hint', text: `since ${formatTime(finding.since)}` }));
}

/** History entries come sorted by environment, region, first seen; one block per scope. */
function timeline(history, colours) {
  const span = timeSpan(history);
  const byScope = new Map();
  for (const entry of history) {
    const scope = entry.region ? `${entry.environment}/${entry.region}` : entry.environment;
    if (!byScope.has(scope)) byScope.set(scope, []);
    byScope.get(scope).push(entry);
  }
  return el('div', { className: 'timeline' }, [...byScope].map(([scope, entries]) => el('div', { className: 'timeline-scope', dataset: { scope } },
    el('h4', { text: scope }),
    el('ol', { className: 'timeline-entries' }, entries.map((entry) => timelineEntry(entry, span, colours))))));
}

function timelineEntry(entry, span, colours) {
  const present = Boolean(entry.fingerprint);
  const chip = el('span', { className: `value-chip ${present ? colourClass(colours.ofFingerprint(entry.fingerprint)) : 'cell-unset'}` },
    valueText({ present, value: entry.value, fingerprint: entry.fingerprint }));
  return el('li', { className: 'timeline-entry' },
    el('div', { className: 'timeline-line' }, chip, el('span', { className: 'hint', text: plural(entry.instances, 'instance') })),
    bar(entry, span),
    el('p', { className: 'timeline-dates', title: `first seen ${entry.firstSeen}\nlast seen ${entry.lastSeen}` },
      `first seen ${formatTime(entry.firstSeen)}`, el('br'),
      `last seen ${formatTime(entry.lastSeen)} (${formatAge(entry.lastSeen)})`),
    entry.callers && entry.callers.length > 0 && el('div', { className: 'callers' },
      el('span', { className: 'hint', text: 'read by' }),
      el('ul', {}, entry.callers.map((caller) => el('li', { text: caller })))));
}

/** Where the whole history starts and ends, so each value's bar sits on one shared time axis. */
function timeSpan(history) {
  const starts = history.map((entry) => Date.parse(entry.firstSeen)).filter(Number.isFinite);
  const ends = history.map((entry) => Date.parse(entry.lastSeen)).filter(Number.isFinite);
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

function bar(entry, span) {
  const length = span.end - span.start;
  const first = Date.parse(entry.firstSeen);
  const last = Date.parse(entry.lastSeen);
  const segment = el('span', { className: 'timeline-bar-segment' });
  if (length > 0 && Number.isFinite(first) && Number.isFinite(last)) {
    // Set through the CSSOM, which the page's Content-Security-Policy allows (style attributes it would not).
    const left = Math.min(((first - span.start) / length) * 100, 98);
    const width = Math.max(2, ((last - first) / length) * 100);
    segment.style.left = `${left}%`;
    segment.style.width = `${Math.min(width, 100 - left)}%`;
  }
  return el('div', { className: 'timeline-bar', title: 'when this value was seen, on the key\'s whole time span' }, segment);
}
