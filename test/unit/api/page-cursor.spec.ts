import { ApiError } from '../../../apps/api/src/common/api-error';
import { cursorFields, decodeCursor, decodePosition, encodeCursor, encodePosition } from '../../../apps/api/src/common/page-cursor';

const idOf = (value: unknown) => {
  const id = cursorFields(value)?.id;
  return typeof id === 'string' ? id : null;
};

function refused(cursor: string): ApiError {
  try {
    decodeCursor(cursor, idOf);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('page cursor (the one codec of the paged lists)', () => {
  it('gives back what the page ended on', () => {
    const cursor = encodeCursor({ id: '42' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, idOf)).toBe('42');
  });

  it.each([
    ['not base64 JSON', 'not-a-real-cursor'],
    ['JSON of another shape', encodeCursor({ at: '2026-01-01T00:00:00Z' })],
    ['a JSON array', encodeCursor(['42'])],
    ['JSON null', encodeCursor(null)],
  ])('refuses %s with 400 validation_failed naming the cursor field', (_, cursor) => {
    const err = refused(cursor);
    expect([err.status, err.code, err.detail]).toEqual([400, 'validation_failed', 'Invalid field(s): cursor']);
    expect(err.errors).toEqual([{ field: 'cursor', reason: 'cursor must be the nextCursor of a previous page' }]);
  });
});

describe('position cursor (keyset lists: sort time and id, tagged with their list)', () => {
  const at = new Date(Date.UTC(2031, 4, 6, 7, 8, 9)).toISOString();

  it('gives back the position of its own list, a null time (no due time) included', () => {
    expect(decodePosition('discharges', encodePosition('discharges', at, 'discharge-1'))).toEqual({ at, id: 'discharge-1' });
    expect(decodePosition('utilization-reviews', encodePosition('utilization-reviews', null, 'ur-1'))).toEqual({ at: null, id: 'ur-1' });
    expect(decodePosition('discharges', undefined)).toBeNull();
  });

  it.each([
    ["another list's", encodePosition('complaints', at, 'complaint-1')],
    ['a time Postgres would not read', encodeCursor(['discharges', '-001000-01-01T00:00:00Z', 'x'])],
    ['not a time', encodeCursor(['discharges', 'soon', 'x'])],
    ['an empty id', encodeCursor(['discharges', at, ''])],
    ['a plain cursor', encodeCursor({ id: '42' })],
  ])('refuses %s cursor with 400 naming the cursor', (_, cursor) => {
    let err: unknown;
    try {
      decodePosition('discharges', cursor);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).errors).toEqual([{ field: 'cursor', reason: 'cursor must be the nextCursor of a previous page of the same list' }]);
  });

  it('normalises the time to an ISO instant', () => {
    expect(decodePosition('discharges', encodeCursor(['discharges', '2031-05-06T09:08:09+02:00', 'x']))).toEqual({ at, id: 'x' });
  });
});
