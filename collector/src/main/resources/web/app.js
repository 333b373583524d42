// The drift matrix page: wires the URL state, the API and the views together.
import { ApiError, TokenNeeded, api, readToken } from './js/api.js';
import { el, fill, show } from './js/dom.js';
import { formatAge, formatTime, plural } from './js/format.js';
import { renderKeyFailure, renderKeyHint, renderKeyLoading, renderKeyPanel } from './js/key-panel.js';
import { renderLegend } from './js/legend.js';
import { renderMatrix, rowCountText } from './js/matrix-view.js';
import { renderServicePicker, renderServicesTable } from './js/services-view.js';
import { askForToken, wireTokenForm } from './js/token-form.js';
import { parseRowId, readState, rowId, stateToHash, writeState } from './js/url-state.js';

const byId = (id) => document.getElementById(id);
const page = {
  picker: byId('service-picker'),
  refresh: byId('refresh'),
  forgetToken: byId('forget-token'),
  notice: byId('notice'),
  tokenForm: byId('token-form'),
  servicesView: byId('services-view'),
  servicesTable: byId('services-table'),
  serviceView: byId('service-view'),
  serviceTitle: byId('service-title'),
  serviceSummary: byId('service-summary'),
  filter: byId('filter'),
  driftOnly: byId('drift-only'),
  showNoise: byId('show-noise'),
  rowCount: byId('row-count'),
  legend: byId('legend'),
  matrix: byId('matrix'),
  keyPanel: byId('key-panel'),
};

let state = readState();
/** What the API answered, kept until the service changes or Refresh is pressed. */
const cache = { services: null, service: null, history: null };
let renderCount = 0;

async function render({ reload = false } = {}) {
  const thisRender = ++renderCount;
  const stillCurrent = () => thisRender === renderCount;
  if (reload) Object.assign(cache, { services: null, service: null, history: null });
  show(page.notice, false);
  show(page.tokenForm, false);
  show(page.forgetToken, Boolean(readToken.get()));
  try {
    if (!cache.services) cache.services = await api.services();
    if (!stillCurrent()) return;
    renderServicePicker(page.picker, cache.services, state.service);
    if (!state.service) {
      showServices();
      return;
    }
    if (cache.service?.name !== state.service) {
      const [matrix, findings] = await Promise.all([api.matrix(state.service), api.findings(state.service)]);
      if (!stillCurrent()) return;
      cache.service = { name: state.service, matrix, findings, kindsByRow: kindsByRow(findings) };
      cache.history = null;
    }
    showService(cache.service);
    await showKey(cache.service, stillCurrent);
  } catch (failure) {
    if (stillCurrent()) showFailure(failure);
  }
}

function showServices() {
  document.title = 'configdrift';
  show(page.serviceView, false);
  show(page.servicesView, true);
  renderServicesTable(page.servicesTable, cache.services, (service) => stateToHash({ ...state, service, key: '', filter: '' }));
}

function showService({ name, matrix, kindsByRow: kinds }) {
  document.title = `${name} · configdrift`;
  show(page.servicesView, false);
  show(page.serviceView, true);
  page.serviceTitle.textContent = name;
  page.serviceSummary.textContent = serviceSummary(name, matrix);
  if (page.filter.value !== state.filter) page.filter.value = state.filter;
  page.driftOnly.checked = state.driftOnly;
  page.showNoise.checked = state.showNoise;
  const shown = renderMatrix(page.matrix, { matrix, kindsByRow: kinds, state, onSelect: selectKey });
  page.rowCount.textContent = rowCountText(matrix, state, shown);
}

function serviceSummary(name, matrix) {
  const overview = cache.services.find((service) => service.service === name);
  const parts = [plural(matrix.scopes.length, 'live scope')];
  if (overview) {
    parts.push(plural(overview.instances, 'instance'), plural(overview.findings, 'finding'));
    parts.push(`last report ${formatAge(overview.lastSeen)} (${formatTime(overview.lastSeen)})`);
  }
  return parts.join(' · ');
}

async function showKey({ name, matrix, findings }, stillCurrent) {
  const selected = state.key ? parseRowId(state.key) : null;
  if (!selected) {
    renderKeyHint(page.keyPanel);
    return;
  }
  const { source, key } = selected;
  if (cache.history?.id !== state.key) {
    renderKeyLoading(page.keyPanel, selected, closeKey);
    let history;
    try {
      history = await api.history(name, source, key);
    } catch (failure) {
      // The matrix stays useful when only the key's history cannot be had.
      if (failure instanceof TokenNeeded || !(failure instanceof ApiError)) throw failure;
      if (stillCurrent()) renderKeyFailure(page.keyPanel, selected, failure.message, closeKey);
      return;
    }
    if (!stillCurrent()) return;
    cache.history = { id: state.key, history };
  }
  renderKeyPanel(page.keyPanel, {
    source,
    key,
    row: matrix.rows.find((row) => row.source === source && row.key === key),
    scopes: matrix.scopes,
    history: cache.history.history,
    findings: findings.filter((finding) => finding.source === source && finding.key === key),
    onClose: closeKey,
  });
}

function showFailure(failure) {
  show(page.servicesView, false);
  show(page.serviceView, false);
  if (failure instanceof TokenNeeded) {
    askForToken(page.tokenForm, failure);
    return;
  }
  const message = failure instanceof ApiError ? failure.message : `Something went wrong on this page: ${failure.message}`;
  fill(page.notice,
    el('p', { text: message }),
    el('p', {}, el('a', { text: 'Back to all services', attributes: { href: '#' } })));
  show(page.notice, true);
  if (!(failure instanceof ApiError)) console.error(failure);
}

/** Map of row id (source:key) to the set of finding kinds about that key. */
function kindsByRow(findings) {
  const kinds = new Map();
  for (const finding of findings) {
    const id = rowId(finding.source, finding.key);
    if (!kinds.has(id)) kinds.set(id, new Set());
    kinds.get(id).add(finding.kind);
  }
  return kinds;
}

/** Changes the view: the URL first (a new history entry unless replace), then the page. */
function navigate(changes, { replace = false } = {}) {
  state = { ...state, ...changes };
  writeState(state, { replace });
  render();
}

function selectKey(id) {
  navigate({ key: id });
}

function closeKey() {
  navigate({ key: '' });
}

function onUrlChanged() {
  const next = readState();
  if (stateToHash(next) === stateToHash(state)) return;
  state = next;
  render();
}

function wireControls() {
  page.picker.addEventListener('change', () => navigate({ service: page.picker.value, key: '', filter: '' }));
  page.filter.addEventListener('input', () => navigate({ filter: page.filter.value }, { replace: true }));
  page.driftOnly.addEventListener('change', () => navigate({ driftOnly: page.driftOnly.checked }));
  page.showNoise.addEventListener('change', () => navigate({ showNoise: page.showNoise.checked }));
  page.refresh.addEventListener('click', () => render({ reload: true }));
  page.forgetToken.addEventListener('click', () => {
    readToken.forget();
    render({ reload: true });
  });
  wireTokenForm(page.tokenForm, () => render({ reload: true }));
  window.addEventListener('popstate', onUrlChanged);
  window.addEventListener('hashchange', onUrlChanged);
}

renderLegend(page.legend);
wireControls();
render();
