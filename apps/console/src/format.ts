import { RECOVERY_STEP_INFO, type RecoveryStep } from '@careloop/domain';

/** `recovery_support` → `Recovery support`. */
export function label(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function when(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** A calendar date (YYYY-MM-DD) as written, without shifting it into the local time zone. */
export function day(isoDate: string | null | undefined): string {
  return isoDate ? dateOnly.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : '—';
}

/** "in 3 h", "12 min ago" — for due dates. */
export function relative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) {
    return '';
  }
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const [n, unit] = abs < 60_000 ? [Math.round(abs / 1000), 's'] : abs < 3_600_000 ? [Math.round(abs / 60_000), 'min'] : abs < 86_400_000 ? [Math.round(abs / 3_600_000), 'h'] : [Math.round(abs / 86_400_000), 'd'];
  return ms >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

export function isPast(iso: string | null | undefined, now = Date.now()): boolean {
  return !!iso && new Date(iso).getTime() < now;
}

/**
 * "3. Support and assistance" for a recovery step. Lists that mix workflows (the stuck list also shows
 * utilization reviews and complaints, whose step is their status, e.g. `received`) or a newer server's
 * step the console does not know yet show the value as it came, rather than failing the page.
 */
export function stepTitle(step: RecoveryStep | string | null): string {
  if (!step) {
    return '—';
  }
  const info = (RECOVERY_STEP_INFO as Readonly<Record<string, (typeof RECOVERY_STEP_INFO)[RecoveryStep] | undefined>>)[step];
  return info ? `${info.number}. ${info.title}` : label(step);
}

/** Today as YYYY-MM-DD in the user's time zone (enrollment dates are calendar dates). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A length of time, coarse: "3 d 4 h", "2 h 5 min", "40 s". */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  return m > 0 ? `${m} min` : `${Math.round(abs / 1000)} s`;
}

/** "2 d 3 h left" or "overdue by 5 h". */
export function timeLeft(remainingMs: number): string {
  return remainingMs >= 0 ? `${duration(remainingMs)} left` : `overdue by ${duration(remainingMs)}`;
}
