// The drift matrix: keys down, scopes across (grouped by environment), one cell per key and scope.
import { el, fill } from './dom.js';
import { badge } from './finding-kinds.js';
import { plural, splitScope } from './format.js';
import { rowId } from './url-state.js';
import { colourClass, valueColours } from './value-colours.js';
import { valueText } from './value-text.js';

/** The rows the view state lets through: noise, drift-only and the key filter. */
export function visibleRows(matrix, state) {
  const filter = state.filter.trim().toLowerCase();
  return matrix.rows.filter((row) => (state.showNoise || !row.muted)
    && (!state.driftOnly || row.drift)
    && (!filter || rowId(row.source, row.key).toLowerCase().includes(filter)));
}

/** "7 of 52 keys · 40 platform-noise keys hidden". */
export function rowCountText(matrix, state, shown) {
  const hiddenNoise = state.showNoise ? 0 : matrix.rows.filter((row) => row.muted).length;
  const noise = hiddenNoise ? ` · ${plural(hiddenNoise, 'platform-noise key')} hidden` : '';
  return `${shown} of ${plural(matrix.rows.length, 'key')} shown${noise}`;
}

/**
 * Draws the matrix into container.
 * kindsByRow: Map of row id to the finding kinds about that key (from the findings endpoint).
 * Returns the number of rows shown.
 */
export function renderMatrix(container, { matrix, kindsByRow, state, onSelect }) {
  const environments = groupByEnvironment(matrix.scopes);
  const scopeOrder = environments.flatMap((group) => group.columns.map((column) => column.scope));
  const firstOfEnvironment = new Set(environments.map((group) => group.columns[0].scope));
  const rows = visibleRows(matrix, state);
  const body = rows.length
    ? rows.map((row) => matrixRow(row, { scopeOrder, firstOfEnvironment, kindsByRow, state, onSelect }))
    : [emptyRow(matrix, state, scopeOrder.length + 1)];
  fill(container, el('table', { className: 'matrix' }, header(environments), el('tbody', {}, body)));
  const selected = container.querySelector('tr.selected');
  if (selected) selected.scrollIntoView({ block: 'nearest' });
  return rows.length;
}

/** Scopes grouped by environment, environments in the order they first appear. */
function groupByEnvironment(scopes) {
  const groups = new Map();
  for (const scope of scopes) {
    const { environment, region } = splitScope(scope);
    if (!groups.has(environment)) groups.set(environment, { environment, columns: [] });
    groups.get(environment).columns.push({ scope, region });
  }
  return [...groups.values()];
}

function header(environments) {
  const environmentRow = el('tr', {},
    el('th', { className: 'key-heading', text: 'Key', attributes: { rowspan: '2', scope: 'col' } }),
    environments.map(({ environment, columns }) => el('th', {
      className: 'environment-heading environment-start',
      text: environment,
      attributes: { colspan: String(columns.length), scope: 'colgroup' },
    })));
  const regionRow = el('tr', {}, environments.flatMap(({ columns }) => columns.map(({ scope, region }, index) => el('th', {
    className: `region-heading${index === 0 ? ' environment-start' : ''}${region ? '' : ' no-region'}`,
    text: region || 'no region',
    title: scope,
    attributes: { scope: 'col' },
  }))));
  return el('thead', {}, environmentRow, regionRow);
}

function matrixRow(row, { scopeOrder, firstOfEnvironment, kindsByRow, state, onSelect }) {
  const id = rowId(row.source, row.key);
  const colours = valueColours(row, scopeOrder);
  const classes = ['matrix-row'];
  if (row.drift) classes.push('drift');
  if (row.muted) classes.push('muted');
  if (id === state.key) classes.push('selected');
  return el('tr', { className: classes.join(' '), dataset: { key: id }, on: { click: () => onSelect(id) } },
    keyCell(row, id, kindsByRow.get(id) || new Set(), onSelect),
    scopeOrder.map((scope) => valueCell(row.cells[scope], scope, colours, firstOfEnvironment.has(scope))));
}

/** The key, its source, and the finding kinds no cell carries (such as "different", which the colours show). */
function keyCell(row, id, kinds, onSelect) {
  const onCells = new Set(Object.values(row.cells).flatMap((cell) => cell.badges));
  const rowKinds = [...kinds].filter((kind) => !onCells.has(kind)).sort();
  const name = el('button', {
    className: 'key-name',
    text: row.key,
    title: `${id} — show its timeline`,
    attributes: { type: 'button' },
    on: { click: (event) => { event.stopPropagation(); onSelect(id); } },
  });
  return el('th', { className: 'key-cell', attributes: { scope: 'row' } },
    el('div', { className: 'key-line' }, el('span', { className: 'source', text: row.source }), name),
    (rowKinds.length || row.muted) && el('div', { className: 'key-badges' },
      rowKinds.map(badge),
      row.muted && el('span', { className: 'noise-tag', text: 'platform noise', title: 'never drift unless a policy rule says so' })));
}

function valueCell(cell, scope, colours, startsEnvironment) {
  const edge = startsEnvironment ? ' environment-start' : '';
  if (!cell) {
    return el('td', { className: `cell cell-absent${edge}`, text: '—', dataset: { scope }, title: `No instance in ${scope} reads or sets this key` });
  }
  const look = cell.present ? colourClass(colours.ofCell(cell)) : 'cell-unset';
  return el('td', { className: `cell ${look}${edge}`, dataset: { scope }, title: cellDescription(cell, scope) },
    el('div', { className: 'cell-value' }, valueText(cell)),
    cell.defaultUsed && el('div', { className: 'cell-default' }, defaultText(cell)),
    cell.winningSource && el('div', { className: 'cell-source', text: `from ${cell.winningSource}` }),
    cell.badges.length > 0 && el('div', { className: 'cell-badges' }, cell.badges.map(badge)));
}

function defaultText(cell) {
  return cell.defaultValue !== undefined && cell.defaultValue !== null ? `default: ${cell.defaultValue}` : 'default: (hidden)';
}

function cellDescription(cell, scope) {
  const lines = [scope];
  if (!cell.present) lines.push('not set');
  else if (cell.value !== undefined && cell.value !== null) lines.push(`value: ${cell.value}`);
  if (cell.fingerprint) lines.push(`fingerprint: ${cell.fingerprint}`);
  if (cell.defaultUsed) lines.push('the code fell back to its own default');
  if (cell.winningSource) lines.push(`taken from ${cell.winningSource}${cell.origin ? ` (${cell.origin})` : ''}`);
  lines.push(`${plural(cell.instances, 'live instance')}${cell.read ? ', read by the code' : ', set but never read'}`);
  if (cell.disagree) lines.push('the instances here hold different values');
  return lines.join('\n');
}

function emptyRow(matrix, state, width) {
  let text = 'No keys yet.';
  if (matrix.rows.length) {
    text = state.filter ? `No key matches “${state.filter}” here.` : 'No key drifts: every scope agrees.';
  }
  return el('tr', {}, el('td', { className: 'empty', text, attributes: { colspan: String(width) } }));
}
