// The collector's read API. Paths are relative, so the page also works behind a path prefix.

const TOKEN_STORAGE_KEY = 'configdrift.readToken';

/** The API answered with an error; message is the collector's own sentence where it sent one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** 401 or 403: the API wants a (valid) read token. */
export class TokenNeeded extends ApiError {}

export const readToken = {
  get: () => sessionStorage.getItem(TOKEN_STORAGE_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_STORAGE_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_STORAGE_KEY),
};

async function getJson(path) {
  const headers = { Accept: 'application/json' };
  const token = readToken.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { headers, cache: 'no-store' });
  } catch (failure) {
    throw new ApiError(0, `The collector cannot be reached (${failure.message}).`);
  }
  if (response.ok) return response.json();
  const message = await errorMessage(response);
  if (response.status === 401 || response.status === 403) throw new TokenNeeded(response.status, message);
  throw new ApiError(response.status, message);
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') return body.error;
  } catch (notJson) {
    // Fall through to the status line.
  }
  return `The collector answered ${response.status} ${response.statusText}.`;
}

const servicePath = (service) => `v1/services/${encodeURIComponent(service)}`;

export const api = {
  services: () => getJson('v1/services'),
  matrix: (service) => getJson(`${servicePath(service)}/matrix`),
  findings: (service) => getJson(`${servicePath(service)}/findings`),
  history: (service, source, key) => getJson(`${servicePath(service)}/history?${new URLSearchParams({ source, key })}`),
};
