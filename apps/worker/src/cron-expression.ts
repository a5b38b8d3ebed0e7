/** Minute, hour, day of month, month, day of week: the five fields and their ranges (day of week 0–6, Sunday 0). */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 6 },
] as const;

const ITEM = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/;

/**
 * Why a five-field cron expression (numbers, `*`, ranges `a-b`, steps `/n`, lists `a,b`) is not one,
 * or null when it is. Deliberately narrower than what Temporal accepts (no names, no `@daily`), so
 * a typo fails the worker's boot instead of the night's snapshot.
 */
export function cronProblem(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return `must have 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [i, part] of parts.entries()) {
    const field = FIELDS[i]!;
    for (const item of part.split(',')) {
      const m = ITEM.exec(item);
      const inRange = (v: string | undefined) => v === undefined || (Number(v) >= field.min && Number(v) <= field.max);
      if (!m || !inRange(m[2]) || !inRange(m[3]) || (m[3] !== undefined && Number(m[3]) < Number(m[2])) || (m[4] !== undefined && Number(m[4]) === 0)) {
        return `${field.name} "${item}" is not a number ${field.min}-${field.max}, a range, a step or *`;
      }
    }
  }
  return null;
}
