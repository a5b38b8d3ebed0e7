/**
 * The console's only way to the API: same origin, the HttpOnly session cookie
 * rides along (credentials: 'same-origin'), JSON in and out. Errors become an
 * ApiProblem carrying the RFC 9457 problem details the API answers with.
 */

import { ApiProblem, type FieldProblem } from './api-problem';

export { ApiProblem, type FieldProblem } from './api-problem';

/** Someone listens (the session) to send the user back to sign-in when the session has ended. */
let onUnauthenticated: (() => void) | null = null;
export function whenUnauthenticated(listener: (() => void) | null): void {
  onUnauthenticated = listener;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function call<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return (await exchange<T>(method, path, body, headers)).body;
}

/** One request; the answer's body and ETag (a versioned resource's version, e.g. `"3"`). */
async function exchange<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: T; etag: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      // PHI stays out of the browser's HTTP cache, and a read is never a stale copy: GET /members/:id's
      // ETag is the record version, which does not change when a duplicate flag opens or closes, so a
      // revalidation would answer 304 with an outdated openDuplicateFlags.
      cache: 'no-store',
      headers: { accept: 'application/json, application/problem+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiProblem(0, 'network_error', 'The CareLoop API cannot be reached. Check your connection and try again.');
  }
  const etag = res.headers.get('etag');
  if (res.status === 204) {
    return { body: undefined as T, etag };
  }
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (res.ok) {
    return { body: json as T, etag };
  }
  const p = (json ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] };
  const problem = new ApiProblem(res.status, p.code ?? `http_${res.status}`, p.detail ?? p.title ?? `The API answered ${res.status}.`, Array.isArray(p.errors) ? p.errors : []);
  if (res.status === 401 && onUnauthenticated && !path.startsWith('/auth/')) {
    onUnauthenticated();
  }
  throw problem;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
  /** A whole-resource replace with no version (a person's own preferences). */
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  /** A versioned read: the body and its ETag, to send back as If-Match. */
  getVersioned: <T>(path: string) => exchange<T>('GET', path),
  /** A conditional replace: refused with 412 when the resource changed since `etag` was read. */
  putIfMatch: <T>(path: string, body: unknown, etag: string) => exchange<T>('PUT', path, body, { 'if-match': etag }),
};

/**
 * A query string from defined, non-empty values: ids, codes and enums, and the
 * member search's terms (GET /members?…, the API's design), which go to the
 * API on a fetch only, never into the page's own URL.
 */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
