import { fieldError } from './api-error';

const PREVIOUS_PAGE = 'cursor must be the nextCursor of a previous page';

/**
 * The one cursor codec of the paged lists (`GET /cases`, `/audit`,
 * `/committee/updates`, `/supervisor/stuck-cases`): opaque base64url JSON of
 * what the page ended on. Only a previous page's `nextCursor` is valid, so
 * anything else (made up, truncated, another list's) is a 400 naming `cursor`,
 * never a database or Temporal error.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Decodes a cursor and checks its shape with `read`, which returns the
 * value, or null when the decoded JSON is not one this list wrote.
 */
export function decodeCursor<T>(cursor: string, read: (value: unknown) => T | null, reason = PREVIOUS_PAGE): T {
  let decoded: T | null = null;
  try {
    decoded = read(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown);
  } catch {
    // not JSON: refused below
  }
  if (decoded === null) {
    throw fieldError('cursor', reason);
  }
  return decoded;
}

/** A JSON object's own fields, or null for anything else (a shape check for `read`). */
export function cursorFields(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * A keyset position cursor of list `list`: the sort value of the page's last row (ISO time, or null for
 * "no due time") and its id. A cursor of another list does not decode (400).
 */
export function encodePosition(list: string, at: string | null, id: string): string {
  return encodeCursor([list, at, id]);
}

export function decodePosition(list: string, cursor: string | undefined): { readonly at: string | null; readonly id: string } | null {
  if (cursor === undefined) return null;
  return decodeCursor(cursor, (value) => {
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [tag, at, id] = value as unknown[];
    // Normalised to an ISO instant of years 0000-9999, which Postgres reads as timestamptz (Date.parse alone takes more).
    const instant = typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(Date.parse(at)).toISOString() : undefined;
    const atOk = at === null || (instant !== undefined && /^\d{4}-/.test(instant));
    return tag === list && atOk && typeof id === 'string' && id.length > 0 && id.length <= 200 ? { at: at === null ? null : instant!, id } : null;
  }, `${PREVIOUS_PAGE} of the same list`);
}
