import { formatInstant, parseInstant } from '../../../../libs/domain/src/reporting/instant';

describe('engine instants', () => {
  it('writes exactly what toISOString writes, and reads it back as Date.parse does', () => {
    // Every 47 919 713 ms over ~15 years (about 9 900 instants): all months, leap days, hours and milliseconds.
    const mismatches: string[] = [];
    let checked = 0;
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2034, 0, 1); ms += 47_919_713) {
      const expected = new Date(ms).toISOString();
      const noMillis = expected.replace(/\.\d{3}Z$/, 'Z');
      if (formatInstant(ms) !== expected || parseInstant(expected) !== ms || parseInstant(noMillis) !== Date.parse(noMillis)) mismatches.push(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(9_000);
    expect(mismatches).toEqual([]);
  });

  it('falls back to Date.parse for other spellings and gives NaN for what is no instant', () => {
    expect(parseInstant('2026-04-01T10:00:00+02:00')).toBe(Date.parse('2026-04-01T08:00:00Z'));
    expect(parseInstant('2028-02-29T23:59:59.999Z')).toBe(Date.UTC(2028, 1, 29, 23, 59, 59, 999));
    expect(parseInstant('2026-02-29T00:00:00Z')).toBe(Date.parse('2026-02-29T00:00:00Z'));
    expect(parseInstant('not a time')).toBeNaN();
    expect(parseInstant('')).toBeNaN();
    expect(formatInstant(-1)).toBe(new Date(-1).toISOString());
  });
});
