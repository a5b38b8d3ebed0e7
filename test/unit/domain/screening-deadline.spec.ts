import { DEFAULT_PROGRAM_POLICY, daysToMs, screeningDeadline } from '@careloop/domain';

describe('screening deadline', () => {
  it('is 90 days after the enrollment date by default (seed 002 §5.1.1)', () => {
    expect(screeningDeadline('2026-11-01', DEFAULT_PROGRAM_POLICY.screening.deadlineMs).toISOString()).toBe('2027-01-30T00:00:00.000Z');
  });

  it('counts calendar days across a leap day', () => {
    expect(screeningDeadline('2028-02-01', daysToMs(90)).toISOString()).toBe('2028-05-01T00:00:00.000Z');
  });

  it('accepts second-scale policies for demos and tests', () => {
    expect(screeningDeadline('2026-11-01', 30_000).toISOString()).toBe('2026-11-01T00:00:30.000Z');
  });

  it('rejects something that is not a date', () => {
    expect(() => screeningDeadline('first of November', daysToMs(90))).toThrow(RangeError);
  });
});
