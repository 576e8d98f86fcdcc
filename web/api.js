// The server's JSON API: POST /api/v1/{Service}/{Method} with the session
// cookie and its CSRF token, and the session itself (/api/session). Nothing
// is fetched from anywhere else.

const SESSION_PATH = '/api/session';
const API_PREFIX = '/api/v1/';
const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken = '';

// fetch() of our own API; resolves to the parsed body, or throws an Error
// with the server's message.
export async function request(method, path, body) {
  const headers = {'Content-Type': 'application/json'};
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer.message || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return answer;
}

// One RPC, e.g. call('ReviewService/ListComments', {submissionId}).
export function call(method, body) {
  return request('POST', API_PREFIX + method, body || {});
}

// Resolves to {csrfToken, currentUser} and keeps the CSRF token.
async function keep(answer) {
  csrfToken = (await answer).csrfToken || '';
  return answer;
}

export const session = {
  current: () => keep(request('GET', SESSION_PATH)),
  signIn: (token) => keep(request('POST', SESSION_PATH, {token})),
  signOut: async () => {
    await request('DELETE', SESSION_PATH).catch(() => {});
    csrfToken = '';
  },
};

// A fresh idempotency key, so that a retried click stores one thing.
export function requestId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
