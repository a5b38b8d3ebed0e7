import type { QuietHours } from '@careloop/contracts';

const DAY_MIN = 24 * 60;
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** The wall-clock time of `at` in `timeZone`, in minutes (with the seconds and ms into the minute). */
function localTime(at: Date, timeZone: string): { minutes: number; intoMinuteMs: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), intoMinuteMs: get('second') * 1000 + at.getUTCMilliseconds() };
}

/**
 * When email and SMS may go out: null when `now` is outside the person's quiet hours, else the
 * instant the quiet period ends, in their time zone. `start`–`end` may wrap midnight (22:00–07:00);
 * start = end means no quiet period. A daylight-saving change inside the period is corrected by
 * measuring the candidate's wall time once more (the end is then met to the minute).
 */
export function quietUntil(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || !HH_MM.test(quiet.start) || !HH_MM.test(quiet.end)) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const local = localTime(now, quiet.timeZone);
  const inQuiet = start < end ? local.minutes >= start && local.minutes < end : local.minutes >= start || local.minutes < end;
  if (!inQuiet) return null;
  const candidate = new Date(now.getTime() + ((end - local.minutes + DAY_MIN) % DAY_MIN) * 60_000 - local.intoMinuteMs);
  const drift = (minutesOf(quiet.end) - localTime(candidate, quiet.timeZone).minutes + DAY_MIN + DAY_MIN / 2) % DAY_MIN - DAY_MIN / 2;
  return drift === 0 ? candidate : new Date(candidate.getTime() + drift * 60_000);
}
