import { quietUntil } from '../../../activities/notifications';

const MIN = 60_000;
const local = (at: Date, timeZone: string): string => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** The next instant from now whose wall time in `timeZone` is hh:mm (so no test depends on a date). */
function nextLocal(hm: string, timeZone: string): Date {
  const start = Math.ceil(Date.now() / (15 * MIN)) * 15 * MIN;
  for (let t = start; t < start + 3 * 24 * 60 * MIN; t += 15 * MIN) {
    if (local(new Date(t), timeZone) === hm) return new Date(t);
  }
  throw new Error(`no ${hm} in ${timeZone}`);
}

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00', timeZone: 'America/Chicago' };

  it('holds email/SMS until the end of a period that wraps midnight, in the person’s time zone', () => {
    const now = nextLocal('23:30', night.timeZone);
    const until = quietUntil(now, night)!;
    expect(local(until, night.timeZone)).toBe('07:00');
    // 7h30 later, or an hour either side across a daylight-saving change.
    expect(Math.abs(until.getTime() - now.getTime() - 450 * MIN)).toBeLessThanOrEqual(60 * MIN);
  });

  it('holds in the early-morning part of the period too', () => {
    const now = nextLocal('06:45', night.timeZone);
    expect(quietUntil(now, night)!.getTime() - now.getTime()).toBe(15 * MIN);
  });

  it('sends at once outside the period, at its end, and when there is none', () => {
    expect(quietUntil(nextLocal('07:00', night.timeZone), night)).toBeNull();
    expect(quietUntil(nextLocal('12:00', night.timeZone), night)).toBeNull();
    expect(quietUntil(nextLocal('21:45', night.timeZone), night)).toBeNull();
    expect(quietUntil(new Date(), null)).toBeNull();
    expect(quietUntil(new Date(), { start: '09:00', end: '09:00', timeZone: 'UTC' })).toBeNull();
  });

  it('handles a daytime period and another zone', () => {
    const lunch = { start: '12:00', end: '13:30', timeZone: 'Asia/Kolkata' };
    const now = nextLocal('12:15', lunch.timeZone);
    expect(quietUntil(now, lunch)!.getTime() - now.getTime()).toBe(75 * MIN);
    expect(quietUntil(nextLocal('13:30', lunch.timeZone), lunch)).toBeNull();
  });
});
