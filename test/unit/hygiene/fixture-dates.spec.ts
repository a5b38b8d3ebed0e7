import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { clockRelevantDates, FIXTURES_LOADED_AT, shiftSampleDates } from '../../support/fixture-dates';
import { SAMPLES_DIR, sampleText, sampleTextAsWritten } from '../../support/integration-samples';
import { REQUEST_SAMPLES_DIR } from '../../support/samples';

/**
 * The guard that keeps every test passing on any date (test/support/fixture-dates.ts):
 *  - suites that run on a real clock hold no literal calendar date;
 *  - every sample file they send is moved to the test's clock, none of its dates left behind.
 * It reads no clock of its own: its verdict is the same on every day.
 */
const ROOT = join(__dirname, '..', '..', '..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Everything that runs against the dev server's wall clock or the time-skipping server (which starts at it). */
const CLOCK_FACING = ['test/e2e', 'test/browser', 'test/faults', 'test/integration', 'test/workflows', 'test/replay', 'test/support', 'scripts/load'];
const isCode = (p: string) => /\.(ts|tsx|js|mjs)$/.test(p);

describe('fixture dates: no test depends on today', () => {
  it.each(CLOCK_FACING)('%s holds no literal calendar date from 2000 to 2099 (compute it from the test clock instead)', (dir) => {
    const offenders = filesUnder(join(ROOT, dir), isCode).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => [...clockRelevantDates(line, 'iso'), ...clockRelevantDates(line, 'hl7')].map((date) => `${relative(ROOT, file)}:${i + 1} ${date}`)),
    );
    expect(offenders).toEqual([]);
  });

  const samples = [
    ...filesUnder(SAMPLES_DIR, (p) => /\.(json|hl7)$/.test(p)).map((p) => ({ name: relative(SAMPLES_DIR, p), path: p })),
    ...filesUnder(REQUEST_SAMPLES_DIR, (p) => p.endsWith('.json')).map((p) => ({ name: relative(ROOT, p), path: p })),
  ];

  it.each(samples)('sample $name: every date in it moves with the test clock', ({ path }) => {
    const style = path.endsWith('.hl7') ? 'hl7' : 'iso';
    const written = readFileSync(path, 'utf8');
    const before = clockRelevantDates(written, style);
    for (const shift of [-400, 400]) {
      const moved = shiftSampleDates(written, style, FIXTURES_LOADED_AT + shift * 86_400_000);
      const after = clockRelevantDates(moved, style);
      expect(after).toHaveLength(before.length);
      after.forEach((date, i) => expect(date).not.toBe(before[i]));
      // Nothing but the dates changed.
      expect(moved.replace(/\d/g, '#').length).toBe(written.replace(/\d/g, '#').length);
    }
  });

  it('moves a sample so its latest time lies an hour before the clock, keeping notation, offsets and intervals', () => {
    const hl7 = 'MSH|^~\\&|A|B|C|D|20261120143512-0500||ADT^A03\rPID|1||X||Y||19580314\rPV1|1|I|||||||||||||||||||||||||||||||||||||||||20261117091500-0500|20261120143000-0500';
    const clock = Date.UTC(2031, 5, 15, 12, 0, 0);
    const moved = shiftSampleDates(hl7, 'hl7', clock - 3_600_000);
    // The latest time lands on the clock less an hour (by whole minutes: 06:00:12 -05:00); the admission stays
    // 3 d 5 h 20 min 12 s before it, the discharge 5 min 12 s before; the birth date stays as written.
    expect(clockRelevantDates(moved, 'hl7')).toEqual(['20310615060012-0500', '20310612004000-0500', '20310615055500-0500']);
    expect(moved).toContain('|19580314');
    const iso = '{"a":"2026-11-20T14:30:00-05:00","b":"2026-11-16T22:40Z","c":"2026-11-01","d":"2026-02-30","e":"1961-07-02"}';
    expect(JSON.parse(shiftSampleDates(iso, 'iso', Date.UTC(2031, 5, 15, 11, 0, 0)))).toEqual({
      a: '2031-06-15T06:00:00-05:00',
      b: '2031-06-11T14:10Z',
      c: '2031-05-27',
      // An impossible date is malformed input on purpose, a birth date is no clock: both as written.
      d: '2026-02-30',
      e: '1961-07-02',
    });
  });

  it('the loaders tests use give the moved sample (and the same message when loaded twice)', () => {
    expect(sampleText('discharge-adt-a03.hl7')).not.toBe(sampleTextAsWritten('discharge-adt-a03.hl7'));
    expect(sampleText('discharge-adt-a03.hl7')).toBe(sampleText('discharge-adt-a03.hl7'));
  });

  it('no test reads a sample folder except through those loaders', () => {
    const direct = filesUnder(join(ROOT, 'test'), isCode)
      .filter((f) => !f.includes(`${join('test', 'support')}`) && !f.endsWith(join('hygiene', 'fixture-dates.spec.ts')))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return /readFileSync|createReadStream/.test(text) && /['"]samples['"]|docs\/(integrations\/)?samples/.test(text);
      })
      .map((f) => relative(ROOT, f));
    expect(direct).toEqual([]);
  });
});
