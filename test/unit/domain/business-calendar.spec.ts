import {
  addDays,
  deadlineAfter,
  DEFAULT_TRANSITION_OF_CARE_POLICY,
  isBusinessDay,
  localDate,
  localToInstant,
  nthDayAfter,
  resolveProgramPolicy,
  transitionSchedule,
  PolicyError,
  type BusinessCalendar,
} from '@careloop/domain';

const NY: BusinessCalendar = { timeZone: 'America/New_York', weekendDays: [0, 6], holidays: ['2026-11-26', '2026-12-25'] };

describe('business calendar', () => {
  it('counts business days from the day after, skipping weekends and holidays', () => {
    // Wednesday 25 Nov 2026: Thursday is Thanksgiving, then Friday (1), the weekend, Monday (2).
    expect(nthDayAfter('2026-11-25', 2, 'business', NY)).toBe('2026-11-30');
    // Friday: the weekend is skipped, Monday (1), Tuesday (2).
    expect(nthDayAfter('2026-11-20', 2, 'business', NY)).toBe('2026-11-24');
    // Calendar days count every day.
    expect(nthDayAfter('2026-11-25', 2, 'calendar', NY)).toBe('2026-11-27');
    expect(nthDayAfter('2026-11-25', 0, 'business', NY)).toBe('2026-11-25');
  });

  it('makes a deadline the local midnight that ends the last day, across a DST change', () => {
    // Discharged Wednesday evening before Thanksgiving (local), due by the end of Monday 30 Nov, EST (-05:00).
    expect(deadlineAfter('2026-11-25T18:00:00-05:00', 2, 'business', NY)).toBe('2026-12-01T05:00:00.000Z');
    // 23:30 local on Friday is still Friday there, though it is Saturday in UTC.
    expect(deadlineAfter('2026-11-21T04:30:00Z', 2, 'business', NY)).toBe('2026-11-25T05:00:00.000Z');
    // Discharged on Friday 30 Oct (EDT, -04:00); 7 days later is Friday 6 Nov, after the change to EST.
    expect(deadlineAfter('2026-10-30T10:00:00-04:00', 7, 'calendar', NY)).toBe('2026-11-07T05:00:00.000Z');
  });

  it('follows the configured weekend (e.g. Friday and Saturday)', () => {
    const cal: BusinessCalendar = { timeZone: 'Asia/Jerusalem', weekendDays: [5, 6], holidays: [] };
    // Thursday 19 Nov 2026: Friday and Saturday are the weekend → Sunday (1), Monday (2).
    expect(nthDayAfter('2026-11-19', 2, 'business', cal)).toBe('2026-11-23');
    expect(isBusinessDay('2026-11-22', cal)).toBe(true);
  });

  it('converts between instants and local dates', () => {
    expect(localDate('2026-11-21T04:30:00Z', 'America/New_York')).toBe('2026-11-20');
    expect(localDate('2026-11-21T04:30:00Z', 'UTC')).toBe('2026-11-21');
    expect(localToInstant('2026-07-01', { h: 9, min: 0, s: 0 }, 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses a calendar without any business day instead of looping', () => {
    expect(() => nthDayAfter('2026-11-20', 1, 'business', { ...NY, weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(/no business days/);
  });
});

describe('transition-of-care schedule', () => {
  it('plans every task from the discharge, with reminder and escalation', () => {
    const policy = { ...DEFAULT_TRANSITION_OF_CARE_POLICY, calendar: NY };
    const schedule = transitionSchedule('2026-11-25T18:00:00-05:00', '2026-11-25T23:10:00Z', policy);
    expect(schedule).toEqual([
      { task: 'member_contact', dueAt: '2026-12-01T05:00:00.000Z', remindAt: '2026-11-30T05:00:00.000Z', escalateAt: '2026-12-02T05:00:00.000Z' },
      { task: 'medication_reconciliation', dueAt: '2026-12-26T05:00:00.000Z', remindAt: '2026-12-25T05:00:00.000Z', escalateAt: '2026-12-27T05:00:00.000Z' },
      { task: 'follow_up_visit', dueAt: '2026-12-03T05:00:00.000Z', remindAt: '2026-12-02T05:00:00.000Z', escalateAt: '2026-12-04T05:00:00.000Z' },
      { task: 'pcp_informed', dueAt: '2026-11-28T05:00:00.000Z', remindAt: '2026-11-27T05:00:00.000Z', escalateAt: '2026-11-29T05:00:00.000Z' },
    ]);
  });

  it('skips a reminder whose time has passed (a late-arriving discharge)', () => {
    const late = transitionSchedule('2026-11-20T14:30:00-05:00', '2026-11-24T12:00:00Z', { ...DEFAULT_TRANSITION_OF_CARE_POLICY, calendar: NY });
    expect(late.find((t) => t.task === 'member_contact')).toMatchObject({ dueAt: '2026-11-25T05:00:00.000Z', remindAt: null });
  });
});

describe('transition-of-care policy overrides', () => {
  it('takes a calendar, day rules and durations from the policy file', () => {
    const policy = resolveProgramPolicy('CCM', {
      version: 't1',
      overrides: {
        transitionOfCare: {
          calendar: { timeZone: 'America/Chicago', weekendDays: [0], holidays: [] },
          tasks: { member_contact: { days: 1 }, follow_up_visit: { days: 14, count: 'business' } },
          reminderLeadMs: '4h',
        },
      },
    });
    expect(policy.transitionOfCare.calendar).toEqual({ timeZone: 'America/Chicago', weekendDays: [0], holidays: [] });
    expect(policy.transitionOfCare.tasks.member_contact).toEqual({ days: 1, count: 'business' });
    expect(policy.transitionOfCare.tasks.follow_up_visit).toEqual({ days: 14, count: 'business' });
    expect(policy.transitionOfCare.reminderLeadMs).toBe(4 * 3_600_000);
  });

  it('names each bad value', () => {
    let caught: unknown;
    try {
      resolveProgramPolicy('CCM', {
        version: 't2',
        overrides: { transitionOfCare: { calendar: { timeZone: 'Mars/Olympus', weekendDays: [7], holidays: ['2026-02-30'] }, tasks: { follow_up_visit: { count: 'weekly' } } } },
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    expect((caught as PolicyError).problems.map((p) => p.field)).toEqual([
      'transitionOfCare.calendar.timeZone',
      'transitionOfCare.calendar.weekendDays',
      'transitionOfCare.calendar.holidays',
      'transitionOfCare.tasks.follow_up_visit.count',
    ]);
  });
});
