import { ApiError } from '../../../apps/api/src/common/api-error';
import { resolveFormat, resolvePeriod } from '../../../apps/api/src/reports/report-query';

function refusal(fn: () => unknown): { field: string; reason: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'validation_failed') return [...(err.errors ?? [])];
    throw err;
  }
  throw new Error('not refused');
}

describe('report query: the period', () => {
  it('takes a month or an inclusive range of days as the half-open UTC interval', () => {
    expect(resolvePeriod({ period: '2026-02' })).toEqual({ period: { start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' }, label: '2026-02' });
    expect(resolvePeriod({ from: '2026-11-01', to: '2026-11-15' })).toEqual({
      period: { start: '2026-11-01T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z' },
      label: '2026-11-01_2026-11-15',
    });
  });

  it.each([
    [{}, 'period'],
    [{ period: '2026-11', from: '2026-11-01' }, 'period'],
    [{ period: '2026-13' }, 'period'],
    [{ from: '2026-11-01' }, 'to'],
    [{ to: '2026-11-01' }, 'from'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
    [{ from: '2025-01-01', to: '2026-11-01' }, 'to'],
  ])('%j: 400 naming %s', (q, field) => {
    const errors = refusal(() => resolvePeriod(q));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe(field);
    expect(errors[0]!.reason).toMatch(new RegExp(`^${field} `));
  });
});

describe('report query: the format', () => {
  it('takes format first, then Accept, else the first the route answers', () => {
    expect(resolveFormat('csv', 'application/json', ['json', 'csv', 'fhir'])).toBe('csv');
    expect(resolveFormat(undefined, 'text/csv', ['json', 'csv'])).toBe('csv');
    expect(resolveFormat(undefined, 'application/fhir+json;q=0.9, text/csv', ['json', 'csv', 'fhir'])).toBe('fhir');
    expect(resolveFormat(undefined, '*/*', ['json', 'csv'])).toBe('json');
    expect(resolveFormat(undefined, undefined, ['json', 'csv'])).toBe('json');
    expect(resolveFormat(undefined, 'application/fhir+json', ['json', 'csv'])).toBe('json');
  });

  it('refuses a format the route does not answer, naming format', () => {
    expect(refusal(() => resolveFormat('fhir', undefined, ['json', 'csv']))).toEqual([{ field: 'format', reason: 'format must be one of json, csv' }]);
  });
});
