import { isCalendarDate, localToInstant } from '@careloop/domain';

const DTM = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:\.\d{1,4})?)?(?:([+-])(\d{2})(\d{2}))?$/;

/**
 * An HL7 DTM with at least minute precision (YYYYMMDDHHMM[SS[.S…]][+/-ZZZZ])
 * as a UTC ISO instant. Without an offset the time is read in `defaultTimeZone`
 * (the plan's time zone; many ADT feeds send local times). Null if unreadable.
 */
export function parseHl7DateTime(value: string, defaultTimeZone: string): string | null {
  const m = DTM.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', sign, oh, om] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isCalendarDate(date) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (sign === undefined) {
    return localToInstant(date, { h: Number(h), min: Number(mi), s: Number(s) }, defaultTimeZone);
  }
  const offsetMin = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (Number(oh) > 14 || Number(om) > 59) return null;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMin * 60_000).toISOString();
}
