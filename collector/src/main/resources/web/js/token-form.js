// Asks for the read token when the API answers 401 or 403, and keeps it for this tab.
import { readToken } from './api.js';
import { show } from './dom.js';

export function askForToken(form, failure) {
  const reason = form.querySelector('#token-reason');
  reason.textContent = failure.status === 403
    ? `The token was refused: ${failure.message}`
    : 'Enter the read token the collector was started with (--read-token or CONFIGDRIFT_READ_TOKEN).';
  show(form, true);
  form.querySelector('#token-input').focus();
}

/** onToken runs after a token was stored. */
export function wireTokenForm(form, onToken) {
  const input = form.querySelector('#token-input');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    readToken.set(token);
    input.value = '';
    show(form, false);
    onToken();
  });
}
