// How times, scopes and values read on screen.

/** "production/eu-west-1" → { environment: "production", region: "eu-west-1" }; region null when absent. */
export function splitScope(scope) {
  const slash = scope.indexOf('/');
  return slash < 0
    ? { environment: scope, region: null }
    : { environment: scope.slice(0, slash), region: scope.slice(slash + 1) };
}

/** "2026-11-28 08:50:12 UTC": absolute, in the timezone the agents and the collector use. */
export function formatTime(iso) {
  if (!iso) return 'unknown';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return String(iso);
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "3 min ago", "2 days ago". */
export function formatAge(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return 'just now';
  const units = [['day', 86400], ['h', 3600], ['min', 60]];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const count = Math.floor(seconds / size);
      return unit === 'day' ? `${count} day${count === 1 ? '' : 's'} ago` : `${count} ${unit} ago`;
    }
  }
  return 'just now';
}

export function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What a value looks like when the agent did not reveal it: its short fingerprint. */
export function fingerprintLabel(fingerprint) {
  return `#${fingerprint.slice(0, 8)}`;
}
