import { ApiError } from '../../../apps/api/src/common/api-error';
import { cursorFields, decodeCursor, encodeCursor } from '../../../apps/api/src/common/page-cursor';

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
