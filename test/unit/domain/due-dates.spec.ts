import {
  addMs,
  attemptChannel,
  attemptDelayMs,
  DAY_MS,
  DEFAULT_PROGRAM_POLICY,
  isCalendarDate,
  isOverdue,
  nextContactDue,
  parseIsoInstant,
  type ProgramPolicy,
} from '@careloop/domain';

const policy = DEFAULT_PROGRAM_POLICY;

function screening(patch: Partial<ProgramPolicy['screening']>): Pick<ProgramPolicy, 'screening'> {
  return { screening: { ...policy.screening, ...patch } };
}

describe('isCalendarDate', () => {
  it.each(['2026-11-01', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '20261101', '2026-11-01T00:00:00Z', '', 'tomorrow'])(
    'rejects %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('parseIsoInstant', () => {
  it.each<[string, number]>([
    ['2026-11-01T09:30:00Z', Date.UTC(2026, 10, 1, 9, 30)],
    ['2026-11-01T09:30:00.250Z', Date.UTC(2026, 10, 1, 9, 30, 0, 250)],
    ['2026-11-01T11:30:00+02:00', Date.UTC(2026, 10, 1, 9, 30)],
    ['2026-11-01T04:30-05:00', Date.UTC(2026, 10, 1, 9, 30)],
    ['2026-11-01', Date.UTC(2026, 10, 1)],
  ])('reads %s', (value, ms) => {
    expect(parseIsoInstant(value, 'at')).toBe(ms);
  });

  it.each([
    ['a time without offset (would be local time)', '2026-11-01T09:30:00'],
    ['an impossible date that Date.parse rolls over', '2026-02-30T00:00:00Z'],
    ['hour 24', '2026-11-01T24:00:00Z'],
    ['minute 60', '2026-11-01T09:60:00Z'],
    ['free text', 'next Tuesday'],
    ['a locale date', 'November 1, 2026'],
    ['an empty string', ''],
  ])('rejects %s with a RangeError naming the field', (_name, value) => {
    expect(() => parseIsoInstant(value, 'dueAt')).toThrow(RangeError);
    expect(() => parseIsoInstant(value, 'dueAt')).toThrow(/^dueAt must be an ISO 8601 timestamp/);
  });
});

describe('addMs', () => {
  it('adds milliseconds and answers in UTC', () => {
    expect(addMs('2026-11-01T09:30:00Z', 30_000)).toBe('2026-11-01T09:30:30.000Z');
    expect(addMs('2026-11-01T23:00:00-02:00', DAY_MS)).toBe('2026-11-03T01:00:00.000Z');
  });

  it('crosses month, year and leap-day boundaries by elapsed time', () => {
    expect(addMs('2026-12-31T12:00:00Z', DAY_MS)).toBe('2027-01-01T12:00:00.000Z');
    expect(addMs('2028-02-28T00:00:00Z', DAY_MS)).toBe('2028-02-29T00:00:00.000Z');
  });

  it('accepts zero and negative amounts', () => {
    expect(addMs('2026-11-01T00:00:00Z', 0)).toBe('2026-11-01T00:00:00.000Z');
    expect(addMs('2026-11-01T00:00:00Z', -DAY_MS)).toBe('2026-10-31T00:00:00.000Z');
  });

  it('rejects a bad timestamp or amount', () => {
    expect(() => addMs('2026-11-01 09:30', 1)).toThrow(RangeError);
    expect(() => addMs('2026-11-01T00:00:00Z', Number.NaN)).toThrow(/^ms must be/);
    expect(() => addMs('2026-11-01T00:00:00Z', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  const due = '2026-11-08T00:00:00Z';

  it.each<[string, boolean]>([
    ['2026-11-07T23:59:59.999Z', false],
    ['2026-11-08T00:00:00Z', false],
    ['2026-11-08T00:00:00.001Z', true],
    ['2026-12-01T00:00:00Z', true],
  ])('at %s: %p', (now, overdue) => {
    expect(isOverdue(due, now)).toBe(overdue);
  });

  it('compares instants, not strings, across offsets', () => {
    expect(isOverdue('2026-11-08T00:00:00Z', '2026-11-07T20:00:01-04:00')).toBe(true);
    expect(isOverdue('2026-11-08T00:00:00+01:00', '2026-11-07T23:30:00Z')).toBe(true);
  });

  it('names the bad argument', () => {
    expect(() => isOverdue('soon', '2026-11-08T00:00:00Z')).toThrow(/dueAt/);
    expect(() => isOverdue(due, 'now')).toThrow(/^now must be/);
  });
});

describe('nextContactDue', () => {
  const start = '2026-11-01T00:00:00Z';

  it.each<['high' | 'medium' | 'low', string]>([
    ['high', '2026-11-08T00:00:00.000Z'],
    ['medium', '2026-12-01T00:00:00.000Z'],
    ['low', '2026-12-31T00:00:00.000Z'],
  ])('before the first contact: cadence start plus the %s-risk cadence', (tier, expected) => {
    expect(nextContactDue(null, start, tier, policy)).toBe(expected);
  });

  it('after a contact: the last contact plus the cadence (the cadence start no longer matters)', () => {
    expect(nextContactDue('2026-11-10T15:00:00Z', start, 'high', policy)).toBe('2026-11-17T15:00:00.000Z');
    expect(nextContactDue('2026-11-10T15:00:00+01:00', start, 'medium', policy)).toBe('2026-12-10T14:00:00.000Z');
  });

  it('follows a shrunk policy (seconds, for demos and tests)', () => {
    const fast = { contactCadenceMs: { high: 10_000, medium: 20_000, low: 30_000 } };
    expect(nextContactDue(null, start, 'low', fast)).toBe('2026-11-01T00:00:30.000Z');
  });

  it('names the bad timestamp, or the tier without a cadence', () => {
    expect(() => nextContactDue(null, 'whenever', 'high', policy)).toThrow(/^cadenceStartAt/);
    expect(() => nextContactDue('2026-11-10', start, 'high', policy)).not.toThrow();
    expect(() => nextContactDue('yesterday', start, 'high', policy)).toThrow(/^lastContactAt/);
    expect(() => nextContactDue(null, start, 'critical' as 'high', policy)).toThrow(/contactCadenceMs\.critical/);
  });
});

describe('attemptDelayMs', () => {
  it.each<[number, number]>([
    [1, 0],
    [2, 7 * DAY_MS],
    [3, 14 * DAY_MS],
    [4, 14 * DAY_MS],
    [10, 14 * DAY_MS],
  ])('default policy, attempt %i waits %i ms', (attempt, ms) => {
    expect(attemptDelayMs(attempt, policy)).toBe(ms);
  });

  it('repeats a single spacing for every later attempt', () => {
    const p = screening({ attemptSpacingMs: [5000] });
    expect([1, 2, 3, 4].map((n) => attemptDelayMs(n, p))).toEqual([0, 5000, 5000, 5000]);
  });

  it('waits nothing when the spacing list is empty', () => {
    expect(attemptDelayMs(3, screening({ attemptSpacingMs: [] }))).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects attempt number %p', (n) => {
    expect(() => attemptDelayMs(n, policy)).toThrow(RangeError);
    expect(() => attemptDelayMs(n, policy)).toThrow(/attemptNumber/);
  });
});

describe('attemptChannel', () => {
  it.each<[number, string]>([
    [1, 'phone'],
    [2, 'phone'],
    [3, 'letter'],
    [4, 'letter'],
  ])('default policy, attempt %i goes by %s', (attempt, channel) => {
    expect(attemptChannel(attempt, policy)).toBe(channel);
  });

  it('repeats the last channel', () => {
    const p = screening({ channels: ['sms', 'portal'] });
    expect([1, 2, 3, 7].map((n) => attemptChannel(n, p))).toEqual(['sms', 'portal', 'portal', 'portal']);
  });

  it('rejects a bad attempt number and a policy without channels', () => {
    expect(() => attemptChannel(0, policy)).toThrow(/attemptNumber/);
    expect(() => attemptChannel(1, screening({ channels: [] }))).toThrow(/screening\.channels/);
  });
});
