// The services list (with each kind's number of findings) and the service picker.
import { el, fill } from './dom.js';
import { FINDING_KINDS, badge } from './finding-kinds.js';
import { formatAge, formatTime } from './format.js';

/** hrefFor(service) gives the link that opens a service's matrix. */
export function renderServicesTable(container, services, hrefFor) {
  if (!services.length) {
    fill(container, el('p', { className: 'empty-state' },
      'No agent has reported yet. Start a service with ',
      el('code', { text: '-javaagent:configdrift-agent.jar=service=…,environment=…,collector=<this collector\'s URL>' }),
      ' and it appears here after its first report.'));
    return;
  }
  const head = el('tr', {},
    el('th', { text: 'Service', attributes: { scope: 'col' } }),
    el('th', { className: 'number', text: 'Live scopes', attributes: { scope: 'col' } }),
    el('th', { className: 'number', text: 'Instances', attributes: { scope: 'col' } }),
    el('th', { text: 'Last report', attributes: { scope: 'col' } }),
    FINDING_KINDS.map(({ kind }) => el('th', { className: 'number', attributes: { scope: 'col' } }, badge(kind))),
    el('th', { className: 'number', text: 'All findings', attributes: { scope: 'col' } }));
  const rows = services.map((service) => el('tr', { dataset: { service: service.service } },
    el('th', { attributes: { scope: 'row' } }, el('a', { text: service.service, attributes: { href: hrefFor(service.service) } })),
    el('td', { className: 'number', text: service.liveScopes }),
    el('td', { className: 'number', text: service.instances }),
    el('td', { text: formatAge(service.lastSeen), title: formatTime(service.lastSeen) }),
    FINDING_KINDS.map(({ kind }) => countCell(service.findingsByKind?.[kind] || 0, kind)),
    countCell(service.findings, 'all')));
  fill(container, el('table', { className: 'services' }, el('thead', {}, head), el('tbody', {}, rows)));
}

function countCell(count, kind) {
  return el('td', { className: count ? 'number count' : 'number count zero', text: count ? count : '·', dataset: { kind } });
}

export function renderServicePicker(select, services, selected) {
  const names = services.map((service) => service.service);
  if (selected && !names.includes(selected)) names.push(selected);
  fill(select,
    el('option', { text: names.length ? 'Choose a service…' : 'No service yet', attributes: { value: '' } }),
    names.map((name) => el('option', { text: name, attributes: { value: name } })));
  select.value = selected || '';
}
