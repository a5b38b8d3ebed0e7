/**
 * Durations in policies are milliseconds in code and human strings in
 * config files: "90d", "36h", "15m", "30s", "250ms", or a plain number of ms.
 */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`duration must be a non-negative number of milliseconds, got ${value}`);
    }
    return value;
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(value);
  if (!match) {
    throw new RangeError(`duration "${value}" is not a number followed by ms, s, m, h, d or w`);
  }
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}

export const DAY_MS = UNITS.d!;
export const HOUR_MS = UNITS.h!;
