// The view lives in the URL hash, so a pasted link reopens the same view:
//   #service=checkout&filter=timeout&drift=1&noise=1&key=env%3ADB_TIMEOUT
// Parameters at their default (empty, off) are left out.

export function readState(hash = window.location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    service: params.get('service') || '',
    filter: params.get('filter') || '',
    driftOnly: params.get('drift') === '1',
    showNoise: params.get('noise') === '1',
    key: params.get('key') || '',
  };
}

export function stateToHash(state) {
  const params = new URLSearchParams();
  if (state.service) params.set('service', state.service);
  if (state.filter) params.set('filter', state.filter);
  if (state.driftOnly) params.set('drift', '1');
  if (state.showNoise) params.set('noise', '1');
  if (state.key) params.set('key', state.key);
  const text = params.toString();
  return text ? `#${text}` : '#';
}

/** Puts state in the URL: a new history entry, or (replace) the current one, e.g. while typing. */
export function writeState(state, { replace = false } = {}) {
  const hash = stateToHash(state);
  if (hash === (window.location.hash || '#')) return;
  if (replace) window.history.replaceState(null, '', hash);
  else window.history.pushState(null, '', hash);
}

/** A row's id in the URL: source:key (a source never contains ':'). */
export function rowId(source, key) {
  return `${source}:${key}`;
}

export function parseRowId(id) {
  const colon = id.indexOf(':');
  return colon < 0 ? null : { source: id.slice(0, colon), key: id.slice(colon + 1) };
}
